/**
 * The built-in type scope: D's typedefs (<sys/types.h> names dtrace knows
 * without any #include), the raw header types the network providers point at
 * (illumos ipha_t, ip6_t, tcph_t, udpha_t), and the providers' translated
 * argument types from illumos ip.d.in, tcp.d.in, udp.d.in and net.d, plus the
 * 2007 prototype's members (`ill_name` on ifinfo_t, `ipv4_protocol`,
 * `ipv6_next` …) as aliases of the final names.
 *
 * Translated structs (`translated: true` in TRANSLATED) are not read from
 * memory: a provider hands the runtime a JS object per argument whose
 * property names are the member names, reused from firing to firing.
 */
import { layoutStruct, type MemberDecl } from './layout.ts';
import { TypeScope } from './scope.ts';
import {
  T_CHAR, T_INT, T_LLONG, T_LONG, T_SHORT, T_UCHAR, T_UINT, T_ULLONG, T_ULONG, T_USHORT,
  T_INT8, T_INT16, T_INT32, T_INT64, T_UINT8, T_UINT16, T_UINT32, T_UINT64, T_UINTPTR, T_INTPTR,
  T_SIZE, T_SSIZE, pointerTo, typedef, type DType, type StructType,
} from './types.ts';

/** Structs whose members are read from the provider's argument objects, not from memory. */
export const TRANSLATED = new WeakSet<StructType>();

/** Member aliases on translated structs: the 2007 prototype's names for the final ones. */
export const MEMBER_ALIASES: ReadonlyMap<string, string> = new Map([
  ['ifinfo.ill_name', 'if_name'],
  ['ipv4info.ipv4_protocol', 'ipv4_protocol'],
  ['ipv6info.ipv6_next', 'ipv6_nexthdr'],
]);

