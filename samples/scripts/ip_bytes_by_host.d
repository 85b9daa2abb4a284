#!/usr/sbin/dtrace -s
/*
 * ip_bytes_by_host.d - IP payload bytes sent to and received from each host.
 *
 * Shows: two aggregations summing ip_plength per remote address, printed
 *   with printa() when the capture ends.
 * Sample: samples/captures/demo-mixed.pcapng
 * Run:    wiretrace -s samples/scripts/ip_bytes_by_host.d -r samples/captures/demo-mixed.pcapng
 */

#pragma D option quiet

ip:::send
{
	@out[args[2]->ip_daddr] = sum(args[2]->ip_plength);
}

ip:::receive
{
	@in[args[2]->ip_saddr] = sum(args[2]->ip_plength);
}

dtrace:::END
{
	printf("%-40s %12s\n", "SENT TO", "BYTES");
	printa("%-40s %@12d\n", @out);
	printf("\n%-40s %12s\n", "RECEIVED FROM", "BYTES");
	printa("%-40s %@12d\n", @in);
}
