/** --layers: the byte writer produces exactly layerLine()'s text, for every fixture capture. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCaptureFile } from '../capture/open.node.ts';
import { Decoder } from '../decode/index.ts';
import { layerLine, writeLayers } from './layers.ts';

const DIRS = ['test/fixtures/captures', 'test/fixtures/real'];
const files = DIRS.flatMap((d) => readdirSync(d).filter((f) => /\.(pcap|pcapng)(\.gz)?$/.test(f)).map((f) => join(d, f)));

describe('--layers writer', () => {
  it.each(files)('%s', async (file) => {
    const chunks: Buffer[] = [];
    await writeLayers(await openCaptureFile(file), (c) => { chunks.push(Buffer.from(c)); });
    const fast = Buffer.concat(chunks).toString('latin1');
    const r = await openCaptureFile(file);
    const d = new Decoder();
    let slow = '';
    for (;;) {
      for (let p = r.nextSync(); p !== null; p = r.nextSync()) {
        const f = d.decode(p, r.interfaces);
        for (let i = 0; i < f.ipCount; i++) slow += layerLine(f, f.ip[i]!);
      }
      if (!(await r.fill())) break;
    }
    expect(fast).toBe(slow);
  });
});
