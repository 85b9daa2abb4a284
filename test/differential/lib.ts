/**
 * Frame-by-frame comparison of wiretrace --layers with tshark (tshark.ts
 * explains how tshark's fields are turned into layers). Both sides are
 * streamed in frame order, so a capture of any size compares in bounded memory.
 *
 * A frame agrees when both found the same number of IP layers and every
 * comparable field of every layer is equal (numbers compared as numbers, so
 * 0x02 equals 2). Fields tshark cannot state (the capture interface when the
 * capture does not name it) are not compared.
 */
import { closeSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { linkTypes } from '../../src/decode/registry.ts';
import '../../src/decode/index.ts';
import { ourFrames, type OurFrame } from './ours.ts';
import { COLUMNS, type Layer, type TsharkFrame, tsharkFrames } from './tshark.ts';

export interface FieldStat { compared: number; agreed: number }

export interface Mismatch { file: string; frame: number; what: string }

/**
 * Coverage of one link type: of the frames in which tshark found IP, how many
 * wiretrace decoded to the same layers (every field agreeing), how many it
 * missed a layer of (fewer layers), and how many disagree otherwise.
 */
export interface LinkStat { frames: number; tsharkIp: number; decoded: number; missed: number; extra: number; fieldsDiffer: number }

/** Whether wiretrace has a decoder for a link type (a "promised" link type). */
export function promised(linkType: number): boolean {
  return linkTypes[linkType] !== undefined;
}

export class Totals {
  files = 0;
  filesFailed = 0;
  frames = 0;
  framesAgreeing = 0;
  /** Frames wiretrace read after tshark gave up on a damaged file (not compared). */
  framesOnlyOurs = 0;
  layersOurs = 0;
  layersTshark = 0;
  readonly fields = new Map<string, FieldStat>([['layer count', { compared: 0, agreed: 0 }], ...COLUMNS.map((c): [string, FieldStat] => [c, { compared: 0, agreed: 0 }])]);
  readonly mismatches: Mismatch[] = [];
  mismatchCount = 0;
  /** Frames on which a decoder threw (caught, marked M_INTERNAL): crashes. */
  internalErrors = 0;
  /** Per link type (-1: wiretrace could not read the frame). */
  readonly links = new Map<number, LinkStat>();
  /** tshark protocol paths of the IP frames wiretrace missed a layer of, with their counts. */
  readonly missedPaths = new Map<string, { count: number; first: string }>();
  constructor(readonly keepMismatches = Infinity) {}

  note(m: Mismatch): void {
    this.mismatchCount++;
    if (this.mismatches.length < this.keepMismatches) this.mismatches.push(m);
  }

  field(name: string, ok: boolean): void {
    const s = this.fields.get(name)!;
    s.compared++;
    if (ok) s.agreed++;
  }

  percent(): number {
    return this.frames === 0 ? 100 : (100 * this.framesAgreeing) / this.frames;
  }

  link(linkType: number): LinkStat {
    let s = this.links.get(linkType);
    if (s === undefined) {
      s = { frames: 0, tsharkIp: 0, decoded: 0, missed: 0, extra: 0, fieldsDiffer: 0 };
      this.links.set(linkType, s);
    }
    return s;
  }

  /** Coverage over the link types matching `which`: [tshark IP frames, decoded]. */
  coverage(which: (linkType: number) => boolean): [number, number] {
    let ip = 0, dec = 0;
    for (const [lt, s] of this.links) if (which(lt)) { ip += s.tsharkIp; dec += s.decoded; }
    return [ip, dec];
  }

  coverageReport(): string {
    const pct = (a: number, b: number): string => (b === 0 ? 100 : (100 * a) / b).toFixed(3) + '%';
    const lines = ['per link type (frames tshark decodes as IP, and how many wiretrace decodes the same):',
      '  linktype   frames  tshark-IP   decoded  missed  extra  fields  coverage'];
    for (const [lt, s] of [...this.links].sort((a, b) => b[1].tsharkIp - a[1].tsharkIp)) {
      lines.push(`  ${(String(lt) + (promised(lt) ? '' : '*')).padStart(8)} ${String(s.frames).padStart(8)} ${String(s.tsharkIp).padStart(10)} ${String(s.decoded).padStart(9)} ${String(s.missed).padStart(7)} ${String(s.extra).padStart(6)} ${String(s.fieldsDiffer).padStart(7)}  ${pct(s.decoded, s.tsharkIp)}`);
    }
    lines.push('  (* no decoder in wiretrace)');
    const [pi, pd] = this.coverage(promised);
    const [ai, ad] = this.coverage(() => true);
    lines.push(`coverage on link types wiretrace decodes: ${pd}/${pi} (${pct(pd, pi)}); overall: ${ad}/${ai} (${pct(ad, ai)})`);
    const top = [...this.missedPaths].sort((a, b) => b[1].count - a[1].count).slice(0, 40);
    if (top.length > 0) {
      lines.push('missed IP frames by tshark protocol path (top 40):');
      for (const [path, m] of top) lines.push(`  ${String(m.count).padStart(7)}  ${path}  (${m.first})`);
    }
    return lines.join('\n');
  }

  report(): string {
    const lines: string[] = [];
    lines.push(`files: ${this.files} (${this.filesFailed} unreadable by wiretrace or tshark)`);
    lines.push(`frames: ${this.frames}, agreeing on every field: ${this.framesAgreeing} (${this.percent().toFixed(3)}%)`);
    lines.push(`decoder exceptions (caught): ${this.internalErrors}`);
    lines.push(`IP layers: wiretrace ${this.layersOurs}, tshark ${this.layersTshark}`);
    if (this.framesOnlyOurs > 0) lines.push(`frames read by wiretrace after tshark gave up on a damaged file (not compared): ${this.framesOnlyOurs}`);
    lines.push('per-field agreement (layers compared):');
    for (const [name, s] of this.fields) {
      const pct = s.compared === 0 ? 100 : (100 * s.agreed) / s.compared;
      lines.push(`  ${name.padEnd(12)} ${pct.toFixed(3).padStart(8)}%  ${s.agreed}/${s.compared}`);
    }
    return lines.join('\n');
  }
}

/** Capture files under the given files/directories: anything starting with a pcap, pcapng or gzip magic. */
export function findCaptures(paths: readonly string[]): string[] {
  const out: string[] = [];
  const visit = (p: string): void => {
    let st;
    try { st = statSync(p); } catch { return; }
    if (st.isDirectory()) {
      for (const e of readdirSync(p).sort()) visit(join(p, e));
    } else if (st.isFile() && st.size >= 4 && isCapture(p)) {
      out.push(p);
    }
  };
  for (const p of paths) visit(p);
  return out;
}

function isCapture(p: string): boolean {
  const head = Buffer.alloc(4);
  try {
    const fd = openSync(p, 'r');
    try { readSync(fd, head, 0, 4, 0); } finally { closeSync(fd); }
  } catch { return false; }
  const m = head.readUInt32BE(0);
  return m === 0x0a0d0d0a || m === 0xa1b2c3d4 || m === 0xd4c3b2a1 || m === 0xa1b23c4d || m === 0x4d3cb2a1 || (head[0] === 0x1f && head[1] === 0x8b);
}

function describe(l: Layer | undefined): string {
  return l === undefined ? '(none)' : COLUMNS.map((c) => l[c] ?? '·').join(' ');
}

/** Compares one frame's layers; returns whether everything agreed. */
function compareFrame(t: Totals, file: string, ours: OurFrame | undefined, theirs: TsharkFrame | undefined): boolean {
  const frame = theirs?.frame ?? ours?.frame ?? 0;
  const a = ours?.layers ?? [];
  const b = theirs?.layers ?? [];
  t.layersOurs += a.length;
  t.layersTshark += b.length;
  const ls = t.link(ours?.linkType ?? -1);
  if (ours?.internal === true) t.internalErrors++;
  ls.frames++;
  if (b.length > 0) ls.tsharkIp++;
  if (a.length < b.length) {
    ls.missed++;
    const path = theirs!.protocols;
    const m = t.missedPaths.get(path);
    if (m !== undefined) m.count++;
    else if (t.missedPaths.size < 10000) t.missedPaths.set(path, { count: 1, first: `${file}:${frame}` });
  } else if (a.length > b.length) ls.extra++;
  let ok = a.length === b.length && ours !== undefined && theirs !== undefined;
  t.field('layer count', ok);
  if (!ok) {
    t.note({ file, frame, what: `layer count: wiretrace ${ours === undefined ? 'no frame' : a.length}, tshark ${theirs === undefined ? 'no frame' : `${b.length} [${theirs.protocols}]`}` });
  }
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i]!;
    const y = b[i]!;
    const bad: string[] = [];
    for (const c of COLUMNS) {
      if (y[c] === null) continue;
      // tshark 4.0 maps interface ids of later pcapng sections onto the first section's interfaces.
      if (c === 'interface' && i === 0 && ours!.section > 0) continue;
      const same = x[c] === y[c];
      t.field(c, same);
      if (!same) bad.push(`${c}: wiretrace ${x[c]} tshark ${y[c]}`);
    }
    if (bad.length > 0) {
      ok = false;
      t.note({ file, frame, what: `layer ${i}: ${bad.join('; ')} [${theirs!.protocols}]` });
    }
  }
  if (!ok && a.length !== b.length) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      t.note({ file, frame, what: `  layer ${i}: wiretrace ${describe(a[i])} | tshark ${describe(b[i])}` });
    }
  }
  if (ok && b.length > 0) ls.decoded++;
  else if (!ok && a.length === b.length && b.length > 0) ls.fieldsDiffer++;
  return ok;
}

