/**
 * tshark's view of a capture, as IP layers per frame.
 *
 * `-T fields -E occurrence=a` lists every occurrence of a field in a frame,
 * one list per field, so the order *between* fields (IPv4 and IPv6 layers,
 * extension headers) is lost, and the lists include the IP headers tshark
 * dissects inside ICMP errors. We rebuild the layers from frame.protocols,
 * the frame's protocol path in dissection order ("eth:ethertype:ip:gre:
 * ipv6:ipv6.fraghdr:tcp"):
 *
 *   - the k-th `ip` token takes the k-th occurrence of every ip.* field, the
 *     k-th `ipv6` token the k-th ipv6.* occurrence; an extension-header token
 *     (ipv6.hopopts, .routing, .fraghdr, .dstopts, ah) takes its .nxt
 *     occurrence and sets the current layer's final upper protocol;
 *   - the walk stops at the first token whose content is not a packet of its
 *     own: icmp/icmpv6 (quoted headers of errors), sflow (sampled headers);
 *     everything after it is quoted, never a layer;
 *   - an `ip` token without ip.src and ip.dst occurrences is a header tshark
 *     found bogus (bad IHL, bad length) or cut before its addresses: no
 *     layer, and the walk stops (wiretrace makes a layer only of a header
 *     whose addresses were captured); an `ip` token directly followed by
 *     `ipv6` is version 6 behind ethertype 0x0800, handed on by packet-ip.c;
 *   - the virtual interface of an inner layer follows from the last tunnel
 *     token before it (gre -> gre0, vxlan -> vxlan<VNI>, geneve -> geneve0,
 *     gtp -> gtp0, ip/ipv6 -> ip.tun0), as wiretrace names them.
 *
 * tshark runs with IPv4/IPv6/802.11 reassembly off (-o ip.defragment:FALSE ...), so a
 * first fragment's payload is dissected in its own frame, as wiretrace does
 * (it never reassembles), instead of in the frame completing the datagram.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

export const FIELDS = [
  'frame.number', 'frame.protocols', 'frame.interface_name', 'frame.packet_flags_direction', 'sll.pkttype', 'pflog.dir',
  'ip.version', 'ip.hdr_len', 'ip.len', 'ip.id', 'ip.flags', 'ip.frag_offset', 'ip.ttl', 'ip.proto', 'ip.checksum',
  'ip.dsfield', 'ip.src', 'ip.dst',
  'ipv6.tclass', 'ipv6.flow', 'ipv6.plen', 'ipv6.nxt', 'ipv6.hlim', 'ipv6.src', 'ipv6.dst',
  'ipv6.hopopts.nxt', 'ipv6.routing.nxt', 'ipv6.fraghdr.nxt', 'ipv6.dstopts.nxt', 'ah.next_header', 'vxlan.vni',
  'pktap.ifname', 'pktap.flags', 'vxlan.next_proto',
] as const;
type Field = (typeof FIELDS)[number];
const IDX = Object.fromEntries(FIELDS.map((f, i) => [f, i])) as Record<Field, number>;

/**
 * Reassembly off (see above), and VXLAN on UDP 8472, the Linux kernel's
 * default port, which wiretrace decodes (as tcpdump does) and tshark only
 * when told ("decode as").
 */
export const PREFS = [
  '-o', 'ip.defragment:FALSE', '-o', 'ipv6.defragment:FALSE', '-o', 'wlan.defragment:FALSE', '-o', 'tcp.desegment_tcp_streams:FALSE',
  '-d', 'udp.port==8472,vxlan',
];

/** Tokens whose content is quoted or sampled data, not packets. */
const STOP = new Set(['icmp', 'icmpv6', 'sflow']);
const EXT_NXT: Record<string, Field> = {
  'ipv6.hopopts': 'ipv6.hopopts.nxt',
  'ipv6.routing': 'ipv6.routing.nxt',
  'ipv6.fraghdr': 'ipv6.fraghdr.nxt',
  'ipv6.dstopts': 'ipv6.dstopts.nxt',
  ah: 'ah.next_header',
};
const TUNNEL_TOKENS = new Set(['gre', 'vxlan', 'geneve', 'gtp', 'ip', 'ipv6', 'teredo', 'l2tp', 'pim', 'esp']);

