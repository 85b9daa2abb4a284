#!/usr/sbin/dtrace -qs
/*
 * who_container.d - which process, in which container, sent or received
 * each TCP and UDP packet: zonename (the container), execname, pid, ppid,
 * uid and the arguments (curpsinfo->pr_psargs), packets counted.
 *
 * The process context comes from the capture: ptcpdump's packet comments
 * (Linux), a PKTAP header (macOS), Darwin process blocks; packets no process
 * owns (the kernel's resets) show an empty execname and pid 0 in the global
 * zone. See the README, "Who and where", for what each source can be trusted
 * with.
 * Sample: samples/captures/ptcpdump-containers.pcapng
 * Run:    wiretrace -q -s samples/scripts/who_container.d -r samples/captures/ptcpdump-containers.pcapng
 */

#pragma D option quiet

tcp:::send, tcp:::receive, udp:::send, udp:::receive
{
	@pkts[zonename, execname, pid, ppid, uid, curpsinfo->pr_psargs] = count();
}

dtrace:::END
{
	printf("%-8s %-10s %7s %7s %6s %5s  %s\n", "ZONE", "EXECNAME", "PID", "PPID", "UID", "PKTS", "ARGS");
	printa("%-8s %-10s %7d %7d %6d %@5d  %s\n", @pkts);
}
