/**
 * Everything the editor knows about D, as data: keywords, built-in variables,
 * subroutines and actions, aggregating functions, probe descriptions and the
 * argument types each probe's args[N] has, with their members. The Monarch
 * tokenizer, the completion provider and the hover provider all read this one
 * table, so the engine's own type tables (src/d/types, src/providers) can feed
 * it later without touching the providers.
 *
 * Sources: the Dynamic Tracing Guide (variables, actions, subroutines) and
 * illumos dtrace_ip(4), dtrace_tcp(4), dtrace_udp(4) (argument layouts), plus
 * the 2007 ipv4/ipv6 prototype's layout (DESIGN.md).
 */

export interface DocItem { name: string; detail: string; doc: string }

export const KEYWORDS = [
  'auto', 'break', 'case', 'char', 'const', 'continue', 'counter', 'default', 'do', 'double', 'else', 'enum',
  'extern', 'float', 'for', 'goto', 'if', 'import', 'inline', 'int', 'long', 'offsetof', 'probe', 'provider',
  'register', 'restrict', 'return', 'self', 'short', 'signed', 'sizeof', 'static', 'string', 'stringof', 'struct',
  'switch', 'this', 'translator', 'typedef', 'union', 'unsigned', 'userland', 'void', 'volatile', 'while', 'xlate',
];

export const TYPES = [
  'int8_t', 'int16_t', 'int32_t', 'int64_t', 'uint8_t', 'uint16_t', 'uint32_t', 'uint64_t', 'uintptr_t', 'intptr_t',
  'size_t', 'ssize_t', 'hrtime_t', 'pid_t', 'uid_t', 'ipaddr_t', 'in_port_t',
  'pktinfo_t', 'csinfo_t', 'ipinfo_t', 'ifinfo_t', 'ipv4info_t', 'ipv6info_t', 'tcpinfo_t', 'tcpsinfo_t',
  'tcplsinfo_t', 'udpinfo_t', 'udpsinfo_t', 'conninfo_t',
];

const v = (name: string, detail: string, doc: string): DocItem => ({ name, detail, doc });

export const VARIABLES: DocItem[] = [
  v('args', 'typed arguments', 'The probe\'s typed arguments: args[0], args[1], … (types depend on the probe).'),
  ...Array.from({ length: 10 }, (_, i) => v(`arg${i}`, 'int64_t', `Raw argument ${i} of the probe, as a 64-bit integer.`)),
  v('timestamp', 'uint64_t', 'Time of the firing in nanoseconds: the packet\'s capture time (exact, 64-bit).'),
  v('walltimestamp', 'uint64_t', 'Wall-clock time in nanoseconds since the epoch: the packet\'s capture time.'),
  v('vtimestamp', 'uint64_t', 'Virtual time; follows timestamp here.'),
  v('probeprov', 'string', 'The provider of the probe that fired (ip, tcp, udp, …).'),
  v('probemod', 'string', 'The module of the probe that fired.'),
  v('probefunc', 'string', 'The function of the probe that fired.'),
  v('probename', 'string', 'The name of the probe that fired (send, receive, …).'),
  v('execname', 'string', 'Process name from the capture\'s per-packet process information, else "".'),
  v('pid', 'pid_t', 'Process ID from the capture when it carries one, else 0.'),
  v('tid', 'id_t', 'Thread ID: one "thread" per connection, so self-> variables follow a flow.'),
  v('cpu', 'processorid_t', 'CPU: 0 unless the capture names a queue.'),
  v('epid', 'uint32_t', 'Enabled probe ID of the firing clause.'),
  v('id', 'uint32_t', 'Probe ID of the probe that fired.'),
  v('errno', 'int', 'Always 0 for network probes.'),
  v('uid', 'uid_t', 'User ID: 0.'),
  v('zonename', 'string', 'Zone name: "global".'),
];

