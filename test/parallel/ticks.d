/*
 * A tick-driven report for the parallel CLI test: per-interval counts
 * printed and cleared by a tick (a synchronisation point), a macro argument
 * and a -D definition, and a tick that stops the run.
 */
#include <netinet/in.h>
#include "ticks-ports.h"

udp:::send, udp:::receive
/args[4]->udp_dport == PORT || args[4]->udp_sport == PORT || args[4]->udp_dport == NTP/
{
	@dns[probename] = count();
}

ip:::send, ip:::receive
{
	@bytes[args[2]->ip_ver] = sum(args[2]->ip_plength);
	@sizes = quantize(args[2]->ip_plength);
}

profile:::tick-$1sec
{
	printf("--- %Y\n", walltimestamp);
	printa("%-10s %@d\n", @dns);
	printa("IPv%d %@d bytes\n", @bytes);
	clear(@dns);
	trunc(@bytes);
}

tick-40sec
{
	printa(@sizes);
	exit(0);
}
