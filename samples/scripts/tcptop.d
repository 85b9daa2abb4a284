#!/usr/sbin/dtrace -s
/*
 * tcptop.d: TCP throughput by process and connection, every interval, as
 * bcc's tcptop -C prints it (PID COMM LADDR RADDR RX_KB TX_KB, busiest
 * first; IPv6 in a table of its own).
 *
 * bcc counts the bytes of tcp_sendmsg() and tcp_cleanup_rbuf(): what
 * processes write and read. Here: the payload of each segment sent (not
 * retransmissions) and received, keyed by the capture's process information
 * for it (0 and "" when it has none). Each summary opens with the time (UTC)
 * where bcc prints the load average, which a capture does not have. The
 * interval is $1 seconds (default 1); the end of the capture prints the last,
 * partial one, as Ctrl-C does for bcc.
 *
 * Sample: samples/captures/tcpsnoop.pcapng
 *   (one-second intervals)
 * Run:    wiretrace -s samples/scripts/tcptop.d -r samples/captures/tcpsnoop.pcapng
 */
#pragma D option quiet
#pragma D option defaultargs
/* printa joins RX, TX and their total; rows sort by the total (the third), largest first */
#pragma D option aggsortpos=2
#pragma D option aggsortrev

dtrace:::BEGIN
{
	interval = $1 > 0 ? $1 : 1;
	secs = interval;
	printf("Tracing... Output every %d secs. Hit Ctrl-C to end\n", interval);
}

/*
 * Every firing sets this->n first (a clause-local variable is undefined at
 * the start of a firing): the payload, or 0 for a retransmission.
 */
tcp:::send, tcp:::receive
{
	this->n = probename == "send" && args[3]->tcps_retransmit ? 0 : args[2]->ip_plength - args[4]->tcp_offset;
}

tcp:::send, tcp:::receive
/this->n/
{
	this->k = strjoin(strjoin(args[3]->tcps_laddr, ":"), lltostr(args[3]->tcps_lport));
	this->r = strjoin(strjoin(args[3]->tcps_raddr, ":"), lltostr(args[3]->tcps_rport));
	this->v6 = args[2]->ip_ver == 6;
}

tcp:::send
/this->n && !this->v6/
{
	@tx4[pid, execname, this->k, this->r] = sum(this->n); @rx4[pid, execname, this->k, this->r] = sum(0);
	@t4[pid, execname, this->k, this->r] = sum(this->n); n4++;
}

tcp:::receive
/this->n && !this->v6/
{
	@rx4[pid, execname, this->k, this->r] = sum(this->n); @tx4[pid, execname, this->k, this->r] = sum(0);
	@t4[pid, execname, this->k, this->r] = sum(this->n); n4++;
}

tcp:::send
/this->n && this->v6/
{
	@tx6[pid, execname, this->k, this->r] = sum(this->n); @rx6[pid, execname, this->k, this->r] = sum(0);
	@t6[pid, execname, this->k, this->r] = sum(this->n); n6++;
}

tcp:::receive
/this->n && this->v6/
{
	@rx6[pid, execname, this->k, this->r] = sum(this->n); @tx6[pid, execname, this->k, this->r] = sum(0);
	@t6[pid, execname, this->k, this->r] = sum(this->n); n6++;
}

profile:::tick-1sec
/--secs == 0/
{
	secs = interval;
	summary = 1;
}

profile:::tick-1sec, dtrace:::END
/summary || probename == "END"/
{
	this->s = (walltimestamp / 1000000000) % 86400;
	printf("\n%02d:%02d:%02d\n\n", this->s / 3600, (this->s / 60) % 60, this->s % 60);
	normalize(@rx4, 1024); normalize(@tx4, 1024); normalize(@rx6, 1024); normalize(@tx6, 1024);
}

profile:::tick-1sec, dtrace:::END
/(summary || probename == "END") && n4/
{
	printf("%-7s %-12s %-21s %-21s %6s %6s\n", "PID", "COMM", "LADDR", "RADDR", "RX_KB", "TX_KB");
	printa("%-7d %-12.12s %-21s %-21s %@6d %@6d\n", @rx4, @tx4, @t4);
}

profile:::tick-1sec, dtrace:::END
/(summary || probename == "END") && n6/
{
	printf("\n%-7s %-12s %-32s %-32s %6s %6s\n", "PID", "COMM", "LADDR6", "RADDR6", "RX_KB", "TX_KB");
	printa("%-7d %-12.12s %-32s %-32s %@6d %@6d\n", @rx6, @tx6, @t6);
}

profile:::tick-1sec, dtrace:::END
/summary || probename == "END"/
{
	trunc(@rx4); trunc(@tx4); trunc(@t4); trunc(@rx6); trunc(@tx6); trunc(@t6);
	n4 = 0;
	n6 = 0;
	summary = 0;
}
