/*
 * ip_trace.d - the second example of dtrace_ip(4) (FreeBSD manual,
 * verbatim): details of each IP packet as it is sent or received.
 *
 * Shows: ipio.d's columns without CPU, with wide address columns (room for
 *   IPv6) and the final layout's args[3]->if_name.
 * Sample: samples/captures/blog-ipio-tunnel.pcapng (also any other capture)
 * Run:    wiretrace -s samples/scripts/ip_trace.d -r samples/captures/blog-ipio-tunnel.pcapng
 */
#pragma D option quiet
#pragma D option switchrate=10Hz
dtrace:::BEGIN
{
printf(" %10s %30s %-30s %8s %6s\n", "DELTA(us)", "SOURCE",
"DEST", "INT", "BYTES");
last = timestamp;
}
ip:::send
{
this->elapsed = (timestamp - last) / 1000;
printf(" %10d %30s -> %-30s %8s %6d\n", this->elapsed,
args[2]->ip_saddr, args[2]->ip_daddr, args[3]->if_name,
args[2]->ip_plength);
last = timestamp;
}
ip:::receive
{
this->elapsed = (timestamp - last) / 1000;
printf(" %10d %30s <- %-30s %8s %6d\n", this->elapsed,
args[2]->ip_daddr, args[2]->ip_saddr, args[3]->if_name,
args[2]->ip_plength);
last = timestamp;
}
