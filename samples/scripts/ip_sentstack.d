#!/usr/sbin/dtrace -qs
/*
 * ip_sentstack.d - ip_whosent.d plus stack(), as the 2008 blog post
 * suggested ("Just add a new line to the above script: stack();").
 *
 * Shows: on Solaris, the kernel call path of each send; in wiretrace,
 *   stack() prints the frame's layer path instead (Ethernet, IP, TCP ...,
 *   innermost first), since a capture holds no kernel stacks.
 * Sample: samples/captures/blog-ip_whosent.pcapng
 * Run:    wiretrace -q -s samples/scripts/ip_sentstack.d -r samples/captures/blog-ip_whosent.pcapng
 */

ip:ip:*:send
/execname != "sched"/
{
        printf("Packet sent to %s: %d byte packet on behalf of %s (PID: %d)\n",
                        args[2]->ip_daddr, args[4]->ipv4_length, execname, pid );
        stack();
}
