/**
 * The options aggpack, agghist, aggzoom and encoding, run through the
 * engine. The illumos test suite's expected output for tst.aggpack.d is not
 * reachable from here, so every expected text below is derived by hand from
 * illumos dt_consume.c / dt_aggregate.c (2017 Joyent version); the
 * derivation of each line is written beside it.
 *
 * Reference formats (dt_consume.c):
 *   dt_print_quanthdr_packed  "\n%*s %*s ." + '-' per bin + ". %*s | count\n"
 *                             (key width = sum of packed key widths + 1 each;
 *                             quantize: min/max widths dt_ndigits() of the
 *                             first/last bin value, at least 4; lquantize 7/8)
 *   dt_print_quantize_packed  " %*lld :" glyphs ": %-*lld | %lld\n"
 *   dt_print_lquantize_packed "%8s :" glyphs ": %-8s | %lld\n"
 *   dt_print_packed           0 -> ' '; < 0 -> "vvvvVV"[|d*5|/total + .5];
 *                             ascii "__xxxxXX"[d*7/total + .5];
 *                             utf8 U+2581 + (d*7/total + .5)
 *   dt_print_quanthdr         "\n%*s %41s %-9s\n" (width 0: "value" in 16)
 *   dt_print_quantline        "|" + '@' * (|v|*40/total + .5) + pad + " %-9lld\n"
 */
import { describe, expect, it } from 'vitest';
import { runD } from './testkit.ts';

/** illumos tst.aggpack.d (Joyent 2013), with one change: see the note on @x below. */
const TST_AGGPACK = `#pragma D option aggpack
#pragma D option encoding=ascii
#pragma D option quiet

BEGIN
{
	@x = quantize((long)1 << 32);
	@y[1] = quantize(1);
	@z["mumble"] = quantize(1);
	@xx["foo", (char)1, (short)2, (long)3] = quantize(1);

	@neg = lquantize(-10, -10, 20, 1, -1);
	@neg = lquantize(-5, -10, 20, 1, 1);
	@neg = lquantize(0, -10, 20, 1, 1);

	i = 0;
}

tick-1ms
{
	@a[i] = quantize(0, i);
	@a[i] = quantize(1, 100 - i);
	i++;
}

tick-1ms
/i > 100/
{
	exit(0);
}

END
{
	setopt("aggzoom", "true");
	printa(@neg);
	setopt("aggzoom", "false");
	printa(@neg);
}
`;

