#!/usr/sbin/dtrace -s
/*
 * ipio.d - IP send/receive with inter-event times (the 2008 blog post's
 * script, verbatim; the page lost its backslashes, restored here).
 *
 * Shows: one line per IP layer: CPU, microseconds since the previous line,
 *   source, direction, destination, interface and ip_plength; an IPsec
 *   tunnel shows each packet twice, on ip.tun0 and on nge0.
 * Sample: samples/captures/blog-ipio-tunnel.pcapng
 * Run:    wiretrace -s samples/scripts/ipio.d -r samples/captures/blog-ipio-tunnel.pcapng
 * Note:   args[3]->ill_name is the 2008 name of if_name (accepted as an alias).
 */

#pragma D option quiet
#pragma D option switchrate=10hz

dtrace:::BEGIN
{
        printf(" %3s %10s %15s    %15s %8s %6s\n", "CPU", "DELTA(us)",
            "SOURCE", "DEST", "INT", "BYTES");
        last = timestamp;
}

ip:::send
{
        this->elapsed = (timestamp - last) / 1000;
        printf(" %3d %10d %15s -> %15s %8s %6d\n", cpu, this->elapsed,
            args[2]->ip_saddr, args[2]->ip_daddr, args[3]->ill_name,
            args[2]->ip_plength);
        last = timestamp;
}

ip:::receive
{
        this->elapsed = (timestamp - last) / 1000;
        printf(" %3d %10d %15s <- %15s %8s %6d\n", cpu, this->elapsed,
            args[2]->ip_daddr, args[2]->ip_saddr, args[3]->ill_name,
            args[2]->ip_plength);
        last = timestamp;
}
