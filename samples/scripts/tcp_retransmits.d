#!/usr/sbin/dtrace -s
/*
 * tcp_retransmits.d - TCP retransmissions: each retransmitted segment as it
 * is sent, then a count per destination.
 *
 * Shows: tcpsinfo_t's tcps_retransmit flag on tcp:::send (set by the
 *   connection tracking when a segment repeats sequence space already sent).
 * Sample: samples/captures/demo-mixed.pcapng (one tail loss, retried twice)
 * Run:    wiretrace -s samples/scripts/tcp_retransmits.d -r samples/captures/demo-mixed.pcapng
 */

#pragma D option quiet

tcp:::send
/args[3]->tcps_retransmit == 1/
{
	printf("%Y retransmit %s:%d -> %s:%d seq %u len %d\n", walltimestamp,
	    args[2]->ip_saddr, args[4]->tcp_sport, args[2]->ip_daddr,
	    args[4]->tcp_dport, args[4]->tcp_seq, args[2]->ip_plength -
	    args[4]->tcp_offset);
	@[args[2]->ip_daddr] = count();
}

dtrace:::END
{
	printf("\n%-40s %8s\n", "DESTINATION", "RETRANS");
	printa("%-40s %@8d\n", @);
}
