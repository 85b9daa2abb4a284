/**
 * The committed sample captures, checked with tshark (an independent decoder)
 * against the seed transcripts (transcripts.ts): addresses, ip_plength,
 * interface names, pcapng direction flags, Darwin process information,
 * timing, and valid checksums everywhere. Skipped with a notice without tshark.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type Blocks, pcapngBlocks, requireTshark, tsharkFields } from './tshark.ts';
import { ACCEPT, IPIO, PROTO2, PROTO2_SNOOP, RECEIVERS, WHOSENT, type Line } from './transcripts.ts';

const dir = join(dirname(fileURLToPath(import.meta.url)), '..', 'captures');
const cap = (f: string): string => join(dir, f);
requireTshark();

interface Row { iface: string; dir: 'send' | 'receive' | ''; src: string; dst: string; plen: number; proto: string; time: bigint }

const PROTO_NAMES: Record<string, string> = { '1': 'ICMP', '2': 'IGMP', '6': 'TCP', '17': 'UDP', '58': 'ICMPV6', '50': 'ESP' };

/** The outermost IP layer of every IP frame, as tshark decodes it. */
function ipRows(file: string, filter = 'ip or ipv6'): Row[] {
  return tsharkFields(cap(file), ['frame.interface_name', 'frame.p2p_dir', 'frame.time_epoch', 'ip.src', 'ip.dst', 'ip.len', 'ip.hdr_len', 'ip.proto', 'ipv6.src', 'ipv6.dst', 'ipv6.plen', 'ipv6.nxt'], ['-Y', filter])
    .map((r) => {
      const first = (i: number): string => (r[i] ?? '').split(',')[0]!;
      const v4 = first(3) !== '';
      const [sec, frac = ''] = first(2).split('.');
      return {
        iface: first(0),
        dir: first(1) === '0' ? 'send' : first(1) === '1' ? 'receive' : '',
        src: v4 ? first(3) : first(8),
        dst: v4 ? first(4) : first(9),
        plen: v4 ? Number(first(5)) - Number(first(6)) : Number(first(10)),
        proto: PROTO_NAMES[v4 ? first(7) : first(11)] ?? '?',
        time: BigInt(sec!) * 1_000_000_000n + BigInt(frac.padEnd(9, '0')),
      };
    });
}

function asLine(r: Row): Line {
  return { probe: r.dir as 'send' | 'receive', src: r.src, dst: r.dst, bytes: r.plen, iface: r.iface, proto: r.proto as Line['proto'] };
}

function blocks(file: string): Blocks {
  return pcapngBlocks(cap(file));
}

const captures = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.pcapng')).sort() : [];

