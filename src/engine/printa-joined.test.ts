/**
 * printa() over several aggregations whose keys differ, and %@ conversions,
 * with dtrace-utils' multiaggs/tst.zero.d and tst.zero2.d (their .r files are
 * not in the reference index; the expected text is derived from illumos
 * dt_aggregate.c dtrace_aggregate_walk_joined and dt_printf.c):
 *  - the rows are the union of the keys of all the aggregations; an
 *    aggregation without the key prints zero-filled data (for one that never
 *    ran at all, zero data laid out from its description);
 *  - rows sort by the first aggregation's value (aggsortpos 0), ties by key;
 *  - %@d of a zero-filled quantize()/lquantize() prints the distribution of
 *    no data (dt_print_quantize: the three bins around zero; lquantize: the
 *    first three bins), ignoring the width;
 *  - %@ conversions beyond the aggregations re-convert the last one, and all
 *    are type-checked against the first aggregation's function: after a
 *    count(), %@d prints as %llu (pfcheck_dint), so a negative sum shows
 *    as a large unsigned number.
 */
import { describe, expect, it } from 'vitest';
import { runD } from './testkit.ts';

const EMPTY_QUANTIZE = [
  '',
  '           value  ------------- Distribution ------------- count    ',
  '              -1 |                                         0        ',
  '               0 |                                         0        ',
  '               1 |                                         0        ',
  '',
].join('\n');
const EMPTY_LQUANTIZE = [
  '',
  '           value  ------------- Distribution ------------- count    ',
  '           < -10 |                                         0        ',
  '             -10 |                                         0        ',
  '              -9 |                                         0        ',
  '',
].join('\n');

const zero = (bop: string, baz: string): string => `#pragma D option quiet

BEGIN
${bop === 'never' ? '/0/\n' : ''}{
	@bop[345] = quantize(0${baz});
	@baz[345] = lquantize(0, -10, 10, 1${baz});
}

BEGIN
{
	@foo[123] = sum(123);
	@bar[456] = sum(456);

	@foo[789] = sum(789);
	@bar[789] = sum(789);

	printa("%10d %@10d %@10d\\n", @foo, @bar);
	printa("%10d %@10d %@10d %@10d\\n", @foo, @bar, @bop);
	printa("%10d %@10d %@10d %@10d %@10d\\n", @foo, @bar, @bop, @baz);

	exit(0);
}
`;

describe('printa over aggregations with differing keys (dtrace-utils multiaggs)', () => {
  it('tst.zero.d: aggregations that never ran print zero-filled, keyed rows come from the others', async () => {
    const r = await runD(zero('never', ''));
    expect(r.stderr).toBe('');
    const row3 = (k: string, f: string, b: string): string => `${k.padStart(10)} ${f.padStart(10)} ${b.padStart(10)}`;
    const rows = [['456', '0', '456'], ['123', '123', '0'], ['789', '789', '789']] as const;
    expect(r.stdout).toBe(
      rows.map(([k, f, b]) => row3(k, f, b) + '\n').join('')
      + rows.map(([k, f, b]) => `${row3(k, f, b)} ${EMPTY_QUANTIZE}\n`).join('')
      + rows.map(([k, f, b]) => `${row3(k, f, b)} ${EMPTY_QUANTIZE} ${EMPTY_LQUANTIZE}\n`).join('')
      + '\n',
    );
  });

  it('tst.zero2.d: a zero increment still makes the key, which joins the later printa()s', async () => {
    const r = await runD(zero('runs', ', 0'));
    const row3 = (k: string, f: string, b: string): string => `${k.padStart(10)} ${f.padStart(10)} ${b.padStart(10)}`;
    const rows = [['456', '0', '456'], ['123', '123', '0'], ['789', '789', '789']] as const;
    // 345 sorts first: its @foo value 0 ties with 456's, and 345 < 456.
    const with345 = [['345', '0', '0'], ...rows] as const;
    expect(r.stdout).toBe(
      rows.map(([k, f, b]) => row3(k, f, b) + '\n').join('')
      + with345.map(([k, f, b]) => `${row3(k, f, b)} ${EMPTY_QUANTIZE}\n`).join('')
      + with345.map(([k, f, b]) => `${row3(k, f, b)} ${EMPTY_QUANTIZE} ${EMPTY_LQUANTIZE}\n`).join('')
      + '\n',
    );
  });

  it('%@ conversions take the aggregations in turn, repeat the last, and are typed by the first', async () => {
    const r = await runD('#pragma D option quiet\nBEGIN { @c["a"] = count(); @s["a"] = sum(-5); printa("%s %@d %@d %@x\\n", @c, @s); printa("%s %@d %@d\\n", @s, @c); exit(0); }');
    expect(r.stdout).toBe('a 1 18446744073709551611 fffffffffffffffb\na -5 1\n\n');
  });
});
