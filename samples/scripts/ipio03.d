#!/usr/sbin/dtrace -s
/*
 * ipio03.d - IP read/write/send/receive (DTrace Network Providers,
 * Prototype #2, 2007; verbatim, with the page's lost line breaks restored).
 *
 * Shows: write before send for packets this host originates, read after
 *   receive for packets it delivers; send/receive are padded to 9 columns
 *   and read/write to 10, as in the original.
 * Uses:  the 2007 prototype layout (args[1] ipinfo_t, args[2] ifinfo_t).
 * Samples: samples/captures/proto2-*.pcapng
 * Run:    wiretrace -s samples/scripts/ipio03.d -r samples/captures/proto2-tcp4-out.pcapng
 */
#pragma D option quiet
#pragma D option switchrate=10hz
dtrace:::BEGIN
{
printf(" %-10s %-15s %-15s %5s %8s\n", "NAME", "SOURCE", "DEST",
"BYTES", "INT");
}
ipv4*:::send,
ipv4*:::receive
{
printf(" %-9s %-15s -> %-15s %5d %8s\n", probename,
args[1]->ip_saddr, args[1]->ip_daddr, args[1]->ip_plength,
args[2]->ill_name);
}
ipv4*:::read,
ipv4*:::write
{
printf(" %-10s %-15s -> %-15s %5d %8s\n", probename,
args[1]->ip_saddr, args[1]->ip_daddr, args[1]->ip_plength,
args[2]->ill_name);
}
ipv6*:::send,
ipv6*:::receive
{
printf(" %-9s %-15s -> %-15s %5d %8s\n", probename,
args[1]->ip_saddr, args[1]->ip_daddr, args[1]->ip_plength,
args[2]->ill_name);
}
ipv6*:::read,
ipv6*:::write
{
printf(" %-10s %-15s -> %-15s %5d %8s\n", probename,
args[1]->ip_saddr, args[1]->ip_daddr, args[1]->ip_plength,
args[2]->ill_name);
}