// tshark takes a while on a shared machine; these are not timing tests.
describe('sample captures (tshark)', { timeout: 120_000 }, () => {
  it('exist (run `npm run samples`)', () => {
    expect(captures.length).toBeGreaterThanOrEqual(19);
  });

  it.each(captures)('%s: every checksum valid, nothing malformed, every direction stated', (f) => {
    const rows = tsharkFields(cap(f), ['frame.number', 'ip.checksum.status', 'tcp.checksum.status', 'udp.checksum.status', 'icmp.checksum.status', 'icmpv6.checksum.status', 'igmp.checksum.status', '_ws.malformed', '_ws.expert.message', 'frame.p2p_dir']);
    for (const r of rows) {
      expect(['0', '1'], `${f} frame ${r[0]}: epb_flags direction`).toContain(r[9]);
      const st = r.slice(1, 7).join(',').split(',').filter((s) => s !== '');
      expect(st.every((s) => s !== '0'), `${f} frame ${r[0]}: checksum status ${st}`).toBe(true);
      expect(r[7] ?? '', `${f} frame ${r[0]} malformed`).toBe('');
      expect(r[8] ?? '', `${f} frame ${r[0]}`).not.toMatch(/bad checksum|incorrect|malformed|MUST NOT/i);
    }
  });

  it.each(Object.keys(PROTO2))('%s: the Prototype #2 transcript lines', (f) => {
    expect(ipRows(f).map(asLine)).toEqual(PROTO2[f]);
  });

  it.each(Object.keys(PROTO2_SNOOP))('%s: snoop\'s ports, sequence and acknowledgement numbers', (f) => {
    const rows = tsharkFields(cap(f), ['tcp.srcport', 'tcp.dstport', 'tcp.seq_raw', 'tcp.ack_raw', 'tcp.flags', 'tcp.len'], ['-Y', 'tcp']);
    const flagsOf = (hex: string): string => {
      const v = parseInt(hex, 16);
      return (v & 0x02 ? 'S' : '') + (v & 0x04 ? 'R' : '') + (v & 0x08 ? 'P' : '') + (v & 0x10 ? 'A' : '') + (v & 0x01 ? 'F' : '');
    };
    const norm = (s: string): string => s.split('').sort().join('');
    const want = PROTO2_SNOOP[f]!;
    expect(rows.length).toBe(want.length);
    rows.forEach((r, i) => {
      const [sp, dp, seq, ack, fl, len] = want[i]!;
      expect(Number(r[0])).toBe(sp);
      expect(Number(r[1])).toBe(dp);
      if (seq !== null) expect(Number(r[2])).toBe(seq);
      if (ack !== null) expect(Number(r[3])).toBe(ack);
      expect(norm(flagsOf(r[4]!))).toBe(norm(fl));
      if (len !== null) expect(Number(r[5])).toBe(len);
      if (fl.includes('R')) expect(Number(r[2]), 'RST for a SYN carries seq 0').toBe(0);
    });
  });

  it('proto2-udp-dns-out: a query and answer for deimos.sf.fishworks.jpn.com', () => {
    const rows = tsharkFields(cap('proto2-udp-dns-out.pcapng'), ['dns.qry.name', 'dns.flags.response']);
    expect(rows.map((r) => [r[0], r[1]])).toEqual([['deimos.sf.fishworks.jpn.com', '0'], ['deimos.sf.fishworks.jpn.com', '1']]);
  });

  it('proto2-receivers: received packets per source, as the count one-liner shows', () => {
    const counts = new Map<string, number>();
    for (const r of ipRows('proto2-receivers.pcapng')) if (r.dir === 'receive') counts.set(r.src, (counts.get(r.src) ?? 0) + 1);
    expect([...counts.entries()].sort((a, b) => a[1] - b[1])).toEqual(RECEIVERS);
  });

  it('blog-ip_whosent: sends not from sched are the transcript, with Darwin pid and name', () => {
    const b = blocks('blog-ip_whosent.pcapng');
    const rows = tsharkFields(cap('blog-ip_whosent.pcapng'), ['frame.p2p_dir', 'ip.dst', 'ip.len']);
    expect(b.epbs.length).toBe(rows.length);
    const got: [string, number, string, number][] = [];
    rows.forEach((r, i) => {
      expect(b.epbs[i]!.pid, `frame ${i + 1} has process info`).toBeGreaterThanOrEqual(0);
      if (r[0] === '0' && b.epbs[i]!.name !== 'sched') got.push([r[1]!, Number(r[2]), b.epbs[i]!.name, b.epbs[i]!.pid]);
    });
    expect(got).toEqual(WHOSENT);
  });

  it('blog-ipio-tunnel: lines and DELTA(us) from the capture start', () => {
    const rows = ipRows('blog-ipio-tunnel.pcapng');
    expect(rows.map(asLine).map((l) => ({ ...l, proto: undefined }))).toEqual(IPIO.map((x) => x.line));
    const b = blocks('blog-ipio-tunnel.pcapng');
    expect(b.isbStart.length).toBe(2); // one per interface, before the packets
    let last = b.isbStart[0]!;
    const deltas = rows.map((r) => { const d = (r.time - last) / 1000n; last = r.time; return Number(d); });
    expect(deltas).toEqual(IPIO.map((x) => x.delta));
  });

  it('accept-queue: SYN retries at 1, 3, 7 s and the handshake 7.01 s after the first SYN', () => {
    const rows = [...tsharkFields(cap('accept-queue.pcapng'), ['frame.time_epoch', 'tcp.srcport', 'tcp.dstport', 'tcp.flags', 'frame.p2p_dir']),
      ...tsharkFields(cap('accept-ssh.pcapng'), ['frame.time_epoch', 'tcp.srcport', 'tcp.dstport', 'tcp.flags', 'frame.p2p_dir'], ['-Y', 'tcp.port == 41010'])];
    const ns = (s: string): bigint => { const [a, b = ''] = s.split('.'); return BigInt(a!) * 1_000_000_000n + BigInt(b.padEnd(9, '0')); };
    const syns = rows.filter((r) => r[1] === '50066' && r[3] === '0x0002').map((r) => ns(r[0]!));
    expect(syns.length).toBe(4);
    const boot = syns[0]! - ACCEPT.port2000.syns[0]!;
    expect(syns.map((t) => t - boot)).toEqual(ACCEPT.port2000.syns);
    const est = rows.find((r) => r[1] === '50066' && r[3] === '0x0010')!;
    expect(ns(est[0]!) - syns[0]!).toBe(ACCEPT.latency);
    expect(rows.filter((r) => r[2] === '50066' && r[3] === '0x0012').length, 'one SYN/ACK').toBe(1);
    const s22 = rows.filter((r) => r[1] === '41010');
    expect(ns(s22[0]![0]!) - boot).toBe(ACCEPT.port22.syn);
    expect(ns(s22[1]![0]!) - boot).toBe(ACCEPT.port22.established);
    // walltimestamp of the first SYN: 2016 Aug 11 15:58:52 (UTC).
    expect(new Date(Number(syns[0]! / 1_000_000n)).toISOString()).toMatch(/^2016-08-11T15:58:52\./);
    expect(rows.every((r) => r[4] === (r[2] === '2000' || r[2] === '22' ? '1' : '0'))).toBe(true);
    const queue = tsharkFields(cap('accept-queue.pcapng'), ['tcp.srcport']);
    expect(queue.every((r) => r[0] === '50066' || r[0] === '2000'), 'only the 50066 connection').toBe(true);
  });

  it('tcpsnoop: process information per connection; closed-port resets without process', () => {
    const b = blocks('tcpsnoop.pcapng');
    const rows = tsharkFields(cap('tcpsnoop.pcapng'), ['tcp.srcport', 'tcp.dstport', 'tcp.flags', 'frame.p2p_dir']);
    const byPort = new Map<string, Set<string>>();
    rows.forEach((r, i) => {
      const local = r[3] === '0' ? r[0]! : r[1]!;
      const k = `${local}`;
      if (!byPort.has(k)) byPort.set(k, new Set());
      byPort.get(k)!.add(`${b.epbs[i]!.name}:${b.epbs[i]!.pid}`);
    });
    expect([...byPort.get('32781')!]).toEqual(['ssh:2341']);
    expect([...byPort.get('32782')!]).toEqual(['wget:2390']);
    expect([...byPort.get('22')!].sort()).toEqual(['sshd:2402', 'sshd:611']);
    expect([...byPort.get('79')!].sort()).toEqual(['in.fingerd:2430', 'inetd:167']);
    expect([...byPort.get('32783')!]).toEqual(['telnet:2417']);
    expect([...byPort.get('8080')!]).toEqual([':-1']);
    expect(rows.filter((r) => r[2] === '0x0014').length, 'two RST/ACKs').toBe(2);
  });

  it('ptcpdump-containers: ptcpdump process comments on every packet a process owns, none on the kernel reset', () => {
    const rows = tsharkFields(cap('ptcpdump-containers.pcapng'), ['frame.comment', 'tcp.srcport', 'tcp.dstport', 'udp.srcport', 'tcp.flags.reset']);
    const pidOf = (r: string[]): string => /^PID: (\d+)\\nCmd: /.exec(r[0] ?? '')?.[1] ?? '';
    const byPort = new Map<string, Set<string>>();
    for (const r of rows) {
      const k = [r[1], r[2], r[3]].filter((x) => x !== '' && x !== undefined).sort().join('/');
      if (!byPort.has(k)) byPort.set(k, new Set());
      byPort.get(k)!.add(pidOf(r));
    }
    expect([...byPort.get('53258/80')!]).toEqual(['122868']);
    expect([...byPort.get('41822/8080')!]).toEqual(['4711']);
    expect([...byPort.get('45123')!]).toEqual(['5120']);
    expect([...byPort.get('41900/9090')!]).toEqual(['']);
    // Every context ptcpdump writes, in its order; the truncated argument list ends in "...".
    const nginx = rows.find((r) => pidOf(r) === '4711')![0]!;
    for (const k of ['ThreadId: 4711', 'UserId: 101\\nGroupId: 101', 'ParentPID: 4700', 'ContainerName: web', 'PodName: web-7d9c6b5f4-x2x7q']) expect(nginx).toContain(k);
    expect(rows.find((r) => pidOf(r) === '5120')![0]).toMatch(/--tim\.\.\.,ThreadId: 5133/);
  });

  it('demo-mixed: a few thousand frames under 1 MB with every protocol the demos use', () => {
    expect(statSync(cap('demo-mixed.pcapng')).size).toBeLessThan(1 << 20);
    const rows = tsharkFields(cap('demo-mixed.pcapng'), ['frame.protocols']);
    expect(rows.length).toBeGreaterThan(2000);
    const all = rows.map((r) => r[0]!).join('\n');
    for (const p of [':dns', ':tls', ':http', ':ssh', ':icmp', ':ipv6', ':icmpv6', ':vlan', ':gre:ip:tcp', ':vxlan:eth', ':ntp', ':syslog']) expect(all, p).toContain(p);
    const retrans = tsharkFields(cap('demo-mixed.pcapng'), ['frame.number'], ['-Y', 'tcp.analysis.retransmission']);
    expect(retrans.length).toBe(2);
  });
});
