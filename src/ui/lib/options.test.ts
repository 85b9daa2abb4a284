import { describe, expect, it } from 'vitest';
import { joinWords, parseOptions, splitWords } from './options.ts';

describe('dtrace options field', () => {
  it('parses flags, -x options and macro arguments with the CLI parser', () => {
    expect(parseOptions('-q -x strsize=64 -Z 2000 "two words"')).toEqual({
      ok: true, options: { quiet: true, xopts: [['strsize', '64']], allowZeroMatch: true, macroArgs: ['2000', 'two words'] },
    });
  });
  it('is empty for an empty field', () => {
    expect(parseOptions('  ')).toEqual({ ok: true, options: {} });
  });
  it('refuses file options and reports usage errors', () => {
    expect(parseOptions('-s x.d').ok).toBe(false);
    expect(parseOptions('-r a.pcap').ok).toBe(false);
    const bad = parseOptions('-k');
    expect(bad.ok).toBe(false);
  });
  it('round-trips words through joinWords/splitWords', () => {
    const w = ['-q', 'a b', "it's", '$1'];
    expect(splitWords(joinWords(w))).toEqual(w);
  });
});
