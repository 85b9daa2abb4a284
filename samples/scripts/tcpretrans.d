#!/usr/sbin/dtrace -s
/*
 * tcpretrans.d: TCP retransmissions this host sends, as bcc's tcpretrans
 * prints them (TIME PID IP LADDR:LPORT T> RADDR:RPORT STATE).
 *
 * bcc traces tcp_retransmit_skb(); here a segment this host sends starting
 * below what it had already sent (tcpsinfo_t's tcps_retransmit) is one. T is
 * R (bcc's -l tail-loss probes, L, are a kernel decision a capture cannot
 * tell apart). TIME is the packet's wall-clock time (UTC); PID is the
 * capture's process information for it, else 0 (a retransmission usually
 * runs from a timer, where bcc shows 0 too).
 *
 * Sample: samples/captures/demo-mixed.pcapng
 *   (an HTTPS request whose last segment is
 *   lost and retransmitted twice)
 * Run:    wiretrace -s samples/scripts/tcpretrans.d -r samples/captures/demo-mixed.pcapng
 */
#pragma D option quiet

dtrace:::BEGIN
{
	st[TCP_STATE_CLOSED] = "CLOSE";
	st[TCP_STATE_IDLE] = "CLOSE";
	st[TCP_STATE_BOUND] = "CLOSE";
	st[TCP_STATE_LISTEN] = "LISTEN";
	st[TCP_STATE_SYN_SENT] = "SYN_SENT";
	st[TCP_STATE_SYN_RECEIVED] = "SYN_RECV";
	st[TCP_STATE_ESTABLISHED] = "ESTABLISHED";
	st[TCP_STATE_CLOSE_WAIT] = "CLOSE_WAIT";
	st[TCP_STATE_FIN_WAIT_1] = "FIN_WAIT1";
	st[TCP_STATE_CLOSING] = "CLOSING";
	st[TCP_STATE_LAST_ACK] = "LAST_ACK";
	st[TCP_STATE_FIN_WAIT_2] = "FIN_WAIT2";
	st[TCP_STATE_TIME_WAIT] = "TIME_WAIT";
	printf("Tracing retransmits ... Hit Ctrl-C to end\n");
	printf("%-8s %-7s %-2s %-20s %1s> %-20s %-4s\n", "TIME", "PID", "IP", "LADDR:LPORT", "T", "RADDR:RPORT", "STATE");
}

tcp:::send
/args[3]->tcps_retransmit/
{
	this->s = (walltimestamp / 1000000000) % 86400;
	printf("%02d:%02d:%02d %-7d %-2d %-20s %1s> %-20s %s\n", this->s / 3600, (this->s / 60) % 60, this->s % 60,
	    pid, args[2]->ip_ver, strjoin(strjoin(args[3]->tcps_laddr, ":"), lltostr(args[3]->tcps_lport)), "R",
	    strjoin(strjoin(args[3]->tcps_raddr, ":"), lltostr(args[3]->tcps_rport)), st[args[3]->tcps_state]);
}