/** One IP layer in --layers column order (without frame and depth); null = not comparable. */
export interface Layer {
  interface: string | null;
  direction: string | null;
  version: string;
  src: string;
  dst: string;
  plength: string;
  ttl: string;
  protocol: string;
  id: string;
  flags: string;
  fragoff: string;
  checksum: string;
  tos: string;
  flow: string;
}

export const COLUMNS: readonly (keyof Layer)[] = [
  'interface', 'direction', 'version', 'src', 'dst', 'plength', 'ttl', 'protocol', 'id', 'flags', 'fragoff', 'checksum', 'tos', 'flow',
];

export interface TsharkFrame {
  frame: number;
  protocols: string;
  layers: Layer[];
  /** The columns of extra fields asked for (tsharkFrames' opts.fields), in order. */
  extra: string[];
}

export { requireTshark } from '../tools.ts';

function num(v: string | undefined): string {
  if (v === undefined || v === '') return '?';
  const n = Number(v);
  return Number.isFinite(n) ? String(n) : v;
}

/** Builds the layers of one `-T fields` line (see the module comment). */
export function parseTsharkLine(line: string): TsharkFrame {
  const cols = line.split('\t');
  const occ = (f: Field): string[] => {
    const v = cols[IDX[f]];
    return v === undefined || v === '' ? [] : v.split(',');
  };
  const lists = new Map<Field, string[]>();
  const get = (f: Field, i: number): string | undefined => {
    let l = lists.get(f);
    if (l === undefined) { l = occ(f); lists.set(f, l); }
    return l[i];
  };
  const protocols = cols[IDX['frame.protocols']] ?? '';
  // A PKTAP header names the interface and the direction itself (wiretrace reads both from it).
  const pktapIf = (cols[IDX['pktap.ifname']] ?? '').split(',')[0]!;
  const ifName = pktapIf !== '' ? pktapIf : cols[IDX['frame.interface_name']] ?? '';
  const pktapFlags = (cols[IDX['pktap.flags']] ?? '').split(',')[0]!;
  const pflags = cols[IDX['frame.packet_flags_direction']] ?? '';
  const pkttype = cols[IDX['sll.pkttype']] ?? '';
  let direction = '-';
  const pd = pflags === '' ? 0 : Number(pflags.split(',')[0]);
  if (pd === 1) direction = 'in';
  else if (pd === 2) direction = 'out';
  else if (pktapFlags !== '' && (Number(pktapFlags) & 3) !== 0) direction = Number(pktapFlags) & 1 ? 'in' : 'out';
  else if ((cols[IDX['pflog.dir']] ?? '') !== '') {
    const d = Number(cols[IDX['pflog.dir']]!.split(',')[0]);
    direction = d === 1 ? 'in' : d === 2 ? 'out' : '-';
  } else if (pkttype !== '') {
    const t = Number(pkttype.split(',')[0]);
    direction = t === 4 ? 'out' : t <= 3 ? 'in' : '-';
  }
  const layers: Layer[] = [];
  const count: Record<string, number> = {};
  let carrier = '';
  let vxlans = 0;
  let cur: Layer | null = null;
  const toks = protocols.split(':');
  // Version 6 behind ethertype 0x0800 (or protocol 4): packet-ip.c hands it to IPv6, and that `ip`
  // token has no fields. Recognised when there are fewer ip.src occurrences than `ip` tokens.
  let handoffs = toks.filter((t) => t === 'ip').length - occ('ip.src').length;
  // VXLAN-GPE shows no token of its own in frame.protocols ("udp:ip"): its next-protocol field marks it.
  let gpes = occ('vxlan.next_proto').length;
  const GPE_NEXT = new Set(['ip', 'ipv6', 'eth', 'nsh', 'mpls']);
  let gpeAt = -1;
  for (let ti = 0; ti < toks.length; ti++) {
    const tok = toks[ti]!;
    if (STOP.has(tok)) break;
    if (tok === 'ip' && toks[ti + 1] === 'ipv6' && handoffs > 0) { handoffs--; continue; }
    if (tok === 'vxlan') vxlans++;
    if (tok === 'udp' && gpes > 0 && GPE_NEXT.has(toks[ti + 1] ?? '')) {
      gpes--;
      vxlans++;
      carrier = 'vxlan';
      gpeAt = ti;
      continue;
    }
    if (tok === 'ip' || tok === 'ipv6') {
      const k = count[tok] ?? 0;
      count[tok] = k + 1;
      const depth = layers.length;
      // tshark says "unknown" for a pcapng interface without if_name: not comparable.
      const iface = depth === 0 ? (ifName === '' || ifName === 'unknown' ? null : ifName) : tunnelName(carrier, get('vxlan.vni', vxlans - 1));
      if (tok === 'ip') {
        // A layer is a header whose addresses were both captured (wiretrace's rule too).
        const src = get('ip.src', k);
        if (src === undefined || get('ip.dst', k) === undefined) break;
        const hl = Number(get('ip.hdr_len', k));
        const len = Number(get('ip.len', k));
        cur = {
          interface: iface, direction, version: '4', src, dst: get('ip.dst', k) ?? '?',
          plength: String(len - hl), ttl: num(get('ip.ttl', k)), protocol: num(get('ip.proto', k)),
          id: num(get('ip.id', k)), flags: num(get('ip.flags', k)), fragoff: num(get('ip.frag_offset', k)),
          checksum: num(get('ip.checksum', k)), tos: num(get('ip.dsfield', k)), flow: '-',
        };
      } else {
        const src = get('ipv6.src', k);
        if (src === undefined || get('ipv6.dst', k) === undefined) break;
        cur = {
          interface: iface, direction, version: '6', src, dst: get('ipv6.dst', k) ?? '?',
          plength: num(get('ipv6.plen', k)), ttl: num(get('ipv6.hlim', k)), protocol: num(get('ipv6.nxt', k)),
          id: '-', flags: '-', fragoff: '-', checksum: '-', tos: num(get('ipv6.tclass', k)), flow: num(get('ipv6.flow', k)),
        };
      }
      layers.push(cur);
    } else {
      const nxt = EXT_NXT[tok];
      // IPv6 extension tokens after an IPv4 header (protocol 0/43/44/60, which tshark dissects
      // as IPv6 extension headers) do not change IPv4's protocol column; AH does, for both.
      if (nxt !== undefined && (cur === null || cur.version === '6' || tok === 'ah')) {
        const k = count[tok] ?? 0;
        count[tok] = k + 1;
        const v = get(nxt, k);
        if (cur !== null && v !== undefined) cur.protocol = num(v);
      }
    }
    if (TUNNEL_TOKENS.has(tok)) carrier = tok;
    else if (tok === 'mpls' && toks[ti - 1] === 'udp' && gpeAt !== ti - 1) carrier = 'mplsudp'; // MPLS over UDP (6635)
  }
  return { frame: Number(cols[0]), protocols, layers, extra: cols.slice(FIELDS.length) };
}

