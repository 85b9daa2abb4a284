/**
 * The book-script runs: which captures exercise which script, and one run
 * of the built CLI (`node bin/wiretrace.mjs -s script -r capture`) judged
 * by checks.ts against tshark's reading of the capture.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CHECKS } from './checks.ts';
import { reference } from './ref.ts';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = process.env.WIRETRACE_BIN ?? `${ROOT}bin/wiretrace.mjs`;

export const CAPTURES: Record<string, string> = {
  // Real captures: tcpdump -i lo on 127.0.0.1 and ::1 (test/fixtures/real-book/make.sh).
  'http.pcap': 'test/fixtures/real-book/http.pcap',
  'udp.pcap': 'test/fixtures/real-book/udp.pcap',
  'zerowin.pcap': 'test/fixtures/real-book/zerowin.pcap',
  'scan.pcap': 'test/fixtures/real-book/scan.pcap',
  'abort.pcap': 'test/fixtures/real-book/abort.pcap',
  'lo.pcapng': 'test/fixtures/real-book/lo.pcapng',
  // Sample captures (samples/manifest.json, made by samples/gen).
  'tcpsnoop.pcapng': 'samples/captures/tcpsnoop.pcapng',
  'accept-queue.pcapng': 'samples/captures/accept-queue.pcapng',
  'accept-ssh.pcapng': 'samples/captures/accept-ssh.pcapng',
  'blog-ip_whosent.pcapng': 'samples/captures/blog-ip_whosent.pcapng',
  'demo-mixed.pcapng': 'samples/captures/demo-mixed.pcapng',
  'proto2-tcp-closed-in.pcapng': 'samples/captures/proto2-tcp-closed-in.pcapng',
  'proto2-tcp-closed-out.pcapng': 'samples/captures/proto2-tcp-closed-out.pcapng',
  'proto2-tcp6-in.pcapng': 'samples/captures/proto2-tcp6-in.pcapng',
};

/** Which captures exercise which script (the README's table). */
export const CASES: Record<string, string[]> = {
  'ipio.d': ['http.pcap', 'udp.pcap', 'lo.pcapng', 'demo-mixed.pcapng'],
  'ipproto.d': ['http.pcap', 'udp.pcap', 'lo.pcapng', 'demo-mixed.pcapng'],
  'tcp1stbyte.d': ['http.pcap', 'tcpsnoop.pcapng', 'demo-mixed.pcapng'],
  'tcp_rwndclosed.d': ['zerowin.pcap'],
  'tcpaccept.d': ['http.pcap', 'lo.pcapng', 'accept-ssh.pcapng', 'tcpsnoop.pcapng', 'accept-queue.pcapng', 'demo-mixed.pcapng'],
  'tcpacceptx.d': ['http.pcap', 'accept-ssh.pcapng'],
  'tcpbytes.d': ['http.pcap', 'zerowin.pcap', 'demo-mixed.pcapng'],
  'tcpconnect.d': ['http.pcap', 'tcpsnoop.pcapng', 'demo-mixed.pcapng'],
  'tcpconnlat.d': ['http.pcap', 'lo.pcapng', 'tcpsnoop.pcapng', 'demo-mixed.pcapng'],
  'tcpio.d': ['http.pcap', 'scan.pcap', 'abort.pcap', 'lo.pcapng', 'tcpsnoop.pcapng', 'proto2-tcp6-in.pcapng', 'demo-mixed.pcapng'],
  'tcpioshort.d': ['http.pcap', 'scan.pcap'],
  'tcpnmap.d': ['scan.pcap', 'proto2-tcp-closed-in.pcapng', 'demo-mixed.pcapng'],
  'tcpsize.d': ['http.pcap', 'zerowin.pcap', 'demo-mixed.pcapng'],
  'tcpsnoop.d': ['http.pcap', 'tcpsnoop.pcapng', 'blog-ip_whosent.pcapng'],
  'tcpstate.d': ['http.pcap', 'scan.pcap', 'abort.pcap', 'lo.pcapng', 'tcpsnoop.pcapng', 'accept-queue.pcapng', 'proto2-tcp-closed-in.pcapng', 'proto2-tcp-closed-out.pcapng', 'demo-mixed.pcapng'],
  'tcpwatch.d': ['http.pcap', 'accept-queue.pcapng', 'demo-mixed.pcapng'],
  'udpio.d': ['udp.pcap', 'lo.pcapng', 'demo-mixed.pcapng'],
  'freebsd/tcpconn': ['http.pcap'],
  'freebsd/tcpstate': ['http.pcap', 'abort.pcap'],
  'freebsd/tcptrack': ['http.pcap', 'scan.pcap'],
  'freebsd/udptrack': ['udp.pcap'],
};

export const KNOWN: Record<string, string> = JSON.parse(readFileSync(new URL('./known-failures.json', import.meta.url), 'utf8')) as Record<string, string>;
delete KNOWN['$comment'];

export const caseId = (script: string, capture: string): string => `${script} × ${capture}`;

/** Runs one case; returns null when it passes, else what went wrong. */
export function runCase(script: string, capture: string): string | null {
  const r = spawnSync(process.execPath, [BIN, '-s', `samples/book/${script}`, '-r', CAPTURES[capture]!], {
    cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20, env: { ...process.env, TZ: 'UTC' },
  });
  const err = (r.stderr ?? '').trim();
  if (r.error !== undefined) return `could not run: ${r.error.message}`;
  if (r.status !== 0) return `exit status ${r.status}: ${err.split('\n')[0] ?? ''}`;
  if (/failed to compile|compile error/.test(err)) return `compile error: ${err.split('\n')[0]}`;
  if (r.stdout.trim() === '') return `no output (stderr: ${err.split('\n')[0] ?? ''})`;
  try {
    CHECKS[script]!(r.stdout, reference(`${ROOT}${CAPTURES[capture]!}`));
  } catch (e) {
    return `wrong output: ${e instanceof Error ? e.message.split('\n').slice(0, 12).join('\n') : String(e)}`;
  }
  return null;
}

