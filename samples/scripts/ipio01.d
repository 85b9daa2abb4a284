#!/usr/sbin/dtrace -s
/*
 * ipio01.d - IP send/receive with protocol (DTrace Network Providers,
 * Prototype #2, 2007; verbatim, with the page's lost line breaks restored).
 *
 * Shows: one line per ipv4/ipv6 send or receive: probe, addresses,
 *   ip_plength, interface and the protocol above IP.
 * Uses:  the 2007 prototype layout: args[1] ipinfo_t, args[2] ifinfo_t
 *   (ill_name), args[3] ipv4info_t/ipv6info_t.
 * Samples: samples/captures/proto2-*.pcapng (one per scenario of the page)
 * Run:    wiretrace -s samples/scripts/ipio01.d -r samples/captures/proto2-ipsec-out.pcapng
 */
#pragma D option quiet
#pragma D option switchrate=10hz
dtrace:::BEGIN
{
printf(" %-10s %-15s %-15s %5s %8s %6s\n", "NAME", "SOURCE",
"DEST", "BYTES", "INT", "PROTO");
}
ipv4*:::send,
ipv4*:::receive
{
self->protocol = args[3]->ipv4_protocol;
}
ipv6*:::send,
ipv6*:::receive
{
self->protocol = args[3]->ipv6_next;
}
ipv*:::send,
ipv*:::receive
{
this->protostr =
self->protocol == IPPROTO_IP ? "IP" :
self->protocol == IPPROTO_ICMP ? "ICMP" :
self->protocol == IPPROTO_IGMP ? "IGMP" :
self->protocol == IPPROTO_TCP ? "TCP" :
self->protocol == IPPROTO_EGP ? "EGP" :
self->protocol == IPPROTO_UDP ? "UDP" :
self->protocol == IPPROTO_IPV6 ? "IPV6" :
self->protocol == IPPROTO_ROUTING ? "ROUTE" :
self->protocol == IPPROTO_ESP ? "ESP" :
self->protocol == IPPROTO_AH ? "AH" :
self->protocol == IPPROTO_ICMPV6 ? "ICMPV6" :
self->protocol == IPPROTO_OSPF ? "OSPF" :
self->protocol == IPPROTO_SCTP ? "SCTP" :
self->protocol == IPPROTO_RAW ? "RAW" :
lltostr((uint64_t)self->protocol);
self->protocol = 0;
}
ipv4*:::send,
ipv4*:::receive
{
printf(" %-10s %-15s -> %-15s %5d %8s %6s\n", probename,
args[1]->ip_saddr, args[1]->ip_daddr, args[1]->ip_plength,
args[2]->ill_name, this->protostr);
}
ipv6*:::send,
ipv6*:::receive
{
printf(" %-10s %-15s -> %-15s %5d %8s %6s\n", probename,
args[1]->ip_saddr, args[1]->ip_daddr, args[1]->ip_plength,
args[2]->ill_name, this->protostr);
}