export const SUBROUTINES: DocItem[] = [
  v('trace', 'void trace(expr)', 'Records the value of an expression and prints it.'),
  v('printf', 'void printf(string format, ...)', 'Prints formatted output, as C printf with D\'s conversions (%a, %S, %@…).'),
  v('printa', 'void printa([string format,] @aggregation)', 'Prints an aggregation now, optionally with a format.'),
  v('tracemem', 'void tracemem(void *addr, size_t nbytes)', 'Prints nbytes of memory at addr as a hex dump (packet bytes here).'),
  v('stack', 'void stack()', 'Prints the frame\'s layer path (Ethernet, VLAN, IP, …), innermost first.'),
  v('exit', 'void exit(int status)', 'Ends tracing: END fires and the run stops with this status.'),
  v('clear', 'void clear(@aggregation)', 'Zeroes the aggregation\'s values, keeping its keys.'),
  v('trunc', 'void trunc(@aggregation [, int n])', 'Removes all (or all but the top n) keys of the aggregation.'),
  v('normalize', 'void normalize(@aggregation, uint64_t n)', 'Divides the aggregation\'s values by n when printed.'),
  v('denormalize', 'void denormalize(@aggregation)', 'Removes a normalization.'),
  v('setopt', 'void setopt(string option [, string value])', 'Sets a dtrace option at run time.'),
  v('speculation', 'int speculation()', 'Creates a speculative buffer and returns its ID.'),
  v('speculate', 'void speculate(int id)', 'Sends the rest of the clause\'s output to speculation id.'),
  v('commit', 'void commit(int id)', 'Commits a speculation\'s buffer to the output.'),
  v('discard', 'void discard(int id)', 'Discards a speculation\'s buffer.'),
  v('strlen', 'size_t strlen(string s)', 'Length of s in bytes.'),
  v('strjoin', 'string strjoin(string a, string b)', 'The concatenation of a and b.'),
  v('substr', 'string substr(string s, int index [, int length])', 'The substring of s.'),
  v('index', 'int index(string s, string sub [, int start])', 'Position of the first sub in s, or -1.'),
  v('rindex', 'int rindex(string s, string sub [, int start])', 'Position of the last sub in s, or -1.'),
  v('strchr', 'string strchr(string s, char c)', 'The rest of s from the first c.'),
  v('strrchr', 'string strrchr(string s, char c)', 'The rest of s from the last c.'),
  v('strstr', 'string strstr(string s, string sub)', 'The rest of s from the first sub.'),
  v('strtok', 'string strtok(string s, string delim)', 'Tokenizes s (NULL continues the previous string).'),
  v('lltostr', 'string lltostr(int64_t n [, int base])', 'n as a decimal (or base) string.'),
  v('strtoll', 'int64_t strtoll(string s [, int base])', 's parsed as an integer.'),
  v('tolower', 'string tolower(string s)', 's in lower case.'),
  v('toupper', 'string toupper(string s)', 's in upper case.'),
  v('basename', 'string basename(string s)', 'The last path component of s.'),
  v('dirname', 'string dirname(string s)', 'All but the last path component of s.'),
  v('inet_ntoa', 'string inet_ntoa(ipaddr_t *addr)', 'An IPv4 address as dotted decimal.'),
  v('inet_ntoa6', 'string inet_ntoa6(in6_addr_t *addr)', 'An IPv6 address as text.'),
  v('inet_ntop', 'string inet_ntop(int af, void *addr)', 'An address of family af (AF_INET, AF_INET6) as text.'),
  v('ntohs', 'uint16_t ntohs(uint16_t x)', 'Network to host byte order, 16 bits.'),
  v('ntohl', 'uint32_t ntohl(uint32_t x)', 'Network to host byte order, 32 bits.'),
  v('ntohll', 'uint64_t ntohll(uint64_t x)', 'Network to host byte order, 64 bits.'),
  v('htons', 'uint16_t htons(uint16_t x)', 'Host to network byte order, 16 bits.'),
  v('htonl', 'uint32_t htonl(uint32_t x)', 'Host to network byte order, 32 bits.'),
  v('htonll', 'uint64_t htonll(uint64_t x)', 'Host to network byte order, 64 bits.'),
  v('copyin', 'void *copyin(uintptr_t addr, size_t size)', 'Copies bytes (packet bytes here) into scratch memory.'),
  v('copyinstr', 'string copyinstr(uintptr_t addr [, size_t max])', 'Copies a NUL-terminated string.'),
  v('alloca', 'void *alloca(size_t size)', 'Allocates scratch memory for the clause.'),
  v('bcopy', 'void bcopy(void *src, void *dst, size_t n)', 'Copies n bytes to scratch memory.'),
  v('rand', 'int rand()', 'A pseudo-random integer.'),
];

