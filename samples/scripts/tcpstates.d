#!/usr/sbin/dtrace -s
/*
 * tcpstates.d: every TCP state change, as bcc's tcpstates prints it
 * (SKADDR C-PID C-COMM LADDR LPORT RADDR RPORT OLDSTATE -> NEWSTATE MS).
 *
 * The states are the tcp provider's (RFC 9293, tracked from the capture),
 * named as Linux names them; MS is the time since the connection's previous
 * change (0 for its first). SKADDR, a kernel socket address for bcc, is the
 * connection id here (csinfo_t's cs_cid). C-PID and C-COMM are the capture's
 * process information for the segment that caused the change (0 and "" when
 * it has none). The side that closes first goes FIN_WAIT2 -> TIME_WAIT
 * here, as the protocol does; Linux prints FIN_WAIT2 -> CLOSE, because its
 * socket closes there and a separate time-wait socket takes over.
 *
 * Sample: samples/captures/tcpsnoop.pcapng
 * Run:    wiretrace -s samples/scripts/tcpstates.d -r samples/captures/tcpsnoop.pcapng
 */
#pragma D option quiet

self uint64_t last;

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
	printf("%-16s %-5s %-10.10s %s%-15s %-5s %-15s %-5s %-11s -> %-11s %s\n", "SKADDR", "C-PID", "C-COMM", "",
	    "LADDR", "LPORT", "RADDR", "RPORT", "OLDSTATE", "NEWSTATE", "MS");
}

tcp:::state-change
{
	this->us = self->last ? (timestamp - self->last) / 1000 : 0;
	printf("%-16x %-5d %-10.10s %s%-15s %-5d %-15s %-5d %-11s -> %-11s %d.%03d\n", args[1]->cs_cid, pid, execname, "",
	    args[3]->tcps_laddr, args[3]->tcps_lport, args[3]->tcps_raddr, args[3]->tcps_rport,
	    st[args[5]->tcps_state], st[args[3]->tcps_state], this->us / 1000, this->us % 1000);
	self->last = args[3]->tcps_state == TCP_STATE_CLOSED ? 0 : timestamp;
}
