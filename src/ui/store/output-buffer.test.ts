import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OutputBuffer } from './output-buffer.ts';
import { lineEnds } from '../../engine/utf8.ts';
import type { SpillStore } from './output-spill.ts';

describe('OutputBuffer', () => {
  it('joins lines split across chunks', async () => {
    const b = new OutputBuffer();
    b.appendStdout('CPU  ID\n  0  1 ip:::se');
    b.appendStdout('nd\n');
    expect(b.length).toBe(2);
    expect(b.line(1)).toBe('  0  1 ip:::send');
    expect(await b.text()).toBe('CPU  ID\n  0  1 ip:::send\n');
  });
  it('keeps empty lines', () => {
    const b = new OutputBuffer();
    b.appendStdout('\n\na\n');
    expect([b.line(0), b.line(1), b.line(2)]).toEqual(['', '', 'a']);
    expect(b.length).toBe(3);
  });
  it('puts stderr messages on their own lines and marks them', async () => {
    const b = new OutputBuffer();
    b.appendStdout('partial');
    b.appendStderr('wiretrace: error\n');
    b.appendStdout('x\n');
    expect(b.length).toBe(3);
    expect(b.isStderr(1)).toBe(true);
    expect(b.isStderr(2)).toBe(false);
    expect(await b.text()).toBe('partial\nwiretrace: error\nx\n');
  });
});

describe('OutputBuffer.maxLen', () => {
  it('tracks the longest line across chunks and stderr', () => {
    const b = new OutputBuffer();
    b.appendStdout('abc');
    b.appendStdout('defg\nx\n');
    expect(b.maxLen).toBe(7);
    b.appendStderr('wiretrace: a longer message\n');
    expect(b.maxLen).toBe('wiretrace: a longer message'.length);
    b.clear();
    expect(b.maxLen).toBe(0);
  });
});

describe('OutputBuffer at scale', () => {
  it('indexes many lines across many chunks, splitting lines at chunk edges', async () => {
    const b = new OutputBuffer();
    let all = '';
    for (let i = 0; i < 5000; i++) all += `line ${i}\n`;
    for (let i = 0; i < all.length; i += 997) b.appendStdout(all.slice(i, i + 997));
    expect(b.length).toBe(5000);
    expect(b.line(0)).toBe('line 0');
    expect(b.line(4321)).toBe('line 4321');
    expect(await b.text()).toBe(all);
  });
});

describe('OutputBuffer against splitting the whole text (property)', () => {
  it('any text cut anywhere gives the same lines, including pieces with no newline or only newlines', async () => {
    await fc.assert(fc.asyncProperty(
      fc.array(fc.stringMatching(/^[ab\n]{0,12}$/), { maxLength: 40 }),
      async (pieces) => {
        const b = new OutputBuffer();
        for (const p of pieces) b.appendStdout(p);
        const all = pieces.join('');
        const lines = all === '' ? [] : (all.endsWith('\n') ? all.slice(0, -1) : all).split('\n');
        expect(b.length).toBe(lines.length);
        for (let i = 0; i < lines.length; i++) expect(b.line(i)).toBe(lines[i]);
        expect(await b.text()).toBe(all);
      },
    ), { numRuns: 500, seed: 13 });
  });
});

describe('OutputBuffer with stderr between stdout pieces (property)', () => {
  it('gives every line and its stream, looked up in any order', async () => {
    await fc.assert(fc.asyncProperty(
      fc.array(fc.record({ err: fc.boolean(), text: fc.stringMatching(/^[ab\n]{0,10}$/) }), { maxLength: 40 }),
      fc.array(fc.nat(), { maxLength: 60 }),
      async (pieces, order) => {
        const b = new OutputBuffer();
        // The model: stderr ends an open stdout line where it stands and brings its own lines.
        const lines: { t: string; err: boolean }[] = [];
        let open = false;
        for (const p of pieces) {
          if (p.err) {
            b.appendStderr(p.text);
            const t = p.text.endsWith('\n') ? p.text.slice(0, -1) : p.text;
            for (const l of t.split('\n')) lines.push({ t: l, err: true });
            open = false;
            continue;
          }
          b.appendStdout(p.text);
          if (p.text === '') continue;
          const parts = p.text.split('\n');
          if (open) lines[lines.length - 1]!.t += parts.shift()!;
          for (const l of parts) lines.push({ t: l, err: false });
          // A piece ending in a newline leaves an empty last part: no line yet.
          if (p.text.endsWith('\n')) { lines.pop(); open = false; } else open = true;
        }
        expect(b.length).toBe(lines.length);
        for (const k of order) {
          if (lines.length === 0) break;
          const i = k % lines.length;
          expect(b.line(i)).toBe(lines[i]!.t);
          expect(b.isStderr(i)).toBe(lines[i]!.err);
        }
        const whole = lines.map((l) => l.t).join('\n');
        expect(await b.text()).toBe(lines.length === 0 ? '' : whole + (open ? '' : '\n'));
        expect(b.maxLen).toBe(Math.max(0, ...lines.map((l) => l.t.length)));
      },
    ), { numRuns: 1000, seed: 29 });
  });
});

