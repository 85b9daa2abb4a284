/**
 * The scripts wiretrace grew from (the seed documents' ipio.d family,
 * ip_whosent.d, the dtrace_ip(4) examples, the accept-queue script and
 * tcpsnoop.d) must preprocess and parse. Their backslashes, lost in the
 * documents, are restored; tcpsnoop.d's line breaks and #include names
 * (also lost) are restored from the original script.
 */
import { describe, expect, it } from 'vitest';
import { parseProgram } from '../parser.ts';
import { preprocess } from '../preprocess.ts';
import type { Clause } from '../ast.ts';

const FIXTURES = import.meta.glob('./fixtures/*.d', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

function compileFront(name: string, macroArgs?: string[]) {
  const src = FIXTURES[`./fixtures/${name}`];
  expect(src, name).toBeDefined();
  const cppNeeded = /^#!.*-\w*C/.test(src!);
  let text = src!;
  if (cppNeeded) {
    const r = preprocess(text, { program: name });
    expect(r.diagnostics).toEqual([]);
    text = r.text;
  }
  return parseProgram(text, { program: name, isFile: true, macroArgs });
}

const clauses = (items: { kind: string }[]) => items.filter((i): i is Clause => i.kind === 'Clause');

describe('seed scripts', () => {
  it('ipio.d', () => {
    const r = compileFront('ipio.d');
    expect(r.diagnostics).toEqual([]);
    expect(r.program.options).toEqual([['quiet', undefined], ['switchrate', '10hz']]);
    expect(clauses(r.program.items).map((c) => c.probes.map((p) => p.text))).toEqual([['dtrace:::BEGIN'], ['ip:::send'], ['ip:::receive']]);
  });

  it('ip_whosent.d', () => {
    const r = compileFront('ip_whosent.d');
    expect(r.diagnostics).toEqual([]);
    const [c] = clauses(r.program.items);
    expect(c!.probes[0]).toMatchObject({ provider: 'ip', module: 'ip', func: '*', name: 'send' });
    expect(c!.predicate).toMatchObject({ kind: 'Binary', op: '!=' });
  });

  it('ipio01.d and ipio03.d (the 2007 prototype)', () => {
    const a = compileFront('ipio01.d');
    expect(a.diagnostics).toEqual([]);
    expect(clauses(a.program.items).length).toBe(6);
    expect(clauses(a.program.items)[1]!.probes.map((p) => p.text)).toEqual(['ipv4*:::send', 'ipv4*:::receive']);
    const b = compileFront('ipio03.d');
    expect(b.diagnostics).toEqual([]);
    expect(clauses(b.program.items).length).toBe(5);
  });

  it('the dtrace_ip(4) examples', () => {
    expect(compileFront('ip_receive_count.d').diagnostics).toEqual([]);
    const r = compileFront('ip_freebsd_io.d');
    expect(r.diagnostics).toEqual([]);
    expect(r.program.options).toEqual([['quiet', undefined], ['switchrate', '10Hz']]);
  });

  it('the accept-queue script (-C, macro argument $1)', () => {
    const r = compileFront('accept_queue.d', ['80']);
    expect(r.diagnostics).toEqual([]);
    expect(clauses(r.program.items).length).toBe(5);
  });

  it('tcpsnoop.d (fbt, -C, #if, byte-order macros) parses', () => {
    const r = compileFront('tcpsnoop.d');
    // The one error is not syntax: `tcp_g_q is a kernel symbol, which a capture has not.
    expect(r.diagnostics.map((d) => [d.tag, d.message])).toEqual([['D_IDENT_UNDEF', 'failed to resolve `tcp_g_q: Unknown symbol name']]);
    expect(clauses(r.program.items).length).toBe(20);
    expect(r.program.options).toEqual([['quiet', undefined], ['switchrate', '10hz']]);
  });
});