function build(): TypeScope {
  const s = new TypeScope();
  const td = (name: string, t: DType): void => { s.typedefs.set(name, t.kind === 'typedef' && t.name === name ? t : typedef(name, t)); };
  for (const t of [T_INT8, T_INT16, T_INT32, T_INT64, T_UINT8, T_UINT16, T_UINT32, T_UINT64, T_UINTPTR, T_INTPTR, T_SIZE, T_SSIZE]) {
    s.typedefs.set(t.name, t);
  }
  const simple: [string, DType][] = [
    ['ptrdiff_t', T_LONG], ['off_t', T_LONG], ['off64_t', T_LONG], ['time_t', T_LONG], ['clock_t', T_LONG],
    ['hrtime_t', T_LLONG], ['pid_t', T_INT], ['id_t', T_INT], ['uid_t', T_UINT], ['gid_t', T_UINT],
    ['zoneid_t', T_INT], ['taskid_t', T_INT], ['projid_t', T_INT], ['processorid_t', T_INT], ['psetid_t', T_INT],
    ['dev_t', T_ULONG], ['ino_t', T_ULONG], ['mode_t', T_UINT], ['nlink_t', T_UINT], ['major_t', T_UINT], ['minor_t', T_UINT],
    ['uchar_t', T_UCHAR], ['ushort_t', T_USHORT], ['uint_t', T_UINT], ['ulong_t', T_ULONG],
    ['u_char', T_UCHAR], ['u_short', T_USHORT], ['u_int', T_UINT], ['u_long', T_ULONG],
    ['longlong_t', T_LLONG], ['u_longlong_t', T_ULLONG], ['boolean_t', T_INT], ['caddr_t', pointerTo(T_CHAR)],
    ['int8', T_CHAR], ['int16', T_SHORT], ['int32', T_INT], ['uint8', T_UCHAR], ['uint16', T_USHORT], ['uint32', T_UINT],
    ['u_int8_t', T_UCHAR], ['u_int16_t', T_USHORT], ['u_int32_t', T_UINT], ['u_int64_t', T_ULONG],
    ['in_port_t', T_UINT16], ['in_addr_t', T_UINT32], ['ipaddr_t', T_UINT32], ['sa_family_t', T_UINT16],
    ['socklen_t', T_UINT32], ['netstackid_t', T_INT], ['t_uscalar_t', T_UINT32],
  ];
  for (const [n, t] of simple) td(n, t);

  const st = (kind: 'struct' | 'union', tag: string, members: [string, string | DType, number?][]): StructType => {
    const decls: MemberDecl[] = members.map(([name, ty, bits]) => ({ name, type: typeof ty === 'string' ? s.parse(ty) : ty, bits }));
    const t = layoutStruct(kind, tag, decls);
    if (tag !== '') s.defineTag(kind, tag, t);
    return t;
  };

  // in6_addr (illumos <netinet/in.h>).
  const s6un = st('union', '', [['_S6_u8', 'uint8_t [16]'], ['_S6_u32', 'uint32_t [4]'], ['__S6_align', 'uint32_t']]);
  const in6 = st('struct', 'in6_addr', [['_S6_un', s6un]]);
  td('in6_addr_t', in6);
  st('struct', 'in_addr', [['s_addr', 'in_addr_t']]);

  // Raw headers as illumos names them (ip.h, ip6.h, tcp.h, udp.h).
  td('ipha_t', st('struct', 'ipha_s', [
    ['ipha_version_and_hdr_length', 'uint8_t'], ['ipha_type_of_service', 'uint8_t'], ['ipha_length', 'uint16_t'],
    ['ipha_ident', 'uint16_t'], ['ipha_fragment_offset_and_flags', 'uint16_t'], ['ipha_ttl', 'uint8_t'],
    ['ipha_protocol', 'uint8_t'], ['ipha_hdr_checksum', 'uint16_t'], ['ipha_src', 'ipaddr_t'], ['ipha_dst', 'ipaddr_t'],
  ]));
  const hdrctl = st('struct', 'ip6_hdrctl', [
    ['ip6_un1_flow', 'uint32_t'], ['ip6_un1_plen', 'uint16_t'], ['ip6_un1_nxt', 'uint8_t'], ['ip6_un1_hlim', 'uint8_t'],
  ]);
  const ctlun = st('union', '', [['ip6_un1', hdrctl], ['ip6_un2_vfc', 'uint8_t']]);
  const ip6 = st('struct', 'ip6_hdr', [['ip6_ctlun', ctlun], ['ip6_src', 'in6_addr_t'], ['ip6_dst', 'in6_addr_t']]);
  td('ip6_t', ip6);
  td('tcph_t', st('struct', 'tcphdr_s', [
    ['th_lport', 'uint8_t [2]'], ['th_fport', 'uint8_t [2]'], ['th_seq', 'uint8_t [4]'], ['th_ack', 'uint8_t [4]'],
    ['th_offset_and_rsrvd', 'uint8_t [1]'], ['th_flags', 'uint8_t [1]'], ['th_win', 'uint8_t [2]'],
    ['th_sum', 'uint8_t [2]'], ['th_urp', 'uint8_t [2]'],
  ]));
  td('udpha_t', st('struct', 'udpahdr_s', [
    ['uha_src_port', 'in_port_t'], ['uha_dst_port', 'in_port_t'], ['uha_length', 'uint16_t'], ['uha_checksum', 'uint16_t'],
  ]));

  // The providers' translated argument types.
  const tr = (tag: string, tdname: string, members: [string, string][]): void => {
    const t = st('struct', tag, members);
    TRANSLATED.add(t);
    td(tdname, t);
  };
  tr('pktinfo', 'pktinfo_t', [['pkt_addr', 'uintptr_t']]);
  tr('csinfo', 'csinfo_t', [['cs_addr', 'uintptr_t'], ['cs_cid', 'uint64_t'], ['cs_pid', 'pid_t'], ['cs_zoneid', 'zoneid_t']]);
  tr('ipinfo', 'ipinfo_t', [['ip_ver', 'uint8_t'], ['ip_plength', 'uint32_t'], ['ip_saddr', 'string'], ['ip_daddr', 'string']]);
  tr('ifinfo', 'ifinfo_t', [
    ['if_name', 'string'], ['if_local', 'int8_t'], ['if_ipstack', 'netstackid_t'], ['if_addr', 'uintptr_t'],
    ['ill_name', 'string'],
  ]);
  tr('ipv4info', 'ipv4info_t', [
    ['ipv4_ver', 'uint8_t'], ['ipv4_ihl', 'uint8_t'], ['ipv4_tos', 'uint8_t'], ['ipv4_length', 'uint16_t'],
    ['ipv4_ident', 'uint16_t'], ['ipv4_flags', 'uint8_t'], ['ipv4_offset', 'uint16_t'], ['ipv4_ttl', 'uint8_t'],
    ['ipv4_protocol', 'uint8_t'], ['ipv4_protostr', 'string'], ['ipv4_checksum', 'uint16_t'],
    ['ipv4_src', 'ipaddr_t'], ['ipv4_dst', 'ipaddr_t'], ['ipv4_saddr', 'string'], ['ipv4_daddr', 'string'],
    ['ipv4_hdr', 'ipha_t *'],
  ]);
  tr('ipv6info', 'ipv6info_t', [
    ['ipv6_ver', 'uint8_t'], ['ipv6_tclass', 'uint8_t'], ['ipv6_flow', 'uint32_t'], ['ipv6_plen', 'uint16_t'],
    ['ipv6_nexthdr', 'uint8_t'], ['ipv6_nextstr', 'string'], ['ipv6_hlim', 'uint8_t'],
    ['ipv6_src', 'in6_addr_t *'], ['ipv6_dst', 'in6_addr_t *'], ['ipv6_saddr', 'string'], ['ipv6_daddr', 'string'],
    ['ipv6_hdr', 'ip6_t *'], ['ipv6_next', 'uint8_t'],
  ]);
  tr('tcpinfo', 'tcpinfo_t', [
    ['tcp_sport', 'uint16_t'], ['tcp_dport', 'uint16_t'], ['tcp_seq', 'uint32_t'], ['tcp_ack', 'uint32_t'],
    ['tcp_offset', 'uint8_t'], ['tcp_flags', 'uint8_t'], ['tcp_window', 'uint16_t'], ['tcp_checksum', 'uint16_t'],
    ['tcp_urgent', 'uint16_t'], ['tcp_hdr', 'tcph_t *'],
  ]);
  tr('tcpsinfo', 'tcpsinfo_t', [
    ['tcps_addr', 'uintptr_t'], ['tcps_local', 'int'], ['tcps_active', 'int'], ['tcps_lport', 'uint16_t'],
    ['tcps_rport', 'uint16_t'], ['tcps_laddr', 'string'], ['tcps_raddr', 'string'], ['tcps_state', 'int32_t'],
    ['tcps_iss', 'uint32_t'], ['tcps_suna', 'uint32_t'], ['tcps_snxt', 'uint32_t'], ['tcps_rack', 'uint32_t'],
    ['tcps_rnxt', 'uint32_t'], ['tcps_swnd', 'uint32_t'], ['tcps_snd_ws', 'int32_t'], ['tcps_rwnd', 'uint32_t'],
    ['tcps_rcv_ws', 'int32_t'], ['tcps_cwnd', 'uint32_t'], ['tcps_cwnd_ssthresh', 'uint32_t'],
    ['tcps_sack_fack', 'uint32_t'], ['tcps_sack_snxt', 'uint32_t'], ['tcps_rto', 'uint32_t'], ['tcps_mss', 'uint32_t'],
    ['tcps_retransmit', 'int'],
  ]);
  tr('tcplsinfo', 'tcplsinfo_t', [['tcps_state', 'int32_t']]);
  tr('udpinfo', 'udpinfo_t', [
    ['udp_sport', 'uint16_t'], ['udp_dport', 'uint16_t'], ['udp_length', 'uint16_t'], ['udp_checksum', 'uint16_t'],
    ['udp_hdr', 'udpha_t *'],
  ]);
  tr('udpsinfo', 'udpsinfo_t', [
    ['udps_addr', 'uintptr_t'], ['udps_lport', 'uint16_t'], ['udps_rport', 'uint16_t'], ['udps_laddr', 'string'],
    ['udps_raddr', 'string'],
  ]);
  // curpsinfo (illumos psinfo_t as its translator fills it; char arrays read as strings).
  tr('psinfo', 'psinfo_t', [
    ['pr_nlwp', 'int'], ['pr_pid', 'pid_t'], ['pr_ppid', 'pid_t'], ['pr_pgid', 'pid_t'], ['pr_sid', 'pid_t'],
    ['pr_uid', 'uid_t'], ['pr_euid', 'uid_t'], ['pr_gid', 'gid_t'], ['pr_egid', 'gid_t'], ['pr_addr', 'uintptr_t'],
    ['pr_fname', 'string'], ['pr_psargs', 'string'], ['pr_argc', 'int'], ['pr_dmodel', 'char'],
    ['pr_taskid', 'taskid_t'], ['pr_projid', 'projid_t'], ['pr_poolid', 'int'], ['pr_zoneid', 'zoneid_t'],
    ['pr_contract', 'id_t'],
  ]);
  tr('conninfo', 'conninfo_t', [['ci_local', 'string'], ['ci_remote', 'string'], ['ci_protocol', 'string']]);
  return s;
}

