/**
 * The ESP bench capture (bench/out/esp.pcap) and its keys (esp.esp_sa):
 * every packet IPsec ESP in tunnel mode, really sealed, so a run with the
 * keys decrypts and verifies every one. Half AES-GCM-128 (16-byte ICV), half
 * AES-CBC-128 with HMAC-SHA-1-96, the two suites most IPsec traffic uses;
 * inner packets bimodal as in bench.pcap (60% 1448-byte TCP data, 40% bare
 * ACKs). Templates are sealed once (samples/gen/esp.ts) and repeated, as
 * bench/gen.ts does: the decryptor does no replay check, so a repeated
 * sequence number costs it exactly what a fresh one would.
 */
import { closeSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { eth, ipv4, tcp } from '../samples/gen/craft.ts';
import { espPacket, espSa, uatLine } from '../samples/gen/esp.ts';

export const ESP_GEN_VERSION = 1;

const SAS = [
  { sa: espSa('AES-GCM with 16 octet ICV [RFC4106]', '0x000102030405060708090a0b0c0d0e0f10111213', 'NULL', ''), spi: 0x1000, src: '198.51.100.1', dst: '203.0.113.1' },
  { sa: espSa('AES-CBC [RFC3602]', '0x0f0e0d0c0b0a09080706050403020100', 'HMAC-SHA-1-96 [RFC2404]', '0x0102030405060708090a0b0c0d0e0f1011121314'), spi: 0x2000, src: '198.51.100.2', dst: '203.0.113.2' },
];

/** The key file for esp.pcap. */
export function espBenchKeys(): string {
  return SAS.map((s) => uatLine(s.sa, { family: 4, src: s.src, dst: s.dst, spi: '0x' + s.spi.toString(16).padStart(8, '0') })).join('\n') + '\n';
}

function templates(): Uint8Array[] {
  const out: Uint8Array[] = [];
  let x = 7;
  const next = (): number => { x = (x * 1103515245 + 12345) >>> 0; return x; };
  for (let i = 0; i < 512; i++) {
    const { sa, spi, src, dst } = SAS[i % 2]!;
    const data = i % 5 < 3;
    const inner = ipv4({ src: `10.0.${i % 200}.${1 + (i % 250)}`, dst: '10.9.0.1', df: true },
      tcp({ sport: 1024 + (next() % 60000), dport: 443, flags: data ? 'PA' : 'A', seq: next() }, new Uint8Array(data ? 1448 - 40 : 0).fill(0x61)));
    const iv = new Uint8Array(sa.enc.ivLen);
    for (let k = 0; k < iv.length; k++) iv[k] = next() & 0xff;
    out.push(eth('02:00:00:00:00:0a', '02:00:00:00:00:0b', ipv4({ src, dst }, espPacket(sa, { spi, seq: i + 1, iv, nextHeader: 4, payload: inner }))));
  }
  return out;
}

/** Writes `packets` records to `path` and the keys beside it (`.esp_sa`); returns the capture's size. */
export function generateEsp(path: string, packets: number): number {
  const ts = templates();
  writeFileSync(path.replace(/\.pcap$/, '.esp_sa'), espBenchKeys());
  const fd = openSync(path, 'w');
  const BUF = 8 << 20;
  const buf = Buffer.alloc(BUF);
  let pos = 0;
  let total = 0;
  const flush = (): void => { writeSync(fd, buf, 0, pos); total += pos; pos = 0; };
  buf.writeUInt32LE(0xa1b2c3d4, 0); buf.writeUInt16LE(2, 4); buf.writeUInt16LE(4, 6);
  buf.writeUInt32LE(0, 8); buf.writeUInt32LE(0, 12); buf.writeUInt32LE(262144, 16); buf.writeUInt32LE(1, 20);
  pos = 24;
  let sec = 1700000000;
  let usec = 0;
  for (let i = 0; i < packets; i++) {
    const t = ts[i % ts.length]!;
    if (pos + 16 + t.length > BUF) flush();
    usec += 37;
    if (usec >= 1000000) { usec -= 1000000; sec++; }
    buf.writeUInt32LE(sec, pos); buf.writeUInt32LE(usec, pos + 4); buf.writeUInt32LE(t.length, pos + 8); buf.writeUInt32LE(t.length, pos + 12);
    buf.set(t, pos + 16);
    pos += 16 + t.length;
  }
  flush();
  closeSync(fd);
  return total;
}
