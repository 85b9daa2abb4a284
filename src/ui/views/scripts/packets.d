/*
 * packets.d -- the Timeline and Tunnels tabs: one tab-separated line per IP
 * layer per frame, ipio-style:
 *
 *   timestamp  frame  send|receive  interface  source  destination
 *   payload-bytes  total-bytes  protocol
 *
 * A frame that carries a tunnel fires once per IP layer (outer on the NIC,
 * inner on the tunnel interface), in that order; Tunnels groups them by frame.
 *
 * BEGIN prints "begin  timestamp" (the first row's DELTA counts from it).
 *
 * UDP datagrams also print "udp  frame  sport  dport", so that NAT-T ESP
 * (UDP port 4500) can be told from other UDP. The views run this script with
 * -Z, so it still runs where the udp provider matches nothing.
 */
#pragma D option quiet

/* BEGIN's timestamp: the first row's DELTA counts from it, as ipio.d's first line does. */
dtrace:::BEGIN
{
	printf("begin\t%d\n", timestamp);
}

ip:::send,
ip:::receive
/args[2]->ip_ver == 4/
{
	printf("%d\t%d\t%s\t%s\t%s\t%s\t%d\t%d\t%s\n", timestamp, args[0]->pkt_addr,
	    probename, args[3]->if_name, args[2]->ip_saddr, args[2]->ip_daddr,
	    args[2]->ip_plength, args[4]->ipv4_length, args[4]->ipv4_protostr);
}

ip:::send,
ip:::receive
/args[2]->ip_ver == 6/
{
	printf("%d\t%d\t%s\t%s\t%s\t%s\t%d\t%d\t%s\n", timestamp, args[0]->pkt_addr,
	    probename, args[3]->if_name, args[2]->ip_saddr, args[2]->ip_daddr,
	    args[2]->ip_plength, args[5]->ipv6_plen + 40, args[5]->ipv6_nextstr);
}

udp:::send,
udp:::receive
{
	printf("udp\t%d\t%d\t%d\n", args[0]->pkt_addr, args[4]->udp_sport,
	    args[4]->udp_dport);
}
