/** --layers: the byte writer produces exactly layerLine()'s text, for every fixture capture. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCaptureFile } from '../capture/open.node.ts';
import { Decoder } from '../decode/index.ts';
import { LayerWriter, layerLine, writeLayers } from './layers.ts';

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

describe('runLayers', () => {
  async function run(args: string[]): Promise<{ status: number; out: string; err: string }> {
    const { parseArgs } = await import('./args.ts');
    const { runLayers } = await import('./layers.ts');
    let out = '';
    let err = '';
    const ow = process.stdout.write.bind(process.stdout);
    const ew = process.stderr.write.bind(process.stderr);
    process.stdout.write = ((c: string | Uint8Array) => { out += Buffer.from(c).toString(); return true; }) as typeof process.stdout.write;
    process.stderr.write = ((c: string | Uint8Array) => { err += Buffer.from(c).toString(); return true; }) as typeof process.stderr.write;
    try {
      const status = await runLayers(parseArgs(args), 'wiretrace');
      return { status, out, err };
    } finally {
      process.stdout.write = ow;
      process.stderr.write = ew;
    }
  }

  it('an unreadable capture: one message, exit status 1', async () => {
    const r = await run(['--layers', '-r', 'README.md']);
    expect(r.status).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/^wiretrace: README\.md: expected a pcap or pcapng file, found bytes .* at offset 0\n$/);
    const missing = await run(['--layers', '-r', 'no/such/file.pcap']);
    expect(missing.status).toBe(1);
    expect(missing.err).toMatch(/^wiretrace: no\/such\/file\.pcap: .*No such file or directory\n$/);
  });

  it('damaged frames: output for what decoded, a summary on stderr, status 0', async () => {
    const r = await run(['--layers', '-r', 'test/fixtures/captures/decode-damaged.pcap']);
    expect(r.status).toBe(0);
    expect(r.out.split('\n').length).toBeGreaterThan(5);
    expect(r.err).toMatch(/wiretrace: warning: \d+ of 15 frames could not be fully decoded:\n( {2}\d+ \S+.*\n)+/);
  });

  it('needs a capture', async () => {
    expect((await run(['--layers'])).status).toBe(2);
  });
});

describe('--layers chunk reuse', () => {
  /** Writes `file`'s layers `rounds` times through one writer, then drains it. */
  async function writeRounds(w: LayerWriter, file: string, rounds: number): Promise<void> {
    for (let k = 0; k < rounds; k++) {
      const r = await openCaptureFile(file);
      const d = new Decoder();
      for (;;) {
        for (let p = r.nextSync(); p !== null; p = r.nextSync()) {
          const f = d.decode(p, r.interfaces);
          for (let i = 0; i < f.ipCount; i++) { const x = w.line(f, f.ip[i]!); if (x !== undefined) await x; }
        }
        if (!(await r.fill())) break;
      }
    }
    await w.drain();
  }

  it('reuses released chunks, and the bytes are those of a writer that never reuses', async () => {
    const file = 'test/fixtures/captures/decode-mutated.pcapng'; // 90 KB of lines a round
    const reused: Buffer[] = [];
    const stores = new Set<ArrayBufferLike>();
    // Released at once (as stdout does after a synchronous write): the next chunk is the same memory.
    await writeRounds(new LayerWriter((c, release) => { reused.push(Buffer.from(c)); stores.add(c.buffer); release(); }), file, 40);
    expect(reused.length).toBeGreaterThanOrEqual(3);
    expect(stores.size).toBe(2);
    const fresh: Buffer[] = [];
    await writeRounds(new LayerWriter((c) => { fresh.push(Buffer.from(c)); }), file, 40);
    expect(Buffer.concat(reused).equals(Buffer.concat(fresh))).toBe(true);
  });
});
