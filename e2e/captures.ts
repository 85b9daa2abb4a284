/**
 * Large generated captures for the e2e specs that need volume (longtask,
 * millions). Written once under test-results/ and reused while the file is
 * there. Frames: little-endian microsecond pcap, Ethernet/IPv4/TCP between 64
 * hosts, 10,000 packets per second of capture time; with `tunnel`, each
 * TCP/IPv4 packet rides in an outer IPv4 header (IP-in-IP, protocol 4), so
 * every frame fires the ip provider twice (outer on the NIC, inner on the
 * tunnel interface).
 */
import { closeSync, existsSync, mkdirSync, openSync, renameSync, statSync, writeSync } from 'node:fs';

/** Writes ip's 20-byte header at `o` with a valid checksum (frames with a bad one never reach the ip provider). */
function ipv4(buf: Buffer, o: number, total: number, id: number, proto: number, src: number, dst: number): void {
  buf.fill(0, o, o + 20);
  buf[o] = 0x45; buf.writeUInt16BE(total, o + 2); buf.writeUInt16BE(id & 0xffff, o + 4); buf[o + 8] = 64; buf[o + 9] = proto;
  buf.writeUInt32BE(src >>> 0, o + 12); buf.writeUInt32BE(dst >>> 0, o + 16);
  let sum = 0;
  for (let w = 0; w < 20; w += 2) sum += buf.readUInt16BE(o + w);
  while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16);
  buf.writeUInt16BE(~sum & 0xffff, o + 10);
}

/** The capture's path (created on first use): `n` packets, optionally IP-in-IP. */
export function bigCapture(n: number, opts: { tunnel?: boolean } = {}): string {
  const file = `test-results/${opts.tunnel ? 'ipip' : 'longtask'}-v2-${n}.pcap`;
  if (existsSync(file) && statSync(file).size > 0) return file;
  mkdirSync('test-results', { recursive: true });
  const outer = opts.tunnel ? 20 : 0;
  const fd = openSync(file + '.part', 'w');
  const head = Buffer.alloc(24);
  head.writeUInt32LE(0xa1b2c3d4, 0); head.writeUInt16LE(2, 4); head.writeUInt16LE(4, 6);
  head.writeUInt32LE(65535, 16); head.writeUInt32LE(1, 20);
  writeSync(fd, head);
  const LEN = 54 + outer;
  const REC = 16 + LEN;
  const BATCH = 8192;
  const buf = Buffer.alloc(REC * BATCH);
  for (let base = 0; base < n; base += BATCH) {
    const m = Math.min(BATCH, n - base);
    for (let k = 0; k < m; k++) {
      const i = base + k;
      const o = k * REC;
      buf.writeUInt32LE(1_700_000_000 + Math.floor(i / 10_000), o);
      buf.writeUInt32LE((i % 10_000) * 100, o + 4);
      buf.writeUInt32LE(LEN, o + 8); buf.writeUInt32LE(LEN, o + 12);
      const f = o + 16;
      buf.fill(0, f, f + LEN);
      buf[f] = 0x02; buf[f + 5] = 1; buf[f + 6] = 0x02; buf[f + 11] = 2; buf.writeUInt16BE(0x0800, f + 12);
      let ip = f + 14;
      // 192.0.2.1 -> 198.51.100.1, the tunnel's endpoints.
      if (opts.tunnel) { ipv4(buf, ip, 40 + outer, i, 4, 0xc0000201, 0xc6336401); ip += outer; }
      ipv4(buf, ip, 40, i, 6, (10 << 24) | ((i % 64) + 1), (10 << 24) | (1 << 16) | (((i >> 6) % 64) + 1));
      const tcp = ip + 20;
      buf.writeUInt16BE(40000 + (i % 1000), tcp); buf.writeUInt16BE(443, tcp + 2); buf[tcp + 12] = 0x50; buf[tcp + 13] = 0x10;
    }
    writeSync(fd, buf, 0, m * REC);
  }
  closeSync(fd);
  // Renamed when complete, so an interrupted write is never taken for a capture.
  renameSync(file + '.part', file);
  return file;
}