let builtinScope: TypeScope | undefined;
/** The shared, never-modified built-in scope. */
export function builtinTypes(): TypeScope {
  builtinScope ??= build();
  return builtinScope;
}

/** Integer constants defined by dtrace's ip.d, tcp.d, udp.d (illumos values). */
export const BUILTIN_CONSTANTS: readonly [name: string, type: string, value: number][] = [
  ['IPH_DF', 'int', 0x4000], ['IPH_MF', 'int', 0x2000],
  ['IPPROTO_IP', 'int', 0], ['IPPROTO_HOPOPTS', 'int', 0], ['IPPROTO_ICMP', 'int', 1], ['IPPROTO_IGMP', 'int', 2],
  ['IPPROTO_GGP', 'int', 3], ['IPPROTO_ENCAP', 'int', 4], ['IPPROTO_TCP', 'int', 6], ['IPPROTO_EGP', 'int', 8],
  ['IPPROTO_PUP', 'int', 12], ['IPPROTO_UDP', 'int', 17], ['IPPROTO_IDP', 'int', 22], ['IPPROTO_IPV6', 'int', 41],
  ['IPPROTO_ROUTING', 'int', 43], ['IPPROTO_FRAGMENT', 'int', 44], ['IPPROTO_RSVP', 'int', 46],
  ['IPPROTO_ESP', 'int', 50], ['IPPROTO_AH', 'int', 51], ['IPPROTO_ICMPV6', 'int', 58], ['IPPROTO_NONE', 'int', 59],
  ['IPPROTO_DSTOPTS', 'int', 60], ['IPPROTO_HELLO', 'int', 63], ['IPPROTO_ND', 'int', 77], ['IPPROTO_EON', 'int', 80],
  ['IPPROTO_OSPF', 'int', 89], ['IPPROTO_PIM', 'int', 103], ['IPPROTO_SCTP', 'int', 132], ['IPPROTO_RAW', 'int', 255],
  ['IPPROTO_MAX', 'int', 256],
  ['TH_FIN', 'int', 0x01], ['TH_SYN', 'int', 0x02], ['TH_RST', 'int', 0x04], ['TH_PUSH', 'int', 0x08],
  ['TH_ACK', 'int', 0x10], ['TH_URG', 'int', 0x20], ['TH_ECE', 'int', 0x40], ['TH_CWR', 'int', 0x80],
  ['TCP_STATE_CLOSED', 'int32_t', -6], ['TCP_STATE_IDLE', 'int32_t', -5], ['TCP_STATE_BOUND', 'int32_t', -4],
  ['TCP_STATE_LISTEN', 'int32_t', -3], ['TCP_STATE_SYN_SENT', 'int32_t', -2], ['TCP_STATE_SYN_RECEIVED', 'int32_t', -1],
  ['TCP_STATE_ESTABLISHED', 'int32_t', 0], ['TCP_STATE_CLOSE_WAIT', 'int32_t', 1], ['TCP_STATE_FIN_WAIT_1', 'int32_t', 2],
  ['TCP_STATE_CLOSING', 'int32_t', 3], ['TCP_STATE_LAST_ACK', 'int32_t', 4], ['TCP_STATE_FIN_WAIT_2', 'int32_t', 5],
  ['TCP_STATE_TIME_WAIT', 'int32_t', 6],
  ['UDPH_SIZE', 'int', 8],
  // Link-layer address types for link_ntop() (Linux DTrace net.d).
  ['ARPHRD_ETHER', 'int', 1], ['ARPHRD_INFINIBAND', 'int', 32],
  // Fault codes for dtrace:::ERROR's arg4 (sys/dtrace.h), built into D.
  ['DTRACEFLT_UNKNOWN', 'int', 0], ['DTRACEFLT_BADADDR', 'int', 1], ['DTRACEFLT_BADALIGN', 'int', 2],
  ['DTRACEFLT_ILLOP', 'int', 3], ['DTRACEFLT_DIVZERO', 'int', 4], ['DTRACEFLT_NOSCRATCH', 'int', 5],
  ['DTRACEFLT_KPRIV', 'int', 6], ['DTRACEFLT_UPRIV', 'int', 7], ['DTRACEFLT_TUPOFLOW', 'int', 8],
  ['DTRACEFLT_BADSTACK', 'int', 9], ['DTRACEFLT_LIBRARY', 'int', 1000],
];

const TCP_STATE_NAMES: ReadonlyMap<number, string> = new Map([
  [-6, 'state-closed'], [-5, 'state-idle'], [-4, 'state-bound'], [-3, 'state-listen'], [-2, 'state-syn-sent'],
  [-1, 'state-syn-received'], [0, 'state-established'], [1, 'state-close-wait'], [2, 'state-fin-wait-1'],
  [3, 'state-closing'], [4, 'state-last-ack'], [5, 'state-fin-wait-2'], [6, 'state-time-wait'],
]);

/** `inline string tcp_state_string[int32_t state]` from tcp.d. */
export function tcpStateString(state: number): string {
  return TCP_STATE_NAMES.get(state) ?? '<unknown>';
}

/** Inline arrays: name → (key type text, value type text, function). */
export const BUILTIN_INLINE_ARRAYS: readonly [name: string, keyType: string, valueType: string, fn: (k: number) => string][] = [
  ['tcp_state_string', 'int32_t', 'string', tcpStateString],
];