export const AGGREGATIONS: DocItem[] = [
  v('count', 'count()', 'The number of times called.'),
  v('sum', 'sum(expr)', 'The total of the values.'),
  v('avg', 'avg(expr)', 'The arithmetic mean of the values.'),
  v('min', 'min(expr)', 'The smallest value.'),
  v('max', 'max(expr)', 'The largest value.'),
  v('stddev', 'stddev(expr)', 'The standard deviation of the values.'),
  v('quantize', 'quantize(expr)', 'A power-of-two frequency distribution.'),
  v('lquantize', 'lquantize(expr, lower, upper [, step])', 'A linear frequency distribution.'),
  v('llquantize', 'llquantize(expr, factor, low, high, nsteps)', 'A log-linear frequency distribution.'),
];

/** Members of the providers' argument types, with their D types. */
export const STRUCTS: Record<string, [string, string, string][]> = {
  pktinfo_t: [['pkt_addr', 'uintptr_t', 'The 1-based frame number in the capture.']],
  csinfo_t: [
    ['cs_addr', 'uintptr_t', 'Connection address (0).'], ['cs_cid', 'uint64_t', 'Connection ID: one per flow.'],
    ['cs_pid', 'pid_t', 'Process ID when the capture carries it, else 0.'], ['cs_zoneid', 'zoneid_t', 'Zone ID (0).'],
  ],
  ipinfo_t: [
    ['ip_ver', 'uint8_t', 'IP version: 4 or 6.'], ['ip_plength', 'uint32_t', 'Payload length in bytes.'],
    ['ip_saddr', 'string', 'Source address, as text.'], ['ip_daddr', 'string', 'Destination address, as text.'],
  ],
  ifinfo_t: [
    ['if_name', 'string', 'Interface name (pcapng if_name, a default per link type, or a tunnel interface).'],
    ['if_local', 'int8_t', 'Is the interface local (loopback)?'], ['if_ipstack', 'netstackid_t', 'IP stack ID (0).'],
    ['if_addr', 'uintptr_t', 'Interface address (0).'], ['ill_name', 'string', 'The 2007 prototype\'s name for if_name.'],
  ],
  ipv4info_t: [
    ['ipv4_ver', 'uint8_t', 'Version (4).'], ['ipv4_ihl', 'uint8_t', 'Header length in bytes.'],
    ['ipv4_tos', 'uint8_t', 'Type of service.'], ['ipv4_length', 'uint16_t', 'Total length.'],
    ['ipv4_ident', 'uint16_t', 'Identification.'], ['ipv4_flags', 'uint8_t', 'Flags (IPH_DF, IPH_MF).'],
    ['ipv4_offset', 'uint16_t', 'Fragment offset.'], ['ipv4_ttl', 'uint8_t', 'Time to live.'],
    ['ipv4_protocol', 'uint8_t', 'Next-level protocol.'], ['ipv4_protostr', 'string', 'Next-level protocol, as text.'],
    ['ipv4_checksum', 'uint16_t', 'Header checksum.'], ['ipv4_src', 'ipaddr_t', 'Source address.'],
    ['ipv4_dst', 'ipaddr_t', 'Destination address.'], ['ipv4_saddr', 'string', 'Source address, as text.'],
    ['ipv4_daddr', 'string', 'Destination address, as text.'], ['ipv4_hdr', 'ipha_t *', 'Pointer to the raw header.'],
  ],
  ipv6info_t: [
    ['ipv6_ver', 'uint8_t', 'Version (6).'], ['ipv6_tclass', 'uint8_t', 'Traffic class.'],
    ['ipv6_flow', 'uint32_t', 'Flow label.'], ['ipv6_plen', 'uint16_t', 'Payload length.'],
    ['ipv6_nexthdr', 'uint8_t', 'Next header protocol.'], ['ipv6_nextstr', 'string', 'Next header protocol, as text.'],
    ['ipv6_hlim', 'uint8_t', 'Hop limit.'], ['ipv6_src', 'in6_addr_t *', 'Source address.'],
    ['ipv6_dst', 'in6_addr_t *', 'Destination address.'], ['ipv6_saddr', 'string', 'Source address, as text.'],
    ['ipv6_daddr', 'string', 'Destination address, as text.'], ['ipv6_hdr', 'ip6_t *', 'Pointer to the raw header.'],
    ['ipv6_next', 'uint8_t', 'The 2007 prototype\'s name for ipv6_nexthdr.'],
  ],
  tcpinfo_t: [
    ['tcp_sport', 'uint16_t', 'Source port.'], ['tcp_dport', 'uint16_t', 'Destination port.'],
    ['tcp_seq', 'uint32_t', 'Sequence number.'], ['tcp_ack', 'uint32_t', 'Acknowledgment number.'],
    ['tcp_offset', 'uint8_t', 'Data offset, in bytes.'], ['tcp_flags', 'uint8_t', 'Flags (TH_SYN, TH_ACK, …).'],
    ['tcp_window', 'uint16_t', 'Window size.'], ['tcp_checksum', 'uint16_t', 'Checksum.'],
    ['tcp_urgent', 'uint16_t', 'Urgent pointer.'], ['tcp_hdr', 'tcph_t *', 'Pointer to the raw header.'],
  ],
  tcpsinfo_t: [
    ['tcps_addr', 'uintptr_t', 'Connection address.'], ['tcps_local', 'int', 'Is the connection local?'],
    ['tcps_active', 'int', 'Was it actively opened?'], ['tcps_lport', 'uint16_t', 'Local port.'],
    ['tcps_rport', 'uint16_t', 'Remote port.'], ['tcps_laddr', 'string', 'Local address.'],
    ['tcps_raddr', 'string', 'Remote address.'], ['tcps_state', 'int32_t', 'TCP state (TCP_STATE_*), tracked through the capture.'],
    ['tcps_iss', 'uint32_t', 'Initial sequence number.'], ['tcps_suna', 'uint32_t', 'Oldest unacknowledged sequence.'],
    ['tcps_snxt', 'uint32_t', 'Next sequence to send.'], ['tcps_rack', 'uint32_t', 'Sequence last acknowledged.'],
    ['tcps_rnxt', 'uint32_t', 'Next sequence expected.'], ['tcps_swnd', 'uint32_t', 'Send window.'],
    ['tcps_snd_ws', 'int32_t', 'Send window scale.'], ['tcps_rwnd', 'uint32_t', 'Receive window.'],
    ['tcps_rcv_ws', 'int32_t', 'Receive window scale.'], ['tcps_cwnd', 'uint32_t', 'Congestion window.'],
    ['tcps_cwnd_ssthresh', 'uint32_t', 'Slow-start threshold.'], ['tcps_sack_fack', 'uint32_t', 'SACK forward ack.'],
    ['tcps_sack_snxt', 'uint32_t', 'SACK next send.'], ['tcps_rto', 'uint32_t', 'Retransmit timeout.'],
    ['tcps_mss', 'uint32_t', 'Maximum segment size.'], ['tcps_retransmit', 'int', 'Is this a retransmission?'],
  ],
  tcplsinfo_t: [['tcps_state', 'int32_t', 'The previous TCP state.']],
  udpinfo_t: [
    ['udp_sport', 'uint16_t', 'Source port.'], ['udp_dport', 'uint16_t', 'Destination port.'],
    ['udp_length', 'uint16_t', 'Length, header included.'], ['udp_checksum', 'uint16_t', 'Checksum.'],
    ['udp_hdr', 'udpha_t *', 'Pointer to the raw header.'],
  ],
  udpsinfo_t: [
    ['udps_addr', 'uintptr_t', 'Socket address.'], ['udps_lport', 'uint16_t', 'Local port.'],
    ['udps_rport', 'uint16_t', 'Remote port.'], ['udps_laddr', 'string', 'Local address.'],
    ['udps_raddr', 'string', 'Remote address.'],
  ],
};

