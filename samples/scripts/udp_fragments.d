#!/usr/sbin/dtrace -s
/*
 * udp_fragments.d: IP fragments, and the UDP datagrams they carry.
 *
 * One line per IP packet as it is sent and received — for a fragment, its
 * identification, offset and more-fragments flag (IPv6: read from the
 * fragment header through the raw ipv6_hdr pointer) — and one line per UDP
 * datagram: udp:::send just before its first fragment leaves, udp:::receive
 * once the fragment completing it has arrived, each with the length of the
 * whole datagram, as a kernel fires them around fragmentation and
 * reassembly.
 *
 * Sample: samples/captures/udp-fragments-lo.pcap
 *   (a real capture of lo at MTU 1280 (the script that made it:
 *   samples/captures/udp-fragments-lo.sh): datagrams of 3000, 400 and 6000
 *   bytes over 127.0.0.1, echoed back, then over ::1)
 * Run:    wiretrace -s samples/scripts/udp_fragments.d -r samples/captures/udp-fragments-lo.pcap
 */
#pragma D option quiet

dtrace:::BEGIN
{
	printf("%5s %-12s %-10s %-10s %5s  %s\n", "FRAME", "PROBE", "SOURCE", "DEST", "BYTES", "DETAIL");
}

ip:::send, ip:::receive
/args[4] != NULL/
{
	/* ip.d: ipv4_flags is the flags/offset word >> 12 (MF = 2), ipv4_offset the rest, in 8-byte units */
	this->off = args[4]->ipv4_offset * 8;
	this->mf = args[4]->ipv4_flags & 2;
	printf("%5d %-12s %-10s %-10s %5d  %s\n", args[0]->pkt_addr, strjoin("ip:", probename),
	    args[2]->ip_saddr, args[2]->ip_daddr, args[2]->ip_plength,
	    this->mf || this->off ? strjoin(strjoin(strjoin("fragment id ", lltostr(args[4]->ipv4_ident)),
	    strjoin(" offset ", lltostr(this->off))), this->mf ? " MF" : "") : "-");
}

ip:::send, ip:::receive
/args[5] != NULL && args[5]->ipv6_nexthdr == 44/
{
	/* The fragment header right after the fixed header: offset/flags word at +2, identification at +4. */
	this->fh = (uint8_t *)args[5]->ipv6_hdr + 40;
	this->w = ntohs(*(uint16_t *)(this->fh + 2));
	printf("%5d %-12s %-10s %-10s %5d  fragment id %u offset %d%s\n", args[0]->pkt_addr, strjoin("ip:", probename),
	    args[2]->ip_saddr, args[2]->ip_daddr, args[2]->ip_plength,
	    ntohl(*(uint32_t *)(this->fh + 4)), this->w & 0xfff8, this->w & 1 ? " MF" : "");
}

ip:::send, ip:::receive
/args[5] != NULL && args[5]->ipv6_nexthdr != 44/
{
	printf("%5d %-12s %-10s %-10s %5d  -\n", args[0]->pkt_addr, strjoin("ip:", probename),
	    args[2]->ip_saddr, args[2]->ip_daddr, args[2]->ip_plength);
}

udp:::send, udp:::receive
{
	printf("%5d %-12s %-10s %-10s %5d  port %d > %d, udp_length %d\n", args[0]->pkt_addr, strjoin("udp:", probename),
	    args[2]->ip_saddr, args[2]->ip_daddr, args[2]->ip_plength,
	    args[4]->udp_sport, args[4]->udp_dport, args[4]->udp_length);
}
