/**
 * ESP decryption against tshark with the same keys: every capture of
 * test/fixtures/esp is read by tshark (`-o esp.enable_encryption_decode:TRUE
 * -o esp.enable_authentication_check:TRUE -o "uat:esp_sa:…"` per key-file
 * line) and by wiretrace's decoder given the key file, and compared frame by
 * frame:
 *
 *   - where tshark decrypted and found the ICV good: the same IP layers
 *     (count and every --layers field, the inner ones on `ipsec0`), the
 *     same transport header (TCP ports, sequence and acknowledgement
 *     numbers, flags, window, header and payload lengths; UDP ports and
 *     length), the same SPI, sequence number, pad length and next header;
 *   - where tshark found the ICV bad, wiretrace counted an ICV mismatch and
 *     decoded nothing inside (tshark still dissects the plaintext; wiretrace
 *     fires no inner packet that failed its integrity check: README, What
 *     differs);
 *   - where tshark could not decrypt (the packet cut short), neither did
 *     wiretrace.
 * Independently of tshark, every decrypted payload must equal the
 * plaintext the fixture generator sealed (test/fixtures/gen-esp.ts), which
 * covers what tshark 4.0 cannot decrypt (ChaCha20-Poly1305).
 */
import { readFileSync } from 'node:fs';
import { openCaptureFile } from '../../src/capture/open.node.ts';
import { layerLine } from '../../src/cli/layers.ts';
import { Decoder, type DecodedFrame, L4_TCP, L4_UDP, parseEspSecrets, SaTable } from '../../src/decode/index.ts';
import { parseLayerLine } from './ours.ts';
import { COLUMNS, type TsharkFrame, tsharkFrames } from './tshark.ts';

export const ESP_FIELDS = [
  'esp.spi', 'esp.sequence', 'esp.icv_good', 'esp.icv_bad', 'esp.pad_len', 'esp.protocol',
  'tcp.srcport', 'tcp.dstport', 'tcp.seq_raw', 'tcp.ack_raw', 'tcp.flags', 'tcp.window_size_value', 'tcp.hdr_len', 'tcp.len',
  'udp.srcport', 'udp.dstport', 'udp.length',
] as const;
type EspField = (typeof ESP_FIELDS)[number];

/** tshark's options for the key file's esp_sa lines. */
export function tsharkKeyArgs(keys: string): string[] {
  const args = ['-o', 'esp.enable_encryption_decode:TRUE', '-o', 'esp.enable_authentication_check:TRUE'];
  for (const l of keys.split('\n')) if (l.startsWith('"')) args.push('-o', `uat:esp_sa:${l}`);
  return args;
}

export interface EspFrameView {
  frame: number;
  layers: ReturnType<typeof parseLayerLine>[];
  /** Per ESP header in the frame, outermost first. */
  esp: { spi: number; seq: number; decrypted: boolean; padLen: number; nextHeader: number; payload: Uint8Array | null }[];
  tcp: Record<string, number> | null;
  udp: Record<string, number> | null;
}

function viewOf(f: DecodedFrame): EspFrameView {
  const v: EspFrameView = { frame: f.frame, layers: [], esp: [], tcp: null, udp: null };
  for (let i = 0; i < f.ipCount; i++) {
    const l = f.ip[i]!;
    v.layers.push(parseLayerLine(layerLine(f, l).slice(0, -1)));
    const e = l.esp;
    if (e.spi !== 0 || e.decrypted) {
      v.esp.push({
        spi: e.spi, seq: e.seq, decrypted: e.decrypted, padLen: e.padLen, nextHeader: e.nextHeader,
        payload: e.decrypted ? f.buf.slice(e.payloadOff, e.payloadOff + e.payloadLen) : null,
      });
    }
    if (l.l4 === L4_TCP) {
      const t = l.tcp;
      v.tcp = { srcport: t.srcPort, dstport: t.dstPort, seq_raw: t.seq, ack_raw: t.ack, flags: t.flags, window_size_value: t.window, hdr_len: t.hdrLen, len: t.payloadLen };
    } else if (l.l4 === L4_UDP) {
      const u = l.udp;
      v.udp = { srcport: u.srcPort, dstport: u.dstPort, length: u.length };
    }
  }
  return v;
}

