#!/usr/sbin/dtrace -s
/*
 * tcplife.d: the life of each TCP session, printed when it closes, as bcc's
 * tcplife prints it (PID COMM LADDR LPORT RADDR RPORT TX_KB RX_KB MS).
 *
 * As bcc's: the session is born at its last state change into SYN_SENT,
 * SYN_RECEIVED or ESTABLISHED (so MS runs from the handshake's end) and dies
 * when the socket closes — CLOSED, or TIME_WAIT for the side that closed
 * first (Linux moves that socket to TCP_CLOSE as it enters TIME-WAIT); the
 * process is the one at SYN_SENT (an active open) or LAST_ACK (a close
 * answered), else the one at the close; TX_KB and RX_KB are the payload
 * bytes sent (first transmissions) and received, in whole KB. A connection
 * refused by the peer lives 0 bytes, as bcc shows it. PID and COMM are the
 * capture's process information (0 and "" when it has none).
 *
 * Sample: samples/captures/tcpsnoop.pcapng
 *   (ssh, wget, an inbound ssh and finger, a
 *   refused telnet)
 * Run:    wiretrace -s samples/scripts/tcplife.d -r samples/captures/tcpsnoop.pcapng
 */
#pragma D option quiet

self int tx, rx;

dtrace:::BEGIN
{
	printf("%-5s %-10.10s %s%-15s %-5s %-15s %-5s %5s %5s %s\n", "PID", "COMM", "", "LADDR", "LPORT",
	    "RADDR", "RPORT", "TX_KB", "RX_KB", "MS");
}

tcp:::state-change
/args[3]->tcps_state == TCP_STATE_SYN_SENT || args[3]->tcps_state == TCP_STATE_SYN_RECEIVED ||
    args[3]->tcps_state == TCP_STATE_ESTABLISHED/
{
	self->birth = timestamp;
}

tcp:::state-change
/args[3]->tcps_state == TCP_STATE_SYN_SENT || args[3]->tcps_state == TCP_STATE_LAST_ACK/
{
	self->pid = pid;
	self->comm = execname;
	self->who = 1;
}

tcp:::send
/self->birth && args[3]->tcps_retransmit == 0/
{
	self->tx += args[2]->ip_plength - args[4]->tcp_offset;
}

tcp:::receive
/self->birth/
{
	self->rx += args[2]->ip_plength - args[4]->tcp_offset;
}

tcp:::state-change
/self->birth && (args[3]->tcps_state == TCP_STATE_CLOSED || args[3]->tcps_state == TCP_STATE_TIME_WAIT)/
{
	/* bcc: span_us = ns / 1000, printed as ms with "%.2f" (rounded to 10 us) */
	this->h = ((timestamp - self->birth) / 1000 + 5) / 10;
	/*
	 * Without process information execname is "", and a thread-local set
	 * to "" is freed (reads back as NULL, which printf cannot print): so
	 * self->comm is compared (a comparison reads NULL as "") before use.
	 */
	this->comm = !self->who ? execname : self->comm != "" ? self->comm : "";
	printf("%-5d %-10.10s %s%-15s %-5d %-15s %-5d %5d %5d %d.%02d\n", self->who ? self->pid : pid,
	    this->comm, "", args[3]->tcps_laddr, args[3]->tcps_lport,
	    args[3]->tcps_raddr, args[3]->tcps_rport, self->tx / 1024, self->rx / 1024, this->h / 100, this->h % 100);
	self->birth = 0;
	self->tx = 0;
	self->rx = 0;
	self->who = 0;
	self->pid = 0;
}
