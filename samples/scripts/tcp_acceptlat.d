#!/usr/sbin/dtrace -s
/*
 * tcp_acceptlat.d - how long incoming connections took to be established,
 * from the client's first SYN to the completed handshake: the accept-queue
 * article's 7.01 seconds, measured with the tcp provider.
 *
 * Shows: per accepted connection the client, the local port, how many SYNs
 *   it took (retries mean a full backlog or a lost SYN/ACK) and the time
 *   from the first SYN to accept-established.
 * Sample: samples/captures/accept-queue.pcapng
 * Run:    wiretrace -s samples/scripts/tcp_acceptlat.d -r samples/captures/accept-queue.pcapng
 */

#pragma D option quiet

/* Declared first: the SYN clause reads them before any assignment. */
uint64_t first[string, uint16_t];
int syns[string, uint16_t];

dtrace:::BEGIN
{
	printf("%-15s %6s %6s %5s %14s\n", "CLIENT", "CPORT", "LPORT",
	    "SYNS", "LATENCY");
}

tcp:::receive
/args[4]->tcp_flags == TH_SYN/
{
	first[args[2]->ip_saddr, args[4]->tcp_sport] =
	    first[args[2]->ip_saddr, args[4]->tcp_sport] ?
	    first[args[2]->ip_saddr, args[4]->tcp_sport] : timestamp;
	syns[args[2]->ip_saddr, args[4]->tcp_sport]++;
}

tcp:::accept-established
/first[args[2]->ip_saddr, args[4]->tcp_sport]/
{
	this->ns = timestamp - first[args[2]->ip_saddr, args[4]->tcp_sport];
	printf("%-15s %6d %6d %5d %9d.%03d ms (%d.%02d s)\n",
	    args[2]->ip_saddr, args[4]->tcp_sport, args[4]->tcp_dport,
	    syns[args[2]->ip_saddr, args[4]->tcp_sport],
	    this->ns / 1000000, (this->ns / 1000) % 1000,
	    this->ns / 1000000000, (this->ns / 10000000) % 100);
	first[args[2]->ip_saddr, args[4]->tcp_sport] = 0;
	syns[args[2]->ip_saddr, args[4]->tcp_sport] = 0;
}