/** wiretrace's view of every frame, decoding with the key file's SAs; and the decoder's summary. */
export async function ourEspFrames(pcap: string, keys: string): Promise<{ frames: EspFrameView[]; summary: string[] }> {
  const parsed = parseEspSecrets(keys, 'keys');
  if (parsed.problems.length > 0) throw new Error(parsed.problems.map((p) => p.message).join('; '));
  const dec = new Decoder({ esp: new SaTable(parsed.sas) });
  const r = await openCaptureFile(pcap);
  const frames: EspFrameView[] = [];
  try {
    for (;;) {
      for (let p = r.nextSync(); p !== null; p = r.nextSync()) frames.push(viewOf(dec.decode(p, r.interfaces)));
      if (!(await r.fill())) break;
    }
  } finally {
    await r.close().catch(() => undefined);
  }
  return { frames, summary: dec.summary.lines() };
}

export async function tsharkEspFrames(pcap: string, keys: string): Promise<{ frames: TsharkFrame[]; stderr: string }> {
  const err: string[] = [];
  const frames: TsharkFrame[] = [];
  for await (const f of tsharkFrames(pcap, err, { args: tsharkKeyArgs(keys), fields: ESP_FIELDS })) frames.push(f);
  return { frames, stderr: err.join('') };
}

function col(t: TsharkFrame, f: EspField): string[] {
  const v = t.extra[ESP_FIELDS.indexOf(f)] ?? '';
  return v === '' ? [] : v.split(',');
}

const n = (s: string | undefined): number => (s === undefined ? NaN : Number(s));

export interface EspComparison {
  framesCompared: number;
  decryptedBoth: number;
  icvBadBoth: number;
  undecryptedBoth: number;
  fieldsCompared: number;
  mismatches: string[];
}