const bytesOf = async (b: OutputBuffer): Promise<Uint8Array> => new Uint8Array(await (await b.blob()).arrayBuffer());

/** Pieces of output: stderr messages, and stdout bytes of newlines, ASCII, UTF-8 pieces and a byte that is not UTF-8. */
const pieces = (n: number) => fc.array(fc.record({ err: fc.boolean(), bytes: fc.uint8Array({ maxLength: 12 }).map((a) => a.map((x) => [10, 65, 0xc3, 0xa9, 0xe2, 0xff][x % 6]!)) }), { maxLength: n });

/**
 * Gives the buffer the pieces and returns the bytes the CLI would have written (stderr ends an open
 * stdout line where it stands, and brings its own line), and whether the last line is open.
 */
function feedPieces(b: OutputBuffer, ps: { err: boolean; bytes: Uint8Array }[]): { want: number[]; open: boolean } {
  const enc = new TextEncoder();
  const want: number[] = [];
  let open = false;
  for (const p of ps) {
    if (p.err) {
      b.appendStderr('wiretrace: e');
      if (open) want.push(10);
      want.push(...enc.encode('wiretrace: e\n'));
      open = false;
    } else if (p.bytes.length > 0) {
      b.appendStdoutBytes(p.bytes, lineEnds(p.bytes));
      want.push(...p.bytes);
      open = p.bytes[p.bytes.length - 1] !== 10;
    }
  }
  return { want, open };
}

describe('OutputBuffer over the worker\'s bytes', () => {
  const enc = new TextEncoder();
  const feed = (b: OutputBuffer, bytes: Uint8Array): void => b.appendStdoutBytes(bytes, lineEnds(bytes));

  it('reads a character split between chunks whole, and bytes that are not UTF-8 as U+FFFD, keeping the bytes', async () => {
    const b = new OutputBuffer();
    const e = enc.encode('caf\u00e9 \u2192 x\n');
    feed(b, e.subarray(0, 4));
    feed(b, e.subarray(4, 7));
    feed(b, Uint8Array.of(...e.subarray(7), 0xff, 0x41, 0x0a));
    expect([b.line(0), b.line(1)]).toEqual(['caf\u00e9 \u2192 x', '\ufffdA']);
    expect([...await bytesOf(b)]).toEqual([...e, 0xff, 0x41, 0x0a]);
  });

  it('gives back exactly the bytes it was given, stderr lines in their places (property)', async () => {
    await fc.assert(fc.asyncProperty(
      pieces(30),
      async (ps) => {
        const b = new OutputBuffer();
        const { want, open } = feedPieces(b, ps);
        expect([...await bytesOf(b)]).toEqual(want);
        // Every line is the UTF-8 reading of its bytes.
        const lines = new TextDecoder().decode(Uint8Array.from(want)).split('\n');
        if (!open) lines.pop();
        expect(b.length).toBe(want.length === 0 ? 0 : lines.length);
        for (let i = 0; i < b.length; i++) expect(b.line(i)).toBe(lines[i]);
      },
    ), { numRuns: 1000, seed: 41 });
  });

  it('takes the longest line from the worker, and measures the one it joins', () => {
    const b = new OutputBuffer();
    const x = enc.encode('abcdef');
    b.appendStdoutBytes(x, new Uint32Array(0), 6);
    const y = enc.encode('gh\nij\n');
    b.appendStdoutBytes(y, lineEnds(y), 2);
    expect(b.maxLen).toBe(8);
    expect([b.line(0), b.line(1)]).toEqual(['abcdefgh', 'ij']);
  });
});

/**
 * A store in memory, as the OPFS one behaves: a write takes its buffer (transferred: the page's copy is
 * detached, so a buffer used after its write fails the test), reads answer later, and `failFrom` makes
 * writes from that offset on come back (a full disk).
 */