const IP_ARGS = ['pktinfo_t', 'csinfo_t', 'ipinfo_t', 'ifinfo_t', 'ipv4info_t', 'ipv6info_t'];
const TCP_ARGS = ['pktinfo_t', 'csinfo_t', 'ipinfo_t', 'tcpsinfo_t', 'tcpinfo_t'];
const UDP_ARGS = ['pktinfo_t', 'csinfo_t', 'ipinfo_t', 'udpsinfo_t', 'udpinfo_t'];
const PROTO4_ARGS = ['pktinfo_t', 'ipinfo_t', 'ifinfo_t', 'ipv4info_t'];
const PROTO6_ARGS = ['pktinfo_t', 'ipinfo_t', 'ifinfo_t', 'ipv6info_t'];

export interface ProbeDoc { desc: string; args: string[]; doc: string }

const proto = ['send', 'receive', 'local-send', 'local-receive', 'read', 'write', 'drop-in', 'drop-out'];
const tcpNames = ['send', 'receive', 'connect-request', 'connect-established', 'connect-refused', 'accept-established', 'accept-refused'];

export const PROBES: ProbeDoc[] = [
  { desc: 'BEGIN', args: [], doc: 'Fires once before anything else.' },
  { desc: 'END', args: [], doc: 'Fires once at the end (end of capture, exit(), or Stop). Unprinted aggregations print after it.' },
  { desc: 'ERROR', args: [], doc: 'Fires when a clause hits a run-time error.' },
  { desc: 'tick-1sec', args: [], doc: 'Fires every second of capture time (tick-N with units ns, us, ms, sec, min, hz).' },
  { desc: 'profile-97', args: [], doc: 'Fires 97 times a second of capture time.' },
  { desc: 'ip:::send', args: IP_ARGS, doc: 'An IP packet sent by the capturing host (one firing per IP layer).' },
  { desc: 'ip:::receive', args: IP_ARGS, doc: 'An IP packet received (or forwarded) by the capturing host.' },
  ...proto.map((n) => ({ desc: `ipv4:::${n}`, args: PROTO4_ARGS, doc: `The 2007 prototype's IPv4 ${n} probe.` })),
  ...proto.map((n) => ({ desc: `ipv6:::${n}`, args: PROTO6_ARGS, doc: `The 2007 prototype's IPv6 ${n} probe.` })),
  ...tcpNames.map((n) => ({ desc: `tcp:::${n}`, args: TCP_ARGS, doc: `TCP ${n}.` })),
  { desc: 'tcp:::state-change', args: [...TCP_ARGS, 'tcplsinfo_t'], doc: 'A TCP connection changed state (args[5] is the previous state).' },
  { desc: 'udp:::send', args: UDP_ARGS, doc: 'A UDP datagram sent.' },
  { desc: 'udp:::receive', args: UDP_ARGS, doc: 'A UDP datagram received.' },
];

