#!/usr/sbin/dtrace -qs
/*
 * ip_whosent.d - who is sending IP packets (the 2008 blog post's script,
 * verbatim; its lost backslash restored).
 *
 * Shows: each sent IPv4 packet with its destination, total length and the
 *   process on whose behalf it was sent. Packets the kernel sends on its
 *   own (handshake and delayed ACKs) run as "sched" and are filtered out.
 * Sample: samples/captures/blog-ip_whosent.pcapng (Darwin process information)
 * Run:    wiretrace -q -s samples/scripts/ip_whosent.d -r samples/captures/blog-ip_whosent.pcapng
 *         (-q: its #! line makes it quiet when run as ./ip_whosent.d)
 */



ip:ip:*:send
/execname != "sched"/
{ 
        printf("Packet sent to %s: %d byte packet on behalf of %s (PID: %d)\n", 
                        args[2]->ip_daddr, args[4]->ipv4_length, execname, pid ); 
}