class MemSpill implements SpillStore {
  ready = true;
  pending = 0;
  onRoom: (() => void) | null = null;
  onReturned: ((at: number, bytes: Uint8Array) => void) | null = null;
  file = new Uint8Array(0);
  writes = 0;
  reads = 0;
  constructor(private failFrom = Infinity) {}
  write(at: number, bytes: Uint8Array): void {
    const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
    const b = new Uint8Array(structuredClone(own.buffer, { transfer: [own.buffer as ArrayBuffer] }));
    if (at >= this.failFrom) { queueMicrotask(() => this.onReturned?.(at, b)); return; }
    this.writes++;
    if (at + b.length > this.file.length) { const f = new Uint8Array(at + b.length); f.set(this.file); this.file = f; }
    this.file.set(b, at);
  }
  read(at: number, length: number): Promise<Uint8Array> { this.reads++; return new Promise((r) => setTimeout(() => r(this.file.slice(at, at + length)), 0)); }
  blobs(ranges: readonly (readonly [number, number])[]): Promise<Blob[]> { return Promise.resolve(ranges.map(([at, n]) => new Blob([this.file.slice(at, at + n)]))); }
  reset(): void { this.file = new Uint8Array(0); }
}

/** Line i once its chunk is back in memory (the first look may ask the store for it). */
async function lineOf(b: OutputBuffer, i: number): Promise<string> {
  for (let k = 0; k < 50; k++) {
    const v = b.version;
    const t = b.line(i);
    if (b.version === v && !(b as unknown as { pending: Set<number> }).pending.size) return t;
    await new Promise((r) => setTimeout(r, 0));
  }
  throw new Error(`line ${i} never came back`);
}

describe('OutputBuffer writing its older chunks to a store', () => {
  const enc = new TextEncoder();
  const feed = (b: OutputBuffer, bytes: Uint8Array): void => b.appendStdoutBytes(bytes, lineEnds(bytes));

  it('keeps at most residentMax bytes in memory (and the newest chunk), reads older lines back, and says when', async () => {
    const store = new MemSpill();
    const b = new OutputBuffer(() => store, 64, 64);
    let loads = 0;
    b.onLoad = () => { loads++; };
    for (let i = 0; i < 200; i++) feed(b, enc.encode(`line ${i} of the run\n`));
    expect(store.writes).toBeGreaterThan(150);
    expect((b as unknown as { resident: number }).resident).toBeLessThanOrEqual(64 + 20);
    expect(b.line(0)).toBe(''); // written out: empty until read back
    expect(await lineOf(b, 0)).toBe('line 0 of the run');
    expect(loads).toBeGreaterThan(0);
    expect(b.line(199)).toBe('line 199 of the run');
    for (const i of [5, 150, 77, 3]) expect(await lineOf(b, i)).toBe(`line ${i} of the run`);
    // Read back chunks are kept within loadedMax: the oldest shown goes first.
    expect((b as unknown as { loadedBytes: number }).loadedBytes).toBeLessThanOrEqual(64 + 20);
    expect(await b.text()).toBe(Array.from({ length: 200 }, (_, i) => `line ${i} of the run\n`).join(''));
  });

  it('gives back exactly the bytes it was given, with stderr, lines split between chunks, and chunks written out (property)', async () => {
    await fc.assert(fc.asyncProperty(
      pieces(40),
      fc.integer({ min: 0, max: 40 }),
      async (ps, max) => {
        const b = new OutputBuffer(() => new MemSpill(), max, max);
        const { want, open } = feedPieces(b, ps);
        expect([...await bytesOf(b)]).toEqual(want);
        const lines = new TextDecoder().decode(Uint8Array.from(want)).split('\n');
        if (!open) lines.pop();
        expect(b.length).toBe(want.length === 0 ? 0 : lines.length);
        for (let i = b.length - 1; i >= 0; i--) expect(await lineOf(b, i)).toBe(lines[i]);
      },
    ), { numRuns: 400, seed: 53 });
  });

  it('keeps in memory what the store could not keep, and writes nothing more to it', async () => {
    const store = new MemSpill(100);
    const b = new OutputBuffer(() => store, 32, 1 << 20);
    const all: string[] = [];
    for (let i = 0; i < 60; i++) { const t = `row ${i}\n`; all.push(t); feed(b, enc.encode(t)); await Promise.resolve(); }
    await new Promise((r) => setTimeout(r, 0));
    const writes = store.writes;
    for (let i = 60; i < 80; i++) { const t = `row ${i}\n`; all.push(t); feed(b, enc.encode(t)); }
    expect(store.writes).toBe(writes);
    expect(await b.text()).toBe(all.join(''));
    for (let i = 0; i < 80; i++) expect(await lineOf(b, i)).toBe(`row ${i}`);
  });

  it('starts again empty after clear(): a read answered late is of the old run and is dropped', async () => {
    const store = new MemSpill();
    const b = new OutputBuffer(() => store, 16, 16);
    for (let i = 0; i < 20; i++) feed(b, enc.encode(`old ${i}\n`));
    b.line(0); // a read under way
    b.clear();
    for (let i = 0; i < 20; i++) feed(b, enc.encode(`new ${i}\n`));
    for (let i = 0; i < 20; i++) expect(await lineOf(b, i)).toBe(`new ${i}`);
    expect(await b.text()).toBe(Array.from({ length: 20 }, (_, i) => `new ${i}\n`).join(''));
  });
});