/** Argument types of the probes a description names (by provider, for the args[N]-> completion). */
export function argTypesFor(descs: string[]): string[][] {
  const out: string[][] = [];
  for (const d of descs) {
    const [prov = '', , , name = ''] = d.split(':');
    for (const p of PROBES) {
      const [pp, , , pn] = p.desc.split(':');
      if (pp === prov && (name === '' || name === '*' || name === pn || (name.includes('*') && new RegExp(`^${name.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`).test(pn ?? '')))) out.push(p.args);
    }
  }
  return out;
}

export const PRAGMAS = ['#pragma D option quiet', '#pragma D option switchrate=10hz', '#pragma D option strsize=', '#pragma D option aggsortkey', '#pragma D option aggsortrev', '#pragma D option defaultargs', '#include', '#define'];

export const CONSTANTS = [
  'TH_FIN', 'TH_SYN', 'TH_RST', 'TH_PUSH', 'TH_ACK', 'TH_URG', 'TH_ECE', 'TH_CWR',
  'TCP_STATE_CLOSED', 'TCP_STATE_IDLE', 'TCP_STATE_BOUND', 'TCP_STATE_LISTEN', 'TCP_STATE_SYN_SENT', 'TCP_STATE_SYN_RECEIVED',
  'TCP_STATE_ESTABLISHED', 'TCP_STATE_CLOSE_WAIT', 'TCP_STATE_FIN_WAIT_1', 'TCP_STATE_CLOSING', 'TCP_STATE_LAST_ACK',
  'TCP_STATE_FIN_WAIT_2', 'TCP_STATE_TIME_WAIT',
  'IPPROTO_IP', 'IPPROTO_HOPOPTS', 'IPPROTO_ICMP', 'IPPROTO_IGMP', 'IPPROTO_GGP', 'IPPROTO_ENCAP', 'IPPROTO_TCP', 'IPPROTO_EGP',
  'IPPROTO_PUP', 'IPPROTO_UDP', 'IPPROTO_IDP', 'IPPROTO_IPV6', 'IPPROTO_ROUTING', 'IPPROTO_FRAGMENT', 'IPPROTO_RSVP', 'IPPROTO_GRE',
  'IPPROTO_ESP', 'IPPROTO_AH', 'IPPROTO_ICMPV6', 'IPPROTO_NONE', 'IPPROTO_DSTOPTS', 'IPPROTO_HELLO', 'IPPROTO_ND', 'IPPROTO_EON',
  'IPPROTO_OSPF', 'IPPROTO_PIM', 'IPPROTO_SCTP', 'IPPROTO_RAW',
  'AF_INET', 'AF_INET6', 'NULL',
];