/** Compares one capture file, adding to `t`. Never throws: failures are recorded. */
export async function compareFile(t: Totals, file: string): Promise<void> {
  t.files++;
  const tsErr: string[] = [];
  const theirs = tsharkFrames(file, tsErr);
  let ours: AsyncGenerator<OurFrame, string[]> | null = null;
  let ourError = '';
  try {
    ours = ourFrames(file);
  } catch (e) {
    ourError = (e as Error).message;
  }
  let o: OurFrame | undefined;
  let ourDone = ours === null;
  const nextOurs = async (): Promise<void> => {
    if (ourDone || ours === null) { o = undefined; return; }
    try {
      const r = await ours.next();
      if (r.done) { ourDone = true; o = undefined; } else o = r.value;
    } catch (e) {
      ourError = (e as Error).message;
      ourDone = true;
      o = undefined;
    }
  };
  await nextOurs();
  let tsFrames = 0;
  try {
    for await (const tf of theirs) {
      tsFrames++;
      while (o !== undefined && o.frame < tf.frame) {
        t.frames++;
        if (compareFrame(t, file, o, undefined)) t.framesAgreeing++;
        await nextOurs();
      }
      t.frames++;
      const mine = o !== undefined && o.frame === tf.frame ? o : undefined;
      if (compareFrame(t, file, mine, tf)) t.framesAgreeing++;
      if (mine !== undefined) await nextOurs();
    }
  } catch (e) {
    tsErr.push((e as Error).message);
  }
  // tshark gives up at the first damaged record; wiretrace's reader may read on. Frames past
  // tshark's last one have nothing to be compared with then: counted apart, not as mismatches.
  const tsharkGaveUp = /damaged or corrupt|cut short|not a capture file|unknown format/i.test(tsErr.join(''));
  while (o !== undefined) {
    if (tsharkGaveUp) {
      t.framesOnlyOurs++;
    } else {
      t.frames++;
      if (compareFrame(t, file, o, undefined)) t.framesAgreeing++;
    }
    await nextOurs();
  }
  if (ourError !== '' || (tsFrames === 0 && tsErr.length > 0)) {
    t.filesFailed++;
    const tsMsg = tsErr.join('').trim().split('\n')[0] ?? '';
    if (ourError !== '' && !(tsFrames === 0 && tsMsg !== '')) t.note({ file, frame: 0, what: `wiretrace could not read it: ${ourError}` });
  }
}
