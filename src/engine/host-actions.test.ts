/**
 * system() and freopen() with -w or the destructive option: the engine hands
 * them to a consumer that performs them (EngineOptions.hostActions), as
 * events in output order; without permission, or for a consumer that cannot,
 * they are refused as dtrace refuses them.
 */
import { describe, expect, it } from 'vitest';
import type { EngineOptions } from './api.ts';
import type { EngineEvent } from './events.ts';
import { advancingWallClock, run } from './run.ts';

async function events(text: string, options: EngineOptions, clockNs?: () => bigint): Promise<{ ev: string[]; status: number }> {
  const ev: string[] = [];
  const onEvent = (e: EngineEvent): void => {
    // Adjacent text events are one stretch of output (how the engine chunks it is not the point).
    if (e.kind === 'text') {
      const last = ev.length - 1;
      if (last >= 0 && ev[last]!.startsWith('text:')) ev[last] += e.text;
      else ev.push(`text:${e.text}`);
    }
    else if (e.kind === 'message') ev.push(`msg:${e.text}`);
    else if (e.kind === 'system' || e.kind === 'freopen') ev.push(`${e.kind}:${e.arg}`);
  };
  const status = await run({ programs: [{ name: 't.d', text, kind: 'file' }], captures: [], options, onEvent }, { wallStartNs: 0n, clockNs });
  return { ev, status };
}

describe('destructive actions performed by the consumer', () => {
  it('system() comes after the text before it, formatted as printf formats', async () => {
    const r = await events('#pragma D option quiet\nBEGIN { printf("a\\n"); system("echo %d %s", 7, "x"); printf("b\\n"); exit(0); }', { destructive: true, hostActions: true });
    expect(r.status).toBe(0);
    expect(r.ev).toEqual(['text:a\n', 'system:echo 7 x', 'text:b\n\n']);
  });

  it('not quiet: the probe line comes before the command, its newline after', async () => {
    const r = await events('BEGIN { system("echo ok"); exit(0); }', { destructive: true, hostActions: true });
    expect(r.ev.slice(2)).toEqual(['text:CPU     ID                    FUNCTION:NAME\n  0      1                           :BEGIN ', 'system:echo ok', 'text:\n\n']);
    expect(r.ev.slice(0, 2)).toEqual(["msg:script 't.d' matched 1 probe", 'msg:allowing destructive actions']);
  });

  it('the destructive option (pragma or -x) allows them as -w does', async () => {
    const viaPragma = await events('#pragma D option quiet\n#pragma D option destructive\nBEGIN { system("true"); exit(0); }', { hostActions: true });
    expect(viaPragma).toEqual({ ev: ['system:true', 'text:\n'], status: 0 });
    const viaX = await events('BEGIN { system("true"); exit(0); }', { hostActions: true, xopts: [['destructive', undefined]], quiet: true });
    expect(viaX.status).toBe(0);
  });

  it('freopen(): formatted path; "" restores (dtrace\'s "." sentinel, which a script may not name)', async () => {
    const r = await events('#pragma D option quiet\nBEGIN { freopen("/tmp/%s.out", "x"); printf("in\\n"); freopen(""); printf("out\\n"); exit(0); }', { destructive: true, hostActions: true });
    expect(r.ev).toEqual(['freopen:/tmp/x.out', 'text:in\n', 'freopen:', 'text:out\n\n']);
    const bad = await events('BEGIN { freopen("."); }', { destructive: true, hostActions: true });
    expect(bad.status).toBe(1);
    expect(bad.ev[0]).toContain('freopen( ) argument #1 cannot be "."');
  });

  it('a faulting clause performs nothing', async () => {
    const r = await events('#pragma D option quiet\nBEGIN { system("echo no"); x = *(int *)0; } BEGIN { exit(0); }', { destructive: true, hostActions: true });
    expect(r.ev.some((e) => e.startsWith('system:'))).toBe(false);
  });

  it('without permission: refused; a consumer that cannot perform them: not supported', async () => {
    const no = await events('BEGIN { system("echo ok"); }', { hostActions: true });
    expect(no.status).toBe(1);
    expect(no.ev).toContain('msg:could not enable tracing: Destructive actions not allowed');
    const web = await events('BEGIN { system("echo ok"); }', { destructive: true });
    expect(web.status).toBe(1);
    expect(web.ev.at(-1)).toMatch(/destructive action system\( \) is not supported/);
    const other = await events('BEGIN { raise(9); }', { destructive: true, hostActions: true });
    expect(other.ev.at(-1)).toMatch(/destructive action raise\( \) is not supported/);
  });
});

describe('walltimestamp without captures', () => {
  it('advances from read to read, by the clock or by 1 ns when the clock has not moved', () => {
    let now = 100n;
    const c = { tsNs: 5, wallDeltaNs: 1000n };
    const wall = advancingWallClock(c, () => now);
    expect(wall()).toBe(1005n);
    expect(wall()).toBe(1006n);
    now += 50n;
    expect(wall()).toBe(1055n);
    c.tsNs = 105; // the virtual clock moved on too
    expect(wall()).toBe(1155n);
  });

  it('two reads in one firing differ, even on a clock that stands still (dtrace reads the clock at each read)', async () => {
    const r = await events('#pragma D option quiet\nBEGIN { a = walltimestamp; b = walltimestamp; printf("%d", b > a); exit(0); }', {}, () => 0n);
    expect(r.ev[0]).toBe('text:1\n');
  });
});
