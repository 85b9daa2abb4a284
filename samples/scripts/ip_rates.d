#!/usr/sbin/dtrace -s
/*
 * ip_rates.d - packets and bytes per second, in and out, printed every
 * second of capture time by profile:::tick-1sec.
 *
 * Shows: tick probes firing on the capture's clock between packets, and
 *   aggregations printed and cleared per interval.
 * Sample: samples/captures/demo-mixed.pcapng
 * Run:    wiretrace -s samples/scripts/ip_rates.d -r samples/captures/demo-mixed.pcapng
 */

#pragma D option quiet

dtrace:::BEGIN
{
	printf("%-20s %8s %10s %8s %10s\n", "TIME", "PKTS IN", "BYTES IN",
	    "PKTS OUT", "BYTES OUT");
	pin = 0; bin = 0; pout = 0; bout = 0;
}

ip:::receive
{
	pin++;
	bin += args[2]->ip_plength;
}

ip:::send
{
	pout++;
	bout += args[2]->ip_plength;
}

profile:::tick-1sec
{
	printf("%-20Y %8d %10d %8d %10d\n", walltimestamp, pin, bin, pout, bout);
	pin = 0; bin = 0; pout = 0; bout = 0;
}
