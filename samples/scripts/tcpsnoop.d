#!/usr/sbin/dtrace -s
/*
 * tcpsnoop.d - snoop TCP packets by process, rewritten for the stable tcp
 * provider (the original, Brendan Gregg's 2004-2006 tcpsnoop.d, traced
 * sockfs and ip internals with fbt; its own header hoped for "a 'stable'
 * network provider" - this is that rewrite).
 *
 * Shows: UID PID LADDR LPORT DR RADDR RPORT SIZE CMD per TCP packet, "->"
 *   sent and "<-" received. PID and CMD come from the capture's process
 *   information (Darwin/pktap pcapng) and are 0 and "" where it has none,
 *   e.g. the reset for a closed port, as the original printed them. UID is
 *   never in a capture: always 0. SIZE is the Ethernet frame size the
 *   original printed (IP payload + IP header + 14).
 * Sample: samples/captures/tcpsnoop.pcapng
 * Run:    wiretrace -s samples/scripts/tcpsnoop.d -r samples/captures/tcpsnoop.pcapng
 */

#pragma D option quiet
#pragma D option switchrate=10hz

dtrace:::BEGIN
{
	printf("%5s %6s %-15s %5s %2s %-15s %5s %5s %s\n", "UID", "PID",
	    "LADDR", "LPORT", "DR", "RADDR", "RPORT", "SIZE", "CMD");
}

tcp:::send
{
	this->size = args[2]->ip_plength + (args[2]->ip_ver == 4 ? 20 : 40) + 14;
	printf("%5d %6d %-15s %5d %2s %-15s %5d %5d %s\n", uid, pid,
	    args[2]->ip_saddr, args[4]->tcp_sport, "->",
	    args[2]->ip_daddr, args[4]->tcp_dport, this->size, execname);
}

tcp:::receive
{
	this->size = args[2]->ip_plength + (args[2]->ip_ver == 4 ? 20 : 40) + 14;
	printf("%5d %6d %-15s %5d %2s %-15s %5d %5d %s\n", uid, pid,
	    args[2]->ip_daddr, args[4]->tcp_dport, "<-",
	    args[2]->ip_saddr, args[4]->tcp_sport, this->size, execname);
}
