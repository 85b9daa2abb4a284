#!/usr/sbin/dtrace -s
/*
 * tcp_acceptq.d - incoming connections to one port, as the accept-queue
 * article's tcpq_ex11.d printed them with fbt (tcp_conn_request and
 * tcp_send_conn_ind), rewritten for the tcp provider.
 *
 * Shows: a CSV line per SYN received ("syn") and per completed handshake
 *   ("syn-aa"): timestamp (ns), walltimestamp, source address and port,
 *   local port. The queue lengths (Q0, Q, Qmax) the original read from the
 *   listener are kernel state no capture holds, so they are left out; the
 *   retried SYNs show the full backlog all the same.
 * Sample: samples/captures/accept-queue.pcapng
 * Run:    wiretrace -s samples/scripts/tcp_acceptq.d -r samples/captures/accept-queue.pcapng 2000
 *         (or 22 for the ssh connections)
 */

#pragma D option quiet

dtrace:::BEGIN
{
	printf("TS,Date,Action,Source IP,Source Port,Dest Port\n");
}

tcp:::receive
/args[4]->tcp_dport == $1 && args[4]->tcp_flags == TH_SYN/
{
	printf("%d,%Y,%s,%s,%d,%d\n", timestamp, walltimestamp, "syn",
	    args[2]->ip_saddr, args[4]->tcp_sport, args[4]->tcp_dport);
}

tcp:::accept-established
/args[4]->tcp_dport == $1/
{
	printf("%d,%Y,%s,%s,%d,%d\n", timestamp, walltimestamp, "syn-aa",
	    args[2]->ip_saddr, args[4]->tcp_sport, args[4]->tcp_dport);
}
