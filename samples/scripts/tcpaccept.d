#!/usr/sbin/dtrace -s
/*
 * tcpaccept.d: the TCP connections this host accepts, as bcc's tcpaccept
 * prints them (PID COMM IP RADDR RPORT LADDR LPORT).
 *
 * bcc traces the return of inet_csk_accept(); here tcp:::accept-established
 * fires when the handshake completes, which is when the connection becomes
 * acceptable (a capture cannot see the accept() call itself). PID and COMM
 * are the capture's process information for that segment: the listener's
 * process. A SYN to a closed port is no accept and is not listed.
 *
 * Sample: samples/captures/tcpsnoop.pcapng
 *   (ssh to sshd and finger to inetd on
 *   10.1.1.20; a SYN to the closed port 8080)
 * Run:    wiretrace -s samples/scripts/tcpaccept.d -r samples/captures/tcpsnoop.pcapng
 */
#pragma D option quiet

dtrace:::BEGIN
{
	printf("%-7s %-12s %-2s %-16s %-5s %-16s %-5s\n", "PID", "COMM", "IP", "RADDR", "RPORT", "LADDR", "LPORT");
}

tcp:::accept-established
{
	printf("%-7d %-12.12s %-2d %-16s %-5d %-16s %-5d\n", pid, execname, args[2]->ip_ver,
	    args[3]->tcps_raddr, args[3]->tcps_rport, args[3]->tcps_laddr, args[3]->tcps_lport);
}
