#!/usr/sbin/dtrace -s
/*
 * tcpconnect.d: the TCP connections this host opens, as bcc's tcpconnect
 * prints them (PID COMM IP SADDR DADDR DPORT).
 *
 * bcc traces tcp_v4_connect()/tcp_v6_connect(); here tcp:::connect-request
 * fires as the SYN leaves, the same moment on the wire. A connection the
 * peer refuses is listed too, as bcc lists it. PID and COMM are the
 * capture's process information for the SYN (0 and "" when it has none).
 *
 * Sample: samples/captures/tcpsnoop.pcapng
 *   (ssh, wget and telnet connecting out from
 *   10.1.1.20, the telnet to a closed port)
 * Run:    wiretrace -s samples/scripts/tcpconnect.d -r samples/captures/tcpsnoop.pcapng
 */
#pragma D option quiet

dtrace:::BEGIN
{
	printf("Tracing connect ... Hit Ctrl-C to end\n");
	printf("%-7s %-12s %-2s %-16s %-16s %-6s\n", "PID", "COMM", "IP", "SADDR", "DADDR", "DPORT");
}

tcp:::connect-request
{
	/* bcc's line ends with its (empty) DNS column: "%-6d %s" */
	printf("%-7d %-12.12s %-2d %-16s %-16s %-6d \n", pid, execname, args[2]->ip_ver,
	    args[2]->ip_saddr, args[2]->ip_daddr, args[4]->tcp_dport);
}
