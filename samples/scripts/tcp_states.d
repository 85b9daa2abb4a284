#!/usr/sbin/dtrace -s
/*
 * tcp_states.d - TCP state changes as the local host's stack made them.
 *
 * Shows: time (ms since the first change), the connection, and the old
 *   and new state (tcp_state_string[]): the handshake, TIME_WAIT, closes.
 * Sample: samples/captures/tcpsnoop.pcapng (also accept-queue.pcapng)
 * Run:    wiretrace -s samples/scripts/tcp_states.d -r samples/captures/tcpsnoop.pcapng
 */

#pragma D option quiet

dtrace:::BEGIN
{
	printf("%9s %-15s %5s    %-15s %5s  %-22s    %s\n", "TIME(ms)",
	    "LADDR", "LPORT", "RADDR", "RPORT", "OLD STATE", "NEW STATE");
}

tcp:::state-change
/start == 0/
{
	start = timestamp;
}

tcp:::state-change
{
	printf("%9d %-15s %5d -> %-15s %5d  %-22s -> %s\n",
	    (timestamp - start) / 1000000,
	    args[3]->tcps_laddr, args[3]->tcps_lport,
	    args[3]->tcps_raddr, args[3]->tcps_rport,
	    tcp_state_string[args[5]->tcps_state],
	    tcp_state_string[args[3]->tcps_state]);
}
