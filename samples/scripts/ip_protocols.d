#!/usr/sbin/dtrace -s
/*
 * ip_protocols.d - the protocol mix: packets per IP version, direction and
 * protocol above IP (ipv4_protostr / ipv6_nextstr).
 *
 * Shows: one aggregation keyed by three strings; tunnels count twice (the
 *   outer packet, then the inner one on its tunnel interface).
 * Sample: samples/captures/demo-mixed.pcapng
 * Run:    wiretrace -s samples/scripts/ip_protocols.d -r samples/captures/demo-mixed.pcapng
 */

ip:::send,
ip:::receive
/args[2]->ip_ver == 4/
{
	@[probename, "IPv4", args[4]->ipv4_protostr] = count();
}

ip:::send,
ip:::receive
/args[2]->ip_ver == 6/
{
	@[probename, "IPv6", args[5]->ipv6_nextstr] = count();
}
