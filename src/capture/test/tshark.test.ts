/**
 * The capture readers against tshark, on every fixture that gen-capture.ts
 * writes: frame count, exact time (ns), lengths, interface, direction,
 * reception type, queue, drop count, comments; and the Darwin process
 * information through tshark's pcapng file dissector. Skipped when tshark is
 * not installed.
 *
 * Known tshark 4.0 difference, not compared: in files with several sections,
 * tshark reports the packets of later sections on the interfaces of the first
 * (frame.interface_id restarts at 0 per section but is looked up in the first);
 * we number interfaces globally as the pcapng spec and DESIGN.md want.
 */
import { requireTshark } from '../../../test/tools.ts';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCapture } from '../open.ts';
import { bytesSource } from '../sources.ts';
import { drain } from './util.ts';
import type { Rec } from './util.ts';
import type { CaptureReader } from '../types.ts';

const root = join(import.meta.dirname, '../../../test/fixtures');
requireTshark();

const FIELDS = ['frame.number', 'frame.time_epoch', 'frame.len', 'frame.cap_len', 'frame.interface_id', 'frame.interface_name',
  'frame.packet_flags_direction', 'frame.packet_flags_reception_type', 'frame.interface_queue', 'frame.drop_count', 'frame.comment'];

function tshark(path: string, extra: string[] = []): { out: string; err: string } {
  const args = ['-r', path, ...extra];
  const r = spawnSync('tshark', args, { encoding: 'utf8', maxBuffer: 64 << 20 });
  return { out: r.stdout, err: r.stderr };
}

function tsharkFrames(path: string): string[][] {
  const args = ['-T', 'fields', '-E', 'separator=\t', '-E', 'aggregator=\u001f'];
  for (const f of FIELDS) args.push('-e', f);
  return tshark(path, args).out.split('\n').filter((l) => l !== '').map((l) => l.split('\t'));
}

function ours(r: Rec, reader: CaptureReader): string[] {
  const iface = reader.interfaces[r.ifIndex]!;
  return [
    String(r.frame),
    `${r.tsSec}.${String(r.tsNsec).padStart(9, '0')}`,
    String(r.origLen),
    String(r.capLen),
    String(r.ifIndex),
    iface.name,
    String(r.direction),
    String(r.receptionType),
    r.queue < 0 ? '' : String(r.queue),
    r.dropCount < 0 ? '' : String(r.dropCount),
    r.comments.map((c) => c.replace(/\n/g, '\\n')).join('\u001f'),
  ];
}

function normalise(t: string[], r: Rec | undefined): string[] {
  const out = [...t];
  if (out[1] === '') out[1] = '0.000000000'; // SPB: no timestamp
  if (out[4] === '') out[4] = '0'; // pcap: no interface id
  // Direction / reception type are absent when the packet has no epb_flags.
  out[6] = out[6] === '' ? '0' : String(parseInt(out[6]!, 16));
  out[7] = out[7] === '' ? '0' : out[7]!;
  if (r !== undefined && r.epbFlags === 0 && out[6] === '0') out[7] = '0';
  return out;
}

async function readFile(path: string): Promise<{ reader: CaptureReader; recs: Rec[] }> {
  const reader = await openCapture(bytesSource(readFileSync(path), path, 4096));
  return { reader, recs: await drain(reader) };
}

describe('capture readers agree with tshark', () => {
  const dir = join(root, 'captures');
  const files = readdirSync(dir).filter((f) => f.startsWith('capture-')).sort();

  it('has fixtures (run npx tsx test/fixtures/gen-capture.ts)', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  for (const f of files) {
    it(f, async () => {
      const path = join(dir, f);
      const { reader, recs } = await readFile(path);
      const t = tsharkFrames(path);
      expect(recs.length).toBe(t.length);
      const multiSection = reader.sections.length > 1;
      for (let i = 0; i < t.length; i++) {
        const want = normalise(t[i]!, recs[i]);
        const got = ours(recs[i]!, reader);
        if (multiSection) { want[4] = got[4]!; want[5] = got[5]!; }
        expect(got, `${f} frame ${i + 1}`).toEqual(want);
      }
      expect(reader.warnings).toEqual([]);
    }, 60_000);
  }

  it('reads Darwin process information as tshark\'s pcapng dissector shows it', async () => {
    const path = join(dir, 'capture-pcapng-darwin.pcapng');
    const pdml = tshark(path, ['-X', 'read_format:MIME Files Format', '-T', 'pdml']).out;
    const procs: { pid: number; name: string }[] = [];
    const epbs: { pib: number; epib: number }[] = [];
    let cur: 'proc' | 'epb' | 'other' = 'other';
    for (const line of pdml.split('\n')) {
      const m = /name="([^"]+)"[^>]* show="([^"]*)"/.exec(line);
      if (m === null) continue;
      const [, name, show] = m;
      if (name === 'pcapng.block.type') {
        cur = show === '0x80000001' ? 'proc' : show === '0x00000006' ? 'epb' : 'other';
        if (cur === 'proc') procs.push({ pid: -1, name: '' });
        if (cur === 'epb') epbs.push({ pib: -1, epib: -1 });
      } else if (cur === 'proc' && name === 'pcapng.darwin.process_id') procs[procs.length - 1]!.pid = Number(show);
      else if (cur === 'proc' && name === 'pcapng.darwin.process_name') procs[procs.length - 1]!.name = show!;
      else if (cur === 'epb' && name === 'pcapng.options.option.data.packet.darwin.dpeb_id') epbs[epbs.length - 1]!.pib = Number(show);
      else if (cur === 'epb' && name === 'pcapng.options.option.data.packet.darwin.edpeb_id') epbs[epbs.length - 1]!.epib = Number(show);
    }
    expect(procs.length).toBe(4);
    const { recs } = await readFile(path);
    expect(recs.length).toBe(epbs.length);
    const want = epbs.map(({ pib, epib }) => {
      const p = procs[pib];
      const e = epib >= 0 ? procs[epib] : p;
      return [p?.pid ?? -1, p?.name ?? '', e?.pid ?? -1, e?.name ?? ''];
    });
    expect(recs.map((r) => [r.pid, r.procName, r.effPid, r.effProcName])).toEqual(want);
    expect(want[0]).toEqual([1075, 'ssh', 1075, 'ssh']);
  }, 60_000);

  for (const f of readdirSync(join(root, 'broken')).filter((x) => x.startsWith('capture-')).sort()) {
    it(`broken/${f}: same frames as tshark, then a warning or an error`, async () => {
      const path = join(root, 'broken', f);
      const t = tsharkFrames(path);
      const res = await readFile(path).catch((e: unknown) => e as Error);
      if (res instanceof Error) {
        expect(res.name).toBe('CaptureError');
        expect(t.length).toBe(0);
        return;
      }
      const r = res;
      expect(r.recs.map((x) => x.frame)).toEqual(t.map((x) => Number(x[0])));
      expect(r.reader.warnings.length).toBeGreaterThan(0);
    }, 60_000);
  }
});