describe('aggpack (illumos tst.aggpack.d)', () => {
  it('prints packed quantize and lquantize rows as dt_consume.c does', async () => {
    const r = await runD(TST_AGGPACK);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const lines = r.stdout.split('\n');
    // @neg: lquantize(-10..20 step 1): levels 30, bins 0..31 (32 glyphs; the
    // header's dashes run dtada_minbin 1 .. maxbin+1 = 32). -10 is bin 1
    // (incr -1), -5 bin 6, 0 bin 11 (incr 1 each); count = -1+1+1 = 1.
    // Zoomed: total = max(|d| / 0.95) = 1.0526: bin 1 -> |-1*5|/1.0526+.5 =
    // 5.25 -> 'V'; bins 6, 11 -> 7/1.0526+.5 = 7.15 -> 'X'.
    // Not zoomed: total = 3: 5/3+.5 -> 2 'v'; 7/3+.5 -> 2 'x'.
    const neg = (a: string, b: string): string[] => [
      '', // printa()'s "\n"
      '', // the header's "\n"
      '     min .' + '-'.repeat(32) + '. max      | count', // "%0s %7s ." ... ". %-8s | count"
      `   < -10 : ${a}    ${b}    ${b}                    : >= 20    | 1`, // "%8s :" ... ": %-8s | %lld"
    ];
    expect(lines.slice(0, 8)).toEqual([...neg('V', 'X'), ...neg('v', 'x')]);
    // Then the exit printing ("\n" first), in variable order, each with its header.
    // @x: (long)1 << 32 is bin 96; shown 95..97 = 2^31 .. 2^33, both 10 digits.
    expect(lines.slice(8, 12)).toEqual([
      '',
      '',
      '        min .---. max        | count', // "%0s %10s ." "---" ". %-10s | count"
      ' 2147483648 : X : 8589934592 | 1', // " %10lld :" " X " ": %-10lld | %lld"
    ]);
    // @y[1]: an int key (4 bytes: width 8, header width 9); bins 63..65 = 0..2, ndigits 4.
    expect(lines.slice(12, 15)).toEqual(['', '      key  min .---. max  | count', '        1    0 : X : 2    | 1']);
    // @z["mumble"]: a string key, packed width 16 (header width 17); " %s%*s" with width 16.
    expect(lines.slice(15, 18)).toEqual(['', '              key  min .---. max  | count', '           mumble    0 : X : 2    | 1']);
    // @xx["foo", (char)1, (short)2, (long)3]: widths 16+1, 3+1, 5+1, 16+1 = 44.
    expect(lines.slice(18, 21)).toEqual([
      '',
      ' '.repeat(41) + 'key  min .---. max  | count',
      '              foo   1     2                3    0 : X : 2    | 1',
    ]);
    // @a[i]: bin 63 (zero) += i, bin 64 (one) += 100 - i; sorted by the
    // weighted sum 100 - i, so i = 100 first. The variable's min bin is the
    // zero bucket (not widened below it), max 64 -> 65: bins 63..65.
    expect(lines[21]).toBe('');
    expect(lines[22]).toBe('      key  min .---. max  | count');
    expect(lines[23]).toBe('      100    0 :X  : 2    | 100'); // 100 in bin 63: 7*100/100 -> 'X'; bin 64 holds 0
    expect(lines[24]).toBe('       99    0 :X_ : 2    | 100'); // 99*7/100+.5 = 7.43 -> 'X'; 1*7/100+.5 -> '_'
    expect(lines[44]).toBe('       79    0 :X_ : 2    | 100'); // 79 -> 6.03 -> 'X'; 21 -> 1.97 -> '_'
    expect(lines[45]).toBe('       78    0 :xx : 2    | 100'); // 78*7/100+.5 = 5.96 -> 5 'x'; 22 -> 2.04 -> 'x'
    expect(lines[122]).toBe('        1    0 :_X : 2    | 100');
    expect(lines[123]).toBe('        0    0 : X : 2    | 100');
    expect(lines.length).toBe(125);
  });

  it('is UTF-8 block elements unless encoding=ascii (the bytes of U+2581..U+2588)', async () => {
    const r = await runD('#pragma D option aggpack\nBEGIN { @ = quantize(1); @ = quantize(2); @ = quantize(2); exit(0); }', { quiet: true });
    // Bins 63..66 (0, 1, 2, 4): 1*7/3+.5 = 2.83 -> U+2583; 2*7/3+.5 = 5.17 -> U+2586.
    const g = (cp: number): string => Buffer.from(String.fromCodePoint(cp), 'utf8').toString('latin1');
    expect(r.stdout).toBe(`\n\n  min .----. max  | count\n    0 : ${g(0x2583)}${g(0x2586)} : 4    | 3\n`);
  });

  it('leaves count() and joined printa alone, and packs only at printa(@a) and exit', async () => {
    const r = await runD('#pragma D option aggpack\n#pragma D option encoding=ascii\nBEGIN { @c = count(); @q[1] = quantize(1); @r[1] = quantize(1); printa(@q, @r); printa("%@d\\n", @c); exit(0); }', { quiet: true });
    expect(r.stdout.startsWith('\n        1\n')).toBe(true); // joined: the key, then the ordinary distribution
    expect(r.stdout).toContain('           value  ------------- Distribution ------------- count    \n');
    expect(r.stdout).toContain('1\n');
  });
});