/** Compares one capture (see the module comment); mismatches name the frame and field. */
export function compareEsp(name: string, ours: EspFrameView[], theirs: TsharkFrame[], out: EspComparison): void {
  const bad = (frame: number, what: string): void => { out.mismatches.push(`${name}:${frame}: ${what}`); };
  if (ours.length !== theirs.length) bad(0, `frame count: wiretrace ${ours.length}, tshark ${theirs.length}`);
  for (let i = 0; i < Math.min(ours.length, theirs.length); i++) {
    const o = ours[i]!, t = theirs[i]!;
    out.framesCompared++;
    const icvBad = col(t, 'esp.icv_bad').includes('1');
    const toks = t.protocols.split(':');
    const e = toks.lastIndexOf('esp');
    const tsDecrypted = e >= 0 && e + 1 < toks.length && toks[e + 1] !== 'data' && !icvBad;
    const oursDecrypted = o.esp.length > 0 && o.esp.every((x) => x.decrypted);
    // SPI and sequence of every ESP header.
    const spis = col(t, 'esp.spi'), seqs = col(t, 'esp.sequence');
    out.fieldsCompared += 2;
    if (spis.map(n).join() !== o.esp.map((x) => x.spi).join()) bad(o.frame, `esp.spi: wiretrace ${o.esp.map((x) => x.spi).join()}, tshark ${spis.join()}`);
    if (seqs.map(n).join() !== o.esp.map((x) => x.seq).join()) bad(o.frame, `esp.sequence: wiretrace ${o.esp.map((x) => x.seq).join()}, tshark ${seqs.join()}`);
    if (icvBad) {
      if (oursDecrypted) bad(o.frame, 'tshark: ICV bad; wiretrace decrypted it');
      if (o.layers.length !== 1) bad(o.frame, `ICV bad: wiretrace decoded ${o.layers.length} IP layers, expected the outer one only`);
      out.icvBadBoth++;
      continue;
    }
    if (!tsDecrypted) {
      if (oursDecrypted) bad(o.frame, `tshark did not decrypt (${t.protocols}); wiretrace did`);
      else out.undecryptedBoth++;
      continue;
    }
    if (!oursDecrypted) { bad(o.frame, `tshark decrypted (${t.protocols}); wiretrace did not`); continue; }
    out.decryptedBoth++;
    // IP layers, every --layers column (the capture names no interface: pcap; compare the inner ones').
    out.fieldsCompared++;
    if (o.layers.length !== t.layers.length) { bad(o.frame, `IP layers: wiretrace ${o.layers.length}, tshark ${t.layers.length}`); continue; }
    for (let k = 0; k < o.layers.length; k++) {
      for (const c of COLUMNS) {
        const tv = t.layers[k]![c], ov = o.layers[k]![c];
        if (tv === null || (c === 'interface' && k === 0) || c === 'direction') continue;
        out.fieldsCompared++;
        if (String(tv) !== String(ov)) bad(o.frame, `layer ${k} ${c}: wiretrace ${ov}, tshark ${tv}`);
      }
    }
    // The ESP trailer, where tshark shows it.
    const pads = col(t, 'esp.pad_len'), nhs = col(t, 'esp.protocol');
    if (pads.length > 0) {
      out.fieldsCompared += 2;
      if (pads.map(n).join() !== o.esp.map((x) => x.padLen).join()) bad(o.frame, `esp.pad_len: wiretrace ${o.esp.map((x) => x.padLen).join()}, tshark ${pads.join()}`);
      if (nhs.map(n).join() !== o.esp.map((x) => x.nextHeader).join()) bad(o.frame, `esp.protocol: wiretrace ${o.esp.map((x) => x.nextHeader).join()}, tshark ${nhs.join()}`);
    }
    // The transport header inside.
    const tcpPort = col(t, 'tcp.srcport');
    if (tcpPort.length > 0 || o.tcp !== null) {
      if (o.tcp === null) { bad(o.frame, 'tcp: tshark has it, wiretrace not'); continue; }
      for (const k of ['srcport', 'dstport', 'seq_raw', 'ack_raw', 'flags', 'window_size_value', 'hdr_len', 'len'] as const) {
        const tv = col(t, `tcp.${k}` as EspField);
        out.fieldsCompared++;
        if (n(tv[tv.length - 1]) !== o.tcp[k]) bad(o.frame, `tcp.${k}: wiretrace ${o.tcp[k]}, tshark ${tv.join()}`);
      }
    }
    const udpPort = col(t, 'udp.srcport');
    if (o.udp !== null) {
      for (const k of ['srcport', 'dstport', 'length'] as const) {
        const tv = col(t, `udp.${k}` as EspField);
        out.fieldsCompared++;
        if (n(tv[tv.length - 1]) !== o.udp[k]) bad(o.frame, `udp.${k}: wiretrace ${o.udp[k]}, tshark ${tv.join()}`);
      }
    } else if (udpPort.length > 0 && o.tcp === null) bad(o.frame, 'udp: tshark has it, wiretrace not');
  }
}

/** Checks every decrypted payload against the plaintext the generator sealed (null: must not decrypt). */
export function compareWithPlaintext(name: string, ours: EspFrameView[], plain: readonly (Uint8Array | null)[]): string[] {
  const bad: string[] = [];
  ours.forEach((o, i) => {
    const want = plain[i];
    const got = o.esp[o.esp.length - 1];
    if (want === null || want === undefined) {
      if (got?.decrypted) bad.push(`${name}:${o.frame}: decrypted, but it had to fail`);
      return;
    }
    if (!got?.decrypted || got.payload === null) { bad.push(`${name}:${o.frame}: not decrypted`); return; }
    if (Buffer.compare(Buffer.from(got.payload), Buffer.from(want)) !== 0) bad.push(`${name}:${o.frame}: plaintext differs`);
  });
  return bad;
}

export function readKeys(path: string): string {
  return readFileSync(path, 'utf8');
}
