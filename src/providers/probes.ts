/**
 * Registers the network providers' probes (ip, ipv4, ipv6, tcp, udp) in a
 * ProbeRegistry, with their argument types, and hands back the Probe objects
 * the firing code uses (no lookup per firing).
 *
 * Names follow illumos, where these providers are SDT probes in the `ip`
 * kernel module, so `ip:ip:*:send` and `dtrace -l -P ip`-style listings read
 * as they do there:
 *
 *   ip:ip:ip_xmit:send                  a packet leaves on an interface
 *   ip:ip:ill_input_short_v4:receive    an IPv4 packet arrives (v6: _v6)
 *   ip:ip:ire_send_local_v4:send/receive  loopback (v6: _v6): both fire
 *
 * FreeBSD lists the same ip, tcp and udp probes in module `kernel`
 * (`tcp:kernel::accept-established` in its share/dtrace scripts), so those
 * probes carry `kernel` as a module alias: a description naming either
 * module matches them (listed and reported as `ip`). The 2007 prototype
 * providers were never on FreeBSD and have no alias.
 *
 * The 2007 prototype's ipv4/ipv6 providers (ipio01.d, ipio03.d) take
 * (pktinfo_t *, ipinfo_t *, ifinfo_t *, ipv4info_t * | ipv6info_t *); every
 * probe of one of those providers has the same prototype, so a clause on
 * `ipv4*:::send, ipv4*:::receive` may use args[].
 */
import type { Probe, ProbeRegistry } from '../d/types/probes.ts';
import { builtinTypes } from '../d/types/builtins.ts';
import { T_VOID, type DType } from '../d/types/types.ts';

export interface ArgTypes {
  pkt: DType; cs: DType; ip: DType; ifi: DType; v4: DType; v6: DType;
  tcp: DType; tcps: DType; tcpls: DType; udp: DType; udps: DType;
}

let types: ArgTypes | undefined;
export function argTypes(): ArgTypes {
  if (types) return types;
  const t = builtinTypes();
  const p = (n: string): DType => t.parse(n + ' *');
  types = {
    pkt: p('pktinfo_t'), cs: p('csinfo_t'), ip: p('ipinfo_t'), ifi: p('ifinfo_t'), v4: p('ipv4info_t'),
    v6: p('ipv6info_t'), tcp: p('tcpinfo_t'), tcps: p('tcpsinfo_t'), tcpls: p('tcplsinfo_t'), udp: p('udpinfo_t'),
    udps: p('udpsinfo_t'),
  };
  return types;
}

/** The prototype providers' probe names, in the order of the 2007 page. */
export const PROTO_NAMES = ['send', 'receive', 'local-send', 'local-receive', 'read', 'write', 'drop-in', 'drop-out'] as const;
export type ProtoName = typeof PROTO_NAMES[number];

/** The function each prototype probe is listed under (illumos-era IP functions). */
const PROTO_FUNCS: Record<4 | 6, Record<ProtoName, string>> = {
  4: {
    'send': 'ip_xmit_v4', 'receive': 'ip_input', 'local-send': 'ip_wput_local', 'local-receive': 'ip_wput_local',
    'read': 'ip_fanout_v4', 'write': 'ip_output', 'drop-in': 'ip_input', 'drop-out': 'ip_xmit_v4',
  },
  6: {
    'send': 'ip_xmit_v6', 'receive': 'ip_rput_v6', 'local-send': 'ip_wput_local_v6', 'local-receive': 'ip_wput_local_v6',
    'read': 'ip_fanout_v6', 'write': 'ip_output_v6', 'drop-in': 'ip_rput_v6', 'drop-out': 'ip_xmit_v6',
  },
};

/** One prototype provider's probes (ipv4 or ipv6). */
export type ProtoProbes = Record<ProtoName, Probe>;

export interface NetProbes {
  /** ip:::send, ip:::receive by [version 4|6][loopback 0|1]. */
  ipSend: { 4: [Probe, Probe]; 6: [Probe, Probe] };
  ipReceive: { 4: [Probe, Probe]; 6: [Probe, Probe] };
  ipv4: ProtoProbes;
  ipv6: ProtoProbes;
  tcpSend: Probe; tcpReceive: Probe; tcpStateChange: Probe;
  tcpConnectRequest: Probe; tcpConnectEstablished: Probe; tcpConnectRefused: Probe;
  tcpAcceptEstablished: Probe; tcpAcceptRefused: Probe;
  udpSend: Probe; udpReceive: Probe;
}