describe('agghist', () => {
  it('draws count/sum/avg rows as bars of the variable total', async () => {
    const r = await runD(`#pragma D option agghist
BEGIN { @["a"] = count(); @["bb"] = count(); @["bb"] = count(); @n = count(); @s[1] = sum(-2); @s[2] = sum(6); @av = avg(4); @av = avg(8); @mx = max(3); exit(0); }`, { quiet: true });
    expect(r.stdout).toBe([
      '',
      // @_ by string key: header width 17 ("%17s"), total 3: 1*40/3+.5 = 13.8 -> 13; 2*40/3+.5 -> 27.
      '',
      '              key  ------------- Distribution ------------- count    ',
      '                a |' + '@'.repeat(13) + ' '.repeat(27) + ' 1        ',
      '               bb |' + '@'.repeat(27) + ' '.repeat(13) + ' 2        ',
      // @n: no key, width 0 -> the "value" header; the row is " " + the bar.
      '',
      '           value  ------------- Distribution ------------- count    ',
      ' |' + '@'.repeat(40) + ' 1        ',
      // @s: negative and positive: half bars of 20 around '|'; total 8:
      // -2 -> 2*20/8+.5 = 5.5 -> 5, "%s%s|%*s %-9lld"; 6 -> 15.5 -> 15, "%20s|%s%s %-9lld".
      '',
      '      key  ------------- Distribution ------------- count    ',
      '        1 ' + ' '.repeat(15) + '@'.repeat(5) + '|' + ' '.repeat(20) + ' -2       ',
      '        2 ' + ' '.repeat(20) + '|' + '@'.repeat(15) + ' '.repeat(5) + ' 6        ',
      // @av: the total is the average 6, but dt_print_datum draws the
      // record's first word, the count 2: 2*40/6+.5 = 13.8 -> 13.
      '',
      '           value  ------------- Distribution ------------- count    ',
      ' |' + '@'.repeat(13) + ' '.repeat(27) + ' 2        ',
      // @mx: max() has no total (DTRACE_A_TOTAL): the ordinary row.
      '                3',
      '',
    ].join('\n'));
  });

  it('with aggzoom the largest value fills 95% of the bar, truncated exactly as a long double product', async () => {
    // total = max(trunc(|v| * (1/0.95))): 19 * (double)(1/0.95) is just
    // below 20 (exact in a long double), so the total is 19 and 19 fills
    // the bar; 10*40/19+.5 = 21.55 -> 21.
    const r = await runD('BEGIN { @[1] = sum(19); @[2] = sum(10); exit(0); }', { quiet: true, xopts: [['agghist', undefined], ['aggzoom', undefined]] });
    expect(r.stdout).toBe([
      '', '',
      '      key  ------------- Distribution ------------- count    ',
      '        2 |' + '@'.repeat(21) + ' '.repeat(19) + ' 10       ',
      '        1 |' + '@'.repeat(40) + ' 19       ',
      '',
    ].join('\n'));
    // 20 -> trunc(20 / 0.95) = 21: 20*40/21+.5 = 38.6 -> 38.
    const z = await runD('BEGIN { @[1] = sum(20); exit(0); }', { quiet: true, xopts: [['agghist', undefined], ['aggzoom', undefined]] });
    expect(z.stdout).toContain('        1 |' + '@'.repeat(38) + '   20       \n');
  });
});

describe('aggzoom and encoding on ordinary distributions', () => {
  it('aggzoom scales quantize bars to the largest bucket', async () => {
    // total = max(|d| / 0.95) = 2/0.95: 1 -> 1*40*0.95/2+.5 = 19.5 -> 19; 2 -> 38.5 -> 38.
    const r = await runD('BEGIN { @ = quantize(1); @ = quantize(2); @ = quantize(2); exit(0); }', { quiet: true, xopts: [['aggzoom', undefined]] });
    expect(r.stdout).toContain('               1 |' + '@'.repeat(19) + ' '.repeat(21) + ' 1        \n');
    expect(r.stdout).toContain('               2 |' + '@'.repeat(38) + ' '.repeat(2) + ' 2        \n');
  });

  it('encoding=utf8 draws U+2588 blocks and a partial block of eighths', async () => {
    // 1/3 of 40 = 13.33: 13 full blocks, trunc(.33*8) = 2 -> U+258F - 1 = U+258E, then 26 spaces.
    const r = await runD('BEGIN { @ = quantize(1); @ = quantize(2); @ = quantize(2); exit(0); }', { quiet: true, xopts: [['encoding', 'utf8']] });
    const g = (cp: number): string => Buffer.from(String.fromCodePoint(cp), 'utf8').toString('latin1');
    expect(r.stdout).toContain('               1 |' + g(0x2588).repeat(13) + g(0x258e) + ' '.repeat(26) + ' 1        \n');
    expect(r.stdout).toContain('               2 |' + g(0x2588).repeat(26) + g(0x258b) + ' '.repeat(13) + ' 2        \n');
  });

  it('encoding takes only ascii or utf8 (dt_opt_encoding)', async () => {
    const r = await runD('#pragma D option encoding=latin1\nBEGIN { exit(0); }');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('Invalid value for specified option');
  });
});

