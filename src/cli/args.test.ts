import { describe, expect, it } from 'vitest';
import { parseArgs, UsageError } from './args.ts';

describe('parseArgs', () => {
  it('clusters flags and takes the argument of the last one, as getopt does', () => {
    const o = parseArgs(['-qs', 'x.d', 'a', 'b']);
    expect(o.quiet).toBe(true);
    expect(o.programs).toEqual([{ kind: 'file', path: 'x.d' }]);
    expect(o.macroArgs).toEqual(['a', 'b']);
  });
  it('keeps -s and -n in order and reads attached values', () => {
    const o = parseArgs(['-n', 'BEGIN{}', "-s", 'y.d', '-xerrtags', '-x', 'strsize=16', '-DFOO=1', '-UBAR']);
    expect(o.programs).toEqual([{ kind: 'inline', text: 'BEGIN{}' }, { kind: 'file', path: 'y.d' }]);
    expect(o.xopts).toEqual([['errtags', undefined], ['strsize', '16']]);
    expect(o.defines).toEqual([['FOO', '1']]);
    expect(o.undefs).toEqual(['BAR']);
  });
  it('reads -r repeatedly, - for stdin, and long options', () => {
    const o = parseArgs(['-r', 'a.pcap', '-r', '-', '--local', '10.0.0.0/8', '--local=fe80::1', '--layers']);
    expect(o.captures).toEqual(['a.pcap', '-']);
    expect(o.locals).toEqual(['10.0.0.0/8', 'fe80::1']);
    expect(o.layers).toBe(true);
  });
  it('rejects unknown options and missing arguments', () => {
    expect(() => parseArgs(['-K'])).toThrow(UsageError);
    expect(() => parseArgs(['-s'])).toThrow('option requires an argument -- s');
    expect(() => parseArgs(['--bogus'])).toThrow(UsageError);
  });
  it('-b sets the bufsize option', () => {
    expect(parseArgs(['-b59', '-n', 'BEGIN']).xopts).toEqual([['bufsize', '59']]);
  });
  it('stops at -- and at the first operand', () => {
    expect(parseArgs(['--', '-q']).macroArgs).toEqual(['-q']);
    expect(parseArgs(['x', '-q']).quiet).toBe(false);
  });
});
