#!/usr/sbin/dtrace -s
/*
 * ip_tunnels.d - tunnels versus NICs: packets and bytes per interface and
 * direction, and the layer path of the first packet seen on each interface.
 *
 * Shows: args[3]->if_name for physical interfaces and the virtual tunnel
 *   interfaces wiretrace fires inner packets on (ip.tun0 in a capture that
 *   names it, gre0, vxlan5001 ...); stack() prints the layer path.
 * Sample: samples/captures/demo-mixed.pcapng (GRE, VXLAN, VLAN 42);
 *         samples/captures/blog-ipio-tunnel.pcapng (ip.tun0 inside nge0)
 * Run:    wiretrace -s samples/scripts/ip_tunnels.d -r samples/captures/demo-mixed.pcapng
 */

#pragma D option quiet

ip:::send,
ip:::receive
/!seen[args[3]->if_name]/
{
	seen[args[3]->if_name] = 1;
	printf("first packet on %s (%s %s -> %s):", args[3]->if_name,
	    probename, args[2]->ip_saddr, args[2]->ip_daddr);
	stack();
}

ip:::send,
ip:::receive
{
	@pkts[args[3]->if_name, probename] = count();
	@bytes[args[3]->if_name, probename] = sum(args[2]->ip_plength);
}

dtrace:::END
{
	printf("\n%-12s %-8s %8s %10s\n", "INTERFACE", "PROBE", "PACKETS", "BYTES");
	printa("%-12s %-8s %@8d %@10d\n", @pkts, @bytes);
}
