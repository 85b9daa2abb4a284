#!/usr/sbin/dtrace -s
/*
 * ip_receivers.d - who is sending IP packets to us? (the Prototype #2
 * page's one-liner, in the final ip provider layout: the 2007 page wrote
 * args[1]->ip_saddr, which is args[2] in dtrace_ip(4)).
 *
 * Shows: received packets counted per source address, printed when the
 *   capture ends (as at Ctrl-C), smallest count first.
 * Sample: samples/captures/proto2-receivers.pcapng
 * Run:    wiretrace -s samples/scripts/ip_receivers.d -r samples/captures/proto2-receivers.pcapng
 *    or:  wiretrace -n 'ip:::receive { @[args[2]->ip_saddr] = count(); }' -r samples/captures/proto2-receivers.pcapng
 */
ip:::receive { @[args[2]->ip_saddr] = count(); }
