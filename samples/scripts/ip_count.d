/*
 * ip_count.d - the first example of dtrace_ip(4) (FreeBSD manual, verbatim):
 * counts received packets by remote host address.
 *
 * Shows: the @num aggregation, printed when the capture ends.
 * Sample: samples/captures/proto2-receivers.pcapng
 * Run:    wiretrace -s samples/scripts/ip_count.d -r samples/captures/proto2-receivers.pcapng
 */
ip:::receive
{
@num[args[2]->ip_saddr] = count();
}
