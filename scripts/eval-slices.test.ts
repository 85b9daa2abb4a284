import { describe, expect, it } from 'vitest';
import { evalSlices, helperSource } from './eval-slices.ts';

type Transform = (code: string, id: string) => { code: string } | null;

describe('evalSlices', () => {
  const plugin = evalSlices(/[\\/]node_modules[\\/]lib[\\/]/, 10);
  const transform = plugin.transform as unknown as Transform;

  it('puts an await of the helper before the code of each module it matches, on the first line', () => {
    const out = transform('/* licence */\nexport const a = 1;\n', '/x/node_modules/lib/a.js')!;
    expect(out.code.split('\n')).toHaveLength(3);
    expect(out.code).toBe('import { slice as __wtSlice } from "\\u0000wiretrace-eval-slice"; await __wtSlice(); /* licence */\nexport const a = 1;\n');
  });

  it('leaves other modules, and files that are not JavaScript, as they are', () => {
    expect(transform('export const a = 1;', '/x/src/app.ts')).toBeNull();
    expect(transform('.a{}', '/x/node_modules/lib/a.css')).toBeNull();
  });

  it('applies to the build only (a worker must install its handler in its first task)', () => {
    expect(plugin.apply).toBe('build');
  });

  it('slices: nothing within the budget, then a promise resolved in a later task, then a new slice', async () => {
    const url = `data:text/javascript,${encodeURIComponent(helperSource(10))}`;
    const { slice } = (await import(/* @vite-ignore */ url)) as { slice: () => Promise<void> | undefined };
    const first = slice(); // the first call: no slice has started yet
    expect(first).toBeInstanceOf(Promise);
    let resumed = false;
    const order: string[] = [];
    setTimeout(() => order.push('timer'), 0);
    await first!.then(() => { resumed = true; order.push('resumed'); });
    expect(resumed).toBe(true);
    expect(slice()).toBeUndefined(); // a slice has just started
    const t = performance.now();
    while (performance.now() - t < 12) { /* the slice's budget runs out */ }
    const later = slice();
    const again = slice(); // several modules waiting at once share one message
    expect(later).toBeInstanceOf(Promise);
    await Promise.all([later, again]);
    expect(slice()).toBeUndefined();
  });
});
