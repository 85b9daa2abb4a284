/*
 * hosts.d -- the Hosts tab: packets and IP payload bytes per host, sent and
 * received. Every IP layer counts once, so a tunnelled packet counts for both
 * its outer (NIC) and its inner (tunnel interface) hosts.
 *
 * A loopback packet fires ip:::send and then ip:::receive for the same IP
 * layer (as the kernel sends it and takes it back in); its receive firing
 * (args[3]->if_local is 1 on loopback) is not counted again.
 *
 * Run it yourself: the aggregations print at the end of the capture.
 */
#pragma D option quiet

ip:::send,
ip:::receive
/probename == "send" || !args[3]->if_local/
{
	@sent_pkts[args[2]->ip_saddr] = count();
	@sent_bytes[args[2]->ip_saddr] = sum(args[2]->ip_plength);
	@recv_pkts[args[2]->ip_daddr] = count();
	@recv_bytes[args[2]->ip_daddr] = sum(args[2]->ip_plength);
}
