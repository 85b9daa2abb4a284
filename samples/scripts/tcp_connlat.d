#!/usr/sbin/dtrace -s
/*
 * tcp_connlat.d - outbound connection latency: from the SYN we send
 * (connect-request) to the handshake completing (connect-established),
 * as a power-of-two histogram per remote host, plus refused connections.
 *
 * Shows: quantize() of the latency in microseconds per destination, and a
 *   count of connect-refused per destination.
 * Sample: samples/captures/demo-mixed.pcapng
 * Run:    wiretrace -s samples/scripts/tcp_connlat.d -r samples/captures/demo-mixed.pcapng
 */

tcp:::connect-request
{
	start[args[1]->cs_cid] = timestamp;
}

tcp:::connect-established
/start[args[1]->cs_cid]/
{
	@latency["connect latency (us)", args[3]->tcps_raddr] =
	    quantize((timestamp - start[args[1]->cs_cid]) / 1000);
	start[args[1]->cs_cid] = 0;
}

tcp:::connect-refused
{
	@refused["refused", args[2]->ip_saddr] = count();
	start[args[1]->cs_cid] = 0;
}
