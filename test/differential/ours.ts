/** wiretrace's view of a capture: the --layers columns per frame, streamed in frame order. */
import { openCaptureFile } from '../../src/capture/open.node.ts';
import { layerLine } from '../../src/cli/layers.ts';
import { Decoder, M_INTERNAL } from '../../src/decode/index.ts';
import type { Layer } from './tshark.ts';

export interface OurFrame { frame: number; section: number; linkType: number; internal: boolean; layers: Layer[]; line: string[] }

function num(v: string): string {
  if (v === '-') return v;
  const n = Number(v);
  return Number.isFinite(n) ? String(n) : v;
}

export function parseLayerLine(line: string): Layer {
  const c = line.split('\t');
  return {
    interface: c[2]!, direction: c[3]!, version: c[4]!, src: c[5]!, dst: c[6]!, plength: num(c[7]!), ttl: num(c[8]!),
    protocol: num(c[9]!), id: num(c[10]!), flags: num(c[11]!), fragoff: num(c[12]!), checksum: num(c[13]!),
    tos: num(c[14]!), flow: num(c[15]!),
  };
}

/** Yields every frame (also those without IP layers), then returns the decoder's summary lines. */
export async function* ourFrames(path: string): AsyncGenerator<OurFrame, string[]> {
  const r = await openCaptureFile(path);
  const dec = new Decoder();
  try {
    for (;;) {
      for (let p = r.nextSync(); p !== null; p = r.nextSync()) {
        const f = dec.decode(p, r.interfaces);
        const lines: string[] = [];
        for (let i = 0; i < f.ipCount; i++) lines.push(layerLine(f, f.ip[i]!).slice(0, -1));
        yield { frame: f.frame, section: r.interfaces[p.ifIndex]?.section ?? 0, linkType: f.linkType, internal: f.malReason === M_INTERNAL, layers: lines.map(parseLayerLine), line: lines };
      }
      if (!(await r.fill())) break;
    }
  } finally {
    await r.close().catch(() => undefined);
  }
  return [...r.warnings.map((w) => w.message), ...dec.summary.lines()];
}