describe('OutputBuffer.hold', () => {
  const enc = new TextEncoder();
  it('writes nothing out while held (up to heldMax bytes), everything past residentMax once released', () => {
    const store = new MemSpill();
    const b = new OutputBuffer(() => store, 64, 64, 1000);
    b.hold(true);
    for (let i = 0; i < 40; i++) b.appendStdoutBytes(enc.encode(`line ${i} of the run\n`), Uint32Array.of(`line ${i} of the run`.length));
    expect(store.writes).toBe(0);
    b.hold(false);
    expect(store.writes).toBeGreaterThan(30);
    expect((b as unknown as { resident: number }).resident).toBeLessThanOrEqual(64 + 20);
  });
  it('writes out past heldMax even while held (a run printing without end)', () => {
    const store = new MemSpill();
    const b = new OutputBuffer(() => store, 64, 64, 200);
    b.hold(true);
    for (let i = 0; i < 40; i++) b.appendStdout(`line ${i} of the run\n`);
    expect(store.writes).toBeGreaterThan(0);
    expect((b as unknown as { resident: number }).resident).toBeLessThanOrEqual(200 + 20);
  });
  it('writes out once a store that was not ready says it is', () => {
    const store = new MemSpill();
    store.ready = false;
    const b = new OutputBuffer(() => store, 64, 64);
    for (let i = 0; i < 40; i++) b.appendStdout(`line ${i} of the run\n`);
    expect(store.writes).toBe(0);
    store.ready = true;
    store.onRoom?.();
    expect(store.writes).toBeGreaterThan(30);
  });
});

describe('OutputBuffer writing to a store that is slow', () => {
  it('sends at most a few MB before the store has written them, the rest when it has', async () => {
    const store = new MemSpill();
    const acks: number[] = [];
    const write = store.write.bind(store);
    store.write = (at, bytes) => { const n = bytes.length; store.pending += n; acks.push(n); write(at, bytes); };
    const b = new OutputBuffer(() => store, 1 << 20, 1 << 20);
    const line = 'x'.repeat(1023) + '\n';
    const chunk = line.repeat(256); // 256 KiB, as the worker's batches
    b.hold(true);
    for (let i = 0; i < 40; i++) b.appendStdout(chunk); // 10 MiB
    b.hold(false);
    expect(store.pending).toBeLessThanOrEqual((4 << 20) + chunk.length);
    expect(store.writes).toBeLessThan(20);
    while (acks.length) { store.pending -= acks.shift()!; store.onRoom?.(); }
    expect((b as unknown as { resident: number }).resident).toBeLessThanOrEqual((1 << 20) + chunk.length);
    expect(await b.text()).toBe(chunk.repeat(40));
  });
});

describe('OutputBuffer when the store cannot read back', () => {
  it('shows a note in place of the lines, counted within loadedMax like any chunk read back', async () => {
    const store = new MemSpill();
    store.read = () => Promise.reject(new Error('gone'));
    const b = new OutputBuffer(() => store, 16, 64);
    for (let i = 0; i < 40; i++) b.appendStdout(`line ${i} of the run, long enough\n`);
    // Each chunk's lines show the note from its start (cut where the chunk ends), never the lost text.
    const shown: string[] = [];
    for (let i = 0; i < 30; i++) shown.push(await lineOf(b, i));
    expect(shown[0]).toMatch(/^\[these lines could not be read/);
    expect(shown.join('\n')).not.toContain('of the run');
    const loadedBytes = (b as unknown as { loadedBytes: number }).loadedBytes;
    expect(loadedBytes).toBeGreaterThan(0);
    expect(loadedBytes).toBeLessThanOrEqual(64 + 40);
  });
});

describe('OutputBuffer.textNow', () => {
  it('is the text while every byte is in memory, and null once some are in the store', async () => {
    const b = new OutputBuffer(() => new MemSpill(), 16, 16);
    b.appendStdout('short\n');
    expect(b.textNow()).toBe('short\n');
    for (let i = 0; i < 10; i++) b.appendStdout(`line ${i}\n`);
    expect(b.textNow()).toBeNull();
    expect(await b.text()).toBe('short\n' + Array.from({ length: 10 }, (_, i) => `line ${i}\n`).join(''));
  });
});
