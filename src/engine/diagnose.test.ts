import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { diagnose } from './diagnose.ts';
import { loadDiagnose } from './worker-engine.ts';

const ipio = readFileSync(new URL('../../samples/scripts/ipio.d', import.meta.url), 'utf8');

describe('editor diagnostics', () => {
  it('knows the network providers: ipio.d has no diagnostics (was D_PDESC_ZERO on ip:::send)', () => {
    expect(diagnose({ name: 'ipio.d', text: ipio, kind: 'file' })).toEqual([]);
  });
  it('reports a real error at its line', () => {
    const d = diagnose({ name: 'x.d', text: 'ip:::send\n{\n  @a = count(\n}\n', kind: 'file' });
    expect(d).toHaveLength(1);
    expect(d[0]!.line).toBe(4);
    expect(d[0]!.severity).toBe('error');
  });
  it('is what the worker loads', async () => {
    const f = await loadDiagnose();
    expect(f).not.toBeNull();
    const r = f!({ name: 'ipio.d', text: ipio, kind: 'file' });
    expect(Array.isArray(r) ? r : r.diagnostics).toEqual([]);
  });
});
