#!/usr/sbin/dtrace -s
/*
 * udp_dns.d - DNS traffic seen with the udp provider: each query and
 * response with its size, then the servers used.
 *
 * Shows: udpinfo_t (udp_sport, udp_dport, udp_length) on udp:::send and
 *   udp:::receive, and a count per server.
 * Sample: samples/captures/demo-mixed.pcapng (also proto2-udp-dns-out.pcapng)
 * Run:    wiretrace -s samples/scripts/udp_dns.d -r samples/captures/demo-mixed.pcapng
 */

#pragma D option quiet

udp:::send
/args[4]->udp_dport == 53/
{
	printf("%-8s %-15s %5d -> %-15s %5d %5d bytes\n", "query",
	    args[2]->ip_saddr, args[4]->udp_sport, args[2]->ip_daddr,
	    args[4]->udp_dport, args[4]->udp_length);
	@servers[args[2]->ip_daddr] = count();
}

udp:::receive
/args[4]->udp_sport == 53/
{
	printf("%-8s %-15s %5d <- %-15s %5d %5d bytes\n", "response",
	    args[2]->ip_daddr, args[4]->udp_dport, args[2]->ip_saddr,
	    args[4]->udp_sport, args[4]->udp_length);
}

dtrace:::END
{
	printf("\n%-40s %8s\n", "DNS SERVER", "QUERIES");
	printa("%-40s %@8d\n", @servers);
}
