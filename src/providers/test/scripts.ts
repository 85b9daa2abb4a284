/** D programs the tests run: one line per firing, naming the probe and its key arguments. */

export const IP_TRACE = `
ip:::send, ip:::receive
{ printf("%s:%s %s>%s %d %s local=%d\\n", probeprov, probename, args[2]->ip_saddr, args[2]->ip_daddr,
    args[2]->ip_plength, args[3]->if_name, args[3]->if_local); }
`;

export const PROTO_TRACE = `
ipv4:::
{ printf("%s:%s %s>%s %d %s\\n", probeprov, probename, args[1]->ip_saddr, args[1]->ip_daddr,
    args[1]->ip_plength, args[2]->ill_name); }
ipv6:::
{ printf("%s:%s %s>%s %d %s\\n", probeprov, probename, args[1]->ip_saddr, args[1]->ip_daddr,
    args[1]->ip_plength, args[2]->ill_name); }
`;

export const TRANSPORT_TRACE = `
tcp:::send, tcp:::receive, tcp:::connect-request, tcp:::connect-established, tcp:::connect-refused,
tcp:::accept-established, tcp:::accept-refused
{ printf("%s:%s %d>%d %s\\n", probeprov, probename, args[4]->tcp_sport, args[4]->tcp_dport,
    tcp_state_string[args[3]->tcps_state]); }
tcp:::state-change
{ printf("%s:%s %d:%d %s>%s\\n", probeprov, probename, args[3]->tcps_lport, args[3]->tcps_rport,
    tcp_state_string[args[5]->tcps_state], tcp_state_string[args[3]->tcps_state]); }
udp:::send, udp:::receive
{ printf("%s:%s %s:%d>%s:%d len=%d\\n", probeprov, probename, args[2]->ip_saddr, args[4]->udp_sport,
    args[2]->ip_daddr, args[4]->udp_dport, args[4]->udp_length); }
`;

export const ALL_TRACE = IP_TRACE + PROTO_TRACE + TRANSPORT_TRACE;
