/**
 * Builds samples/expected/*.out from the seed transcripts (samples/test/
 * transcripts.ts) and the scripts' own printf formats — never from running
 * anything. Run `npx tsx samples/expected/build.ts` after changing a
 * transcript table; expected.test.ts checks the committed files match.
 *
 * What each file holds is exactly dtrace(1)'s standard output for the run:
 * the lines the script prints, then the one empty line dtrace prints when
 * tracing stops (dtrace.c: `oprintf("\n")` after the consume loop), then any
 * aggregations still unprinted, each line "  %-50s %16d" for a string key and
 * a count (dt_consume.c dt_print_datum/dt_print_bytes). stderr (e.g.
 * "dtrace: script 'x.d' matched 2 probes") is not part of these files.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { IPIO_GAPS_NS } from '../gen/scenes/blog2008.ts';
import { ACCEPT, IPIO, PROTO2, RECEIVERS, WHOSENT, type Line } from '../test/transcripts.ts';
import { CURL, NGINX, PYTHON, ptcpdumpScene } from '../gen/scenes/ptcpdump.ts';

/** The subset of printf the seed scripts use: %s and %d with '-', '0' and a width. */
export function printf(fmt: string, ...args: (string | number | bigint)[]): string {
  let i = 0;
  return fmt.replace(/%([-0]*)(\d*)([sdu%])/g, (_m, flags: string, width: string, conv: string) => {
    if (conv === '%') return '%';
    const v = args[i++];
    let s = String(v);
    const w = width === '' ? 0 : Number(width);
    if (flags.includes('-')) return s.padEnd(w, ' ');
    if (flags.includes('0') && conv !== 's') { const neg = s.startsWith('-'); s = neg ? s.slice(1) : s; return (neg ? '-' : '') + s.padStart(neg ? w - 1 : w, '0'); }
    return s.padStart(w, ' ');
  });
}