function tunnelName(carrier: string, vni: string | undefined): string {
  switch (carrier) {
    case 'gre': return 'gre0';
    case 'vxlan': return 'vxlan' + (vni === undefined ? '?' : Number(vni));
    case 'geneve': return 'geneve0';
    case 'gtp': return 'gtp0';
    case 'teredo': return 'teredo0';
    case 'l2tp': return 'l2tp0';
    case 'esp': return 'ipsec0'; // decrypted with keys (test/differential/esp.test.ts)
    case 'pim': return 'pimreg';
    case 'mplsudp': return 'bareudp0';
    default: return 'ip.tun0';
  }
}

/**
 * Runs tshark over `path`, yielding one parsed frame per line, in order.
 * opts.args are more tshark options (ESP keys); opts.fields more fields, returned in `extra`.
 */
export async function* tsharkFrames(path: string, stderr: string[], opts: { args?: readonly string[]; fields?: readonly string[] } = {}): AsyncGenerator<TsharkFrame> {
  const args = ['-n', '-r', path, ...PREFS, ...(opts.args ?? []), '-T', 'fields', '-E', 'occurrence=a', '-E', 'separator=/t', '-E', 'aggregator=,'];
  for (const f of [...FIELDS, ...(opts.fields ?? [])]) args.push('-e', f);
  const child = spawn('tshark', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (d: string) => { if (stderr.join('').length < 4096) stderr.push(d); });
  const done = new Promise<void>((resolve) => child.on('close', () => resolve()));
  const rl = createInterface({ input: child.stdout, crlfDelay: Infinity });
  try {
    for await (const line of rl) {
      if (line === '') continue;
      yield parseTsharkLine(line);
    }
  } finally {
    rl.close();
    if (child.exitCode === null) child.kill();
    await done;
  }
}