/**
 * A published transcript: TritonDataCenter/pgsqlstat's README runs
 * `pgsqllat 10`, whose D program sets aggsortkey, aggpack, aggzoom and quiet,
 * then printa()s a quantize() keyed by walltimestamp / 1e9 (packed) and an
 * llquantize(x, 10, 0, 8, 10) (not packed: aggpack packs quantize and
 * lquantize only, but aggzoom scales it: the largest bucket gets 38 '@').
 */
describe('pgsqllat transcript (aggpack + aggzoom, real dtrace output)', () => {
  it('the llquantize() distribution, bucket for bucket', async () => {
    const counts: [number, number][] = [
      [10, 2669], [20, 6102], [30, 1431], [40, 75], [50, 57], [60, 36], [70, 810], [80, 1335], [90, 2764],
      [100, 25431], [200, 12950], [300, 2380], [400, 391], [500, 179], [600, 147], [700, 160], [800, 206], [900, 326],
      [1000, 4349], [2000, 3009], [3000, 2013], [4000, 1509], [5000, 1121], [6000, 841], [7000, 651], [8000, 522], [9000, 390],
      [10000, 1243], [20000, 147], [30000, 21], [40000, 3], [50000, 2], [60000, 1], [100000, 20], [200000, 10],
    ];
    const body = counts.map(([v, n]) => `@overall = llquantize(${v}, 10, 0, 8, 10, ${n});`).join('\n');
    const r = await runD(`#pragma D option aggsortkey\n#pragma D option aggpack\n#pragma D option aggzoom\n#pragma D option quiet\nBEGIN {\n${body}\nprintf("over all 10 seconds:");\nprinta(@overall);\nexit(0); }`);
    // printa()'s "\n", then the distribution's own leading "\n" (the transcript's blank line).
    expect(r.stdout).toBe(`over all 10 seconds:

           value  ------------- Distribution ------------- count    
               9 |                                         0        
              10 |@@@@                                     2669     
              20 |@@@@@@@@@                                6102     
              30 |@@                                       1431     
              40 |                                         75       
              50 |                                         57       
              60 |                                         36       
              70 |@                                        810      
              80 |@@                                       1335     
              90 |@@@@                                     2764     
             100 |@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@   25431    
             200 |@@@@@@@@@@@@@@@@@@@                      12950    
             300 |@@@@                                     2380     
             400 |@                                        391      
             500 |                                         179      
             600 |                                         147      
             700 |                                         160      
             800 |                                         206      
             900 |                                         326      
            1000 |@@@@@@                                   4349     
            2000 |@@@@                                     3009     
            3000 |@@@                                      2013     
            4000 |@@                                       1509     
            5000 |@@                                       1121     
            6000 |@                                        841      
            7000 |@                                        651      
            8000 |@                                        522      
            9000 |@                                        390      
           10000 |@@                                       1243     
           20000 |                                         147      
           30000 |                                         21       
           40000 |                                         3        
           50000 |                                         2        
           60000 |                                         1        
           70000 |                                         0        
           80000 |                                         0        
           90000 |                                         0        
          100000 |                                         20       
          200000 |                                         10       
          300000 |                                         0        


`);
  });

  it('the packed per-second quantize() rows: header and frame', async () => {
    // The transcript's first row: key 1413409840 (uint64_t, 16 columns),
    // bins 4 .. 524288 (18 glyphs), count 2459. Data in the first and last
    // non-empty bins (8 and 262144) reproduce that frame; the glyphs between
    // depend on the traced latencies, so only the frame is compared.
    const r = await runD('#pragma D option aggsortkey\n#pragma D option aggpack\n#pragma D option aggzoom\n#pragma D option quiet\n'
      + 'BEGIN { k = (uint64_t)1413409840; @bytime[k] = quantize(8, 2458); @bytime[k] = quantize(262144, 1); printf("per second:"); printa(@bytime); exit(0); }');
    const lines = r.stdout.split('\n');
    expect(lines[1]).toBe('');
    expect(lines[2]).toBe('              key  min .------------------. max    | count');
    expect(lines[3]!.startsWith('       1413409840    4 : ')).toBe(true);
    expect(lines[3]!.endsWith(' : 524288 | 2459')).toBe(true);
    // 18 bins: the empty bin 4, then 8 (the largest: 7 levels up, U+2588) ... 262144 (1/2458 of the zoomed total: U+2581), then 524288.
    const glyphs = Buffer.from(lines[3]!.slice(24, -15), 'latin1').toString('utf8');
    expect(glyphs).toBe(' \u2588' + ' '.repeat(14) + '\u2581 ');
  });
});