/** dtrace's %Y: "2016 Aug 11 15:58:52" (UTC here: the samples' times are UTC). */
export function ymdhms(ns: bigint): string {
  const d = new Date(Number(ns / 1_000_000n));
  const mon = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.getUTCMonth()]!;
  const p2 = (n: number): string => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()} ${mon} ${String(d.getUTCDate()).padStart(2, ' ')} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`;
}

/** Trailer dtrace prints when tracing stops. */
const END = '\n';

/** A count aggregation keyed by one string, as printed at exit: ascending by value. */
function countAgg(rows: [string, number][]): string {
  return [...rows].sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1)).map(([k, v]) => printf('  %-50s %16d\n', k, v)).join('');
}

const IPIO01_HDR = printf(' %-10s %-15s %-15s %5s %8s %6s\n', 'NAME', 'SOURCE', 'DEST', 'BYTES', 'INT', 'PROTO');
const ipio01 = (l: Line): string => printf(' %-10s %-15s -> %-15s %5d %8s %6s\n', l.probe, l.src, l.dst, l.bytes, l.iface, l.proto!);

const IPIO03_HDR = printf(' %-10s %-15s %-15s %5s %8s\n', 'NAME', 'SOURCE', 'DEST', 'BYTES', 'INT');
type P3 = ['write' | 'send' | 'receive' | 'read', string, string, number, string];
const ipio03 = ([name, src, dst, bytes, iface]: P3): string =>
  printf(name === 'send' || name === 'receive' ? ' %-9s %-15s -> %-15s %5d %8s\n' : ' %-10s %-15s -> %-15s %5d %8s\n', name, src, dst, bytes, iface);

/** The ipio03.d transcripts of seed 001, line by line. */
const A = '192.168.1.108';
const B = '192.168.1.109';
const V6L = 'fe80::2e0:81ff:fe5e:8308';
const V6R = 'fe80::214:4fff:fe3b:76c8';
export const IPIO03: Record<string, P3[]> = {
  'proto2-tcp4-out.pcapng': [['write', A, B, 68, 'nge0'], ['send', A, B, 68, 'nge0'], ['receive', B, A, 68, 'nge0'], ['read', B, A, 68, 'nge0'], ['write', A, B, 20, 'nge0'], ['send', A, B, 20, 'nge0']],
  'proto2-tcp4-in.pcapng': [['receive', B, A, 68, 'nge0'], ['read', B, A, 68, 'nge0'], ['write', A, B, 68, 'nge0'], ['send', A, B, 68, 'nge0'], ['receive', B, A, 20, 'nge0'], ['read', B, A, 20, 'nge0']],
  'proto2-icmp-in.pcapng': [['receive', B, A, 64, 'nge0'], ['read', B, A, 64, 'nge0'], ['write', A, B, 64, 'nge0'], ['send', A, B, 64, 'nge0']],
  'proto2-udp-dns-out.pcapng': [['write', A, '192.168.1.5', 53, 'nge0'], ['send', A, '192.168.1.5', 53, 'nge0'], ['receive', '192.168.1.5', A, 105, 'nge0'], ['read', '192.168.1.5', A, 105, 'nge0']],
  'proto2-ipsec-out.pcapng': [
    ['write', '10.7.250.24', '192.146.17.75', 68, 'ip.tun0'], ['send', '10.7.250.24', '192.146.17.75', 68, 'ip.tun0'],
    ['write', A, '172.16.10.1', 88, 'nge0'], ['send', A, '172.16.10.1', 140, 'nge0'],
    ['receive', '172.16.10.1', A, 140, 'nge0'], ['read', '172.16.10.1', A, 140, 'nge0'],
    ['receive', '192.146.17.75', '10.7.250.24', 68, 'ip.tun0'], ['read', '192.146.17.75', '10.7.250.24', 68, 'ip.tun0'],
    ['write', '10.7.250.24', '192.146.17.75', 20, 'ip.tun0'], ['send', '10.7.250.24', '192.146.17.75', 20, 'ip.tun0'],
    ['write', A, '172.16.10.1', 40, 'nge0'], ['send', A, '172.16.10.1', 92, 'nge0'],
  ],
  'proto2-tcp6-out.pcapng': [['write', V6L, V6R, 68, 'nge0'], ['send', V6L, V6R, 68, 'nge0'], ['receive', V6R, V6L, 68, 'nge0'], ['read', V6R, V6L, 68, 'nge0'], ['write', V6L, V6R, 20, 'nge0'], ['send', V6L, V6R, 20, 'nge0']],
  'proto2-tcp6-in.pcapng': [['receive', V6R, V6L, 68, 'nge0'], ['read', V6R, V6L, 68, 'nge0'], ['write', V6L, V6R, 68, 'nge0'], ['send', V6L, V6R, 68, 'nge0'], ['receive', V6R, V6L, 20, 'nge0'], ['read', V6R, V6L, 20, 'nge0']],
};

/** Boot time of the accept-queue scenes (see samples/gen/scenes/accept.ts). */
const BOOT_NS = 1_470_745_674n * 1_000_000_000n;
/** wiretrace's virtual boot: 1000 s before the capture's start. */
const VIRTUAL_BOOT_NS = 1000n * 1_000_000_000n;
/** How long before the first SYN each accept scene's capture starts (samples/gen/scenes/accept.ts). */
const ACCEPT_QUEUE_LEAD_NS = 1_830_000_000n;
const ACCEPT_SSH_LEAD_NS = 2_400_000_000n;
/** SYN to final ACK of the two earlier ssh connections: the scene's choice (the article shows their SYNs only). */
const SSH_HANDSHAKE_NS = 201_114n;

const base = (f: string): string => f.replace(/\.pcapng$/, '');

/**
 * who_container.d over the ptcpdump scene, from the scene's own process
 * table and its frames (packets per process): each process's container
 * (zonename, else "global"), short name (the command's basename, at most
 * MAXCOMLEN 16 bytes), pid, ppid, uid and arguments (PRARGSZ: 79 bytes), as
 * illumos would bound them; the kernel's packets with no process.
 */
function whoContainer(): string {
  const scene = ptcpdumpScene();
  const rows = new Map<string, { key: (string | number)[]; n: number }>();
  for (const f of scene.ordered()) {
    const c = [CURL, NGINX, PYTHON].find((p) => typeof f.comment !== 'string' && f.comment?.[0]?.startsWith(`PID: ${p.pid}\n`));
    const key = c === undefined ? ['global', '', 0, 0, 0, '']
      : [c.container?.name ?? 'global', c.cmd.slice(c.cmd.lastIndexOf('/') + 1).slice(0, 16), c.pid, c.ppid, c.uid, c.args.replace(/\.\.\.$/, '').slice(0, 79)];
    const k = JSON.stringify(key);
    const r = rows.get(k) ?? { key, n: 0 };
    r.n++;
    rows.set(k, r);
  }
  const sorted = [...rows.values()].sort((a, b) => a.n - b.n || (JSON.stringify(a.key) < JSON.stringify(b.key) ? -1 : 1));
  return printf('%-8s %-10s %7s %7s %6s %5s  %s\n', 'ZONE', 'EXECNAME', 'PID', 'PPID', 'UID', 'PKTS', 'ARGS') +
    sorted.map(({ key: [z, e, pid, ppid, uid, args], n }) => printf('%-8s %-10s %7d %7d %6d %5d  %s\n', z!, e!, pid!, ppid!, uid!, n, args!)).join('') + END;
}

export function buildExpected(): Map<string, string> {
  const out = new Map<string, string>();
  for (const [cap, lines] of Object.entries(PROTO2)) out.set(`ipio01.${base(cap)}.out`, IPIO01_HDR + lines.map(ipio01).join('') + END);
  for (const [cap, lines] of Object.entries(IPIO03)) out.set(`ipio03.${base(cap)}.out`, IPIO03_HDR + lines.map(ipio03).join('') + END);

  out.set('ipio.blog-ipio-tunnel.out',
    printf(' %3s %10s %15s    %15s %8s %6s\n', 'CPU', 'DELTA(us)', 'SOURCE', 'DEST', 'INT', 'BYTES') +
    IPIO.map(({ delta, line: l }) => l.probe === 'send'
      ? printf(' %3d %10d %15s -> %15s %8s %6d\n', 0, delta, l.src, l.dst, l.iface, l.bytes)
      : printf(' %3d %10d %15s <- %15s %8s %6d\n', 0, delta, l.dst, l.src, l.iface, l.bytes)).join('') + END);

  // The NIC-only ESP captures of the same scene (blog-ipio-esp-*.pcapng, decrypted with their keys):
  // the transcript's lines in the transcript's order, but the capture holds only nge0's frames, so
  // each ip.tun0 packet fires at its carrier's time — just before it when sent, just after it when
  // received — and DELTA(us) is measured between those times (the scene's gaps, in ns).
  const at: bigint[] = [];
  let t = 0n;
  for (const g of IPIO_GAPS_NS) at.push((t += g));
  const carrier = (i: number): number => IPIO[i]!.line.iface === 'nge0' ? i : IPIO[i]!.line.probe === 'send' ? i + 1 : i - 1;
  let last = 0n;
  out.set('ipio.blog-ipio-esp.out',
    printf(' %3s %10s %15s    %15s %8s %6s\n', 'CPU', 'DELTA(us)', 'SOURCE', 'DEST', 'INT', 'BYTES') +
    IPIO.map(({ line: l }, i) => {
      const now = at[carrier(i)]!;
      const delta = (now - last) / 1000n;
      last = now;
      return l.probe === 'send'
        ? printf(' %3d %10d %15s -> %15s %8s %6d\n', 0, delta, l.src, l.dst, l.iface, l.bytes)
        : printf(' %3d %10d %15s <- %15s %8s %6d\n', 0, delta, l.dst, l.src, l.iface, l.bytes);
    }).join('') + END);

  out.set('ip_trace.blog-ipio-tunnel.out',
    printf(' %10s %30s %-30s %8s %6s\n', 'DELTA(us)', 'SOURCE', 'DEST', 'INT', 'BYTES') +
    IPIO.map(({ delta, line: l }) => l.probe === 'send'
      ? printf(' %10d %30s -> %-30s %8s %6d\n', delta, l.src, l.dst, l.iface, l.bytes)
      : printf(' %10d %30s <- %-30s %8s %6d\n', delta, l.dst, l.src, l.iface, l.bytes)).join('') + END);

  out.set('ip_whosent.blog-ip_whosent.out',
    WHOSENT.map(([dst, len, name, pid]) => printf('Packet sent to %s: %d byte packet on behalf of %s (PID: %d)\n', dst, len, name, pid)).join('') + END);

  out.set('ip_receivers.proto2-receivers.out', END + countAgg(RECEIVERS));
  out.set('ip_count.proto2-receivers.out', END + countAgg(RECEIVERS));

  // TS is `timestamp`: on the article's machine ns since its boot; in wiretrace ns since a
  // virtual boot 1000 s before the capture's start (README, "Context"), so the column keeps
  // the article's differences, not its digits. Date is `walltimestamp`, the real time.
  const tsOf = (t: bigint, captureStart: bigint): bigint => VIRTUAL_BOOT_NS + t - captureStart;
  const csv = (t: bigint, start: bigint, action: string, ip: string, sport: number, dport: number): string =>
    printf('%d,%s,%s,%s,%d,%d\n', tsOf(t, start), ymdhms(BOOT_NS + t), action, ip, sport, dport);
  const q = ACCEPT.port2000;
  const qStart = q.syns[0]! - ACCEPT_QUEUE_LEAD_NS;
  out.set('tcp_acceptq.accept-queue.out', 'TS,Date,Action,Source IP,Source Port,Dest Port\n' +
    q.syns.map((t) => csv(t, qStart, 'syn', q.client, q.sport, 2000)).join('') +
    csv(q.established, qStart, 'syn-aa', q.client, q.sport, 2000) + END);
  const ssh: [bigint, bigint, number][] = [
    [181_523_558_976_884n, 181_523_558_976_884n + SSH_HANDSHAKE_NS, 40930],
    [181_903_328_660_708n, 181_903_328_660_708n + SSH_HANDSHAKE_NS, 40950],
    [ACCEPT.port22.syn, ACCEPT.port22.established, ACCEPT.port22.sport],
  ];
  const sshStart = ssh[0]![0] - ACCEPT_SSH_LEAD_NS;
  out.set('tcp_acceptq.accept-ssh.out', 'TS,Date,Action,Source IP,Source Port,Dest Port\n' +
    ssh.map(([s, e, p]) => csv(s, sshStart, 'syn', q.client, p, 22) + csv(e, sshStart, 'syn-aa', q.client, p, 22)).join('') + END);

  const latHdr = printf('%-15s %6s %6s %5s %14s\n', 'CLIENT', 'CPORT', 'LPORT', 'SYNS', 'LATENCY');
  const lat = (ip: string, sport: number, dport: number, syns: number, ns: bigint): string =>
    printf('%-15s %6d %6d %5d %9d.%03d ms (%d.%02d s)\n', ip, sport, dport, syns, ns / 1_000_000n, (ns / 1000n) % 1000n, ns / 1_000_000_000n, (ns / 10_000_000n) % 100n);
  out.set('tcp_acceptlat.accept-queue.out', latHdr + lat(q.client, q.sport, 2000, q.syns.length, ACCEPT.latency) + END);
  out.set('tcp_acceptlat.accept-ssh.out', latHdr + ssh.map(([s, e, p]) => lat(q.client, p, 22, 1, e - s)).join('') + END);
  out.set('who_container.ptcpdump-containers.out', whoContainer());
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = dirname(fileURLToPath(import.meta.url));
  for (const [name, text] of buildExpected()) writeFileSync(join(dir, name), text);
  console.log(`wrote ${buildExpected().size} expected outputs to ${dir}`);
}