/** FreeBSD's module name for the ip, tcp and udp SDT probes. */
const FREEBSD_MODULE = 'kernel';

const native = (names: string[]): string[] => names;

/** Registers every network probe (idempotent: the registry returns existing probes). */
export function registerNetworkProviders(reg: ProbeRegistry): NetProbes {
  const a = argTypes();
  const ipArgs = [a.pkt, a.cs, a.ip, a.ifi, a.v4, a.v6];
  const ipNative = native(['mblk_t *', 'conn_t *', 'void_ip_t *', '__dtrace_ipsr_ill_t *', 'ipha_t *', 'ip6_t *', 'int']);
  const ip = (func: string, name: string): Probe => reg.register('ip', 'ip', func, name, ipArgs, { argNative: ipNative, moduleAlias: FREEBSD_MODULE });
  const ipSend = {
    4: [ip('ip_xmit', 'send'), ip('ire_send_local_v4', 'send')] as [Probe, Probe],
    6: [ip('ip_xmit', 'send'), ip('ire_send_local_v6', 'send')] as [Probe, Probe],
  };
  const ipReceive = {
    4: [ip('ill_input_short_v4', 'receive'), ip('ire_send_local_v4', 'receive')] as [Probe, Probe],
    6: [ip('ill_input_short_v6', 'receive'), ip('ire_send_local_v6', 'receive')] as [Probe, Probe],
  };
  const proto = (ver: 4 | 6): ProtoProbes => {
    const args = [a.pkt, a.ip, a.ifi, ver === 4 ? a.v4 : a.v6];
    const nat = ['mblk_t *', ver === 4 ? 'ipha_t *' : 'ip6_t *', 'ill_t *', ver === 4 ? 'ipha_t *' : 'ip6_t *'];
    const out = {} as ProtoProbes;
    for (const n of PROTO_NAMES) out[n] = reg.register(`ipv${ver}`, 'ip', PROTO_FUNCS[ver][n], n, args, { argNative: nat });
    return out;
  };
  const ipv4 = proto(4);
  const ipv6 = proto(6);
  const tcpIo = [a.pkt, a.cs, a.ip, a.tcps, a.tcp];
  const tcpIoNative = ['mblk_t *', 'conn_t *', 'void_ip_t *', 'tcp_t *', 'tcph_t *'];
  const tcp = (func: string, name: string, args: DType[] = tcpIo, nat = tcpIoNative): Probe =>
    reg.register('tcp', 'ip', func, name, args, { argNative: nat, moduleAlias: FREEBSD_MODULE });
  const tcpSend = tcp('tcp_send_data', 'send');
  const tcpReceive = tcp('tcp_input_data', 'receive');
  const tcpStateChange = tcp('tcp_set_state', 'state-change', [T_VOID, a.cs, T_VOID, a.tcps, T_VOID, a.tcpls],
    ['void', 'conn_t *', 'void', 'tcp_t *', 'void', 'int32_t']);
  const tcpConnectRequest = tcp('tcp_connect', 'connect-request');
  const tcpConnectEstablished = tcp('tcp_input_data', 'connect-established');
  const tcpConnectRefused = tcp('tcp_input_data', 'connect-refused');
  const tcpAcceptEstablished = tcp('tcp_input_data', 'accept-established');
  const tcpAcceptRefused = tcp('tcp_xmit_listeners_reset', 'accept-refused');
  const udpArgs = [a.pkt, a.cs, a.ip, a.udps, a.udp];
  const udpNative = ['mblk_t *', 'conn_t *', 'void_ip_t *', 'udp_t *', 'udpha_t *'];
  const udpSend = reg.register('udp', 'ip', 'udp_send', 'send', udpArgs, { argNative: udpNative, moduleAlias: FREEBSD_MODULE });
  const udpReceive = reg.register('udp', 'ip', 'udp_input', 'receive', udpArgs, { argNative: udpNative, moduleAlias: FREEBSD_MODULE });
  return {
    ipSend, ipReceive, ipv4, ipv6, tcpSend, tcpReceive, tcpStateChange, tcpConnectRequest, tcpConnectEstablished,
    tcpConnectRefused, tcpAcceptEstablished, tcpAcceptRefused, udpSend, udpReceive,
  };
}
