/**
 * What the engine computes, seen through the web app. These tests need the
 * real engine (src/engine/run.ts); each one first checks, in the page, that
 * the engine and the ip provider answer (a build without them fails here).
 * Nothing here asserts on output the app made up.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { bigCapture } from './captures.ts';
import { monacoReady, runAndWait, setScript, watch } from './helpers.ts';

const SAMPLE = 'samples/captures/demo-mixed.pcapng';
const SMALL = 'samples/captures/proto2-tcp4-in.pcapng';

async function requireEngine(page: Page): Promise<void> {
  await page.goto('/');
  await monacoReady(page);
  await page.locator('.app[data-run-status="idle"]').waitFor({ timeout: 30_000 });
  await setScript(page, 'BEGIN { exit(0); }\n');
  const out = await runAndWait(page);
  expect(out).not.toContain('engine not available yet');
}

/** As requireEngine, and the ip provider must be registered (probes over captures). */
async function requireIpProvider(page: Page): Promise<void> {
  await requireEngine(page);
  await setScript(page, 'ip:::send\n{\n}\n');
  const out = await runAndWait(page);
  expect(out).not.toMatch(/does not match any probes/);
}

test('a script runs and its printf text shows in Output', async ({ page }) => {
  await requireEngine(page);
  await setScript(page, 'BEGIN\n{\n\tprintf("hello from %s\\n", "wiretrace");\n\texit(0);\n}\n');
  const out = await runAndWait(page);
  expect(out).toContain('hello from wiretrace');
});

test('aggregations become a sorted table and a chart', async ({ page }) => {
  await requireEngine(page);
  await setScript(page, 'BEGIN\n{\n\t@hits["a"] = count();\n\t@hits["b"] = count();\n\t@hits["b"] = count();\n\texit(0);\n}\n');
  await runAndWait(page);
  await page.getByRole('tab', { name: 'Aggregations' }).click();
  const table = page.getByRole('table', { name: '@hits table' });
  await expect(table).toBeVisible();
  const rows = await table.locator('tbody tr').allInnerTexts();
  expect(rows.map((r) => r.replace(/\s+/g, ' ').trim())).toEqual(['b 2', 'a 1']);
  await expect(page.getByRole('img', { name: '@hits chart' })).toBeVisible();
});

test('a broken script shows a diagnostic at the right line', async ({ page }) => {
  await requireEngine(page);
  await setScript(page, 'BEGIN\n{\n\tx = ;\n}\n');
  await expect(page.getByRole('list', { name: 'Diagnostics' })).toContainText('line 3', { timeout: 10_000 });
  await expect(page.locator('.editor-monaco .squiggly-error')).toHaveCount(1, { timeout: 10_000 });
});

test('the default page (ipio.d) has no diagnostics: the editor knows the network providers', async ({ page }) => {
  await page.goto('/');
  await monacoReady(page);
  await expect(page.locator('.script-name')).toHaveText('ipio.d');
  const editor = page.locator('.editor');
  await expect(editor).toHaveAttribute('data-diagnostics', 'current', { timeout: 15_000 });
  await expect(editor).toHaveAttribute('data-diagnostic-count', '0');
  await expect(page.getByRole('list', { name: 'Diagnostics' })).toHaveCount(0);
  await expect(page.locator('.editor-monaco .squiggly-error, .editor-monaco .squiggly-warning')).toHaveCount(0);
  // A real error still shows, at its line (line 3 of a network script).
  await setScript(page, 'ip:::send\n{\n\t@a = count(;\n}\n');
  await expect(editor).toHaveAttribute('data-diagnostic-count', '1', { timeout: 10_000 });
  await expect(page.getByRole('list', { name: 'Diagnostics' })).toContainText('line 3');
  await expect(page.getByRole('list', { name: 'Diagnostics' })).not.toContainText('D_PDESC_ZERO');
  await expect(page.locator('.editor-monaco .squiggly-error')).toHaveCount(1, { timeout: 10_000 });
  const line = page.locator('.editor-monaco .view-overlays > div').filter({ has: page.locator('.squiggly-error') });
  const top = await line.evaluate((el) => (el as HTMLElement).style.top);
  const lineHeight = await page.locator('.editor-monaco .view-lines > div').first().evaluate((el) => (el as HTMLElement).offsetHeight);
  expect(Number.parseFloat(top) / lineHeight).toBe(2);
});

/** Replaces navigator.clipboard.writeText with a recorder (headless Chromium has no clipboard to read back). */
/** The script with these dtrace options, run by opening the sample capture; ends on the Output tab. */
async function runOnSample(page: Page, script: string, options: string): Promise<void> {
  await setScript(page, script);
  await page.getByLabel('dtrace options').fill(options);
  const before = Number(await page.locator('.app').getAttribute('data-run-count'));
  await page.getByLabel('Open capture').setInputFiles(SAMPLE);
  await page.locator(`.app[data-run-count="${before + 1}"][data-run-status="idle"]`).waitFor({ timeout: 60_000 });
  await page.getByRole('tab', { name: 'Output' }).click();
}

async function recordClipboard(page: Page): Promise<() => Promise<string>> {
  await page.addInitScript(() => {
    const w = window as unknown as { __copied: string };
    w.__copied = '';
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: (t: string) => { w.__copied = t; return Promise.resolve(); } } });
  });
  return () => page.evaluate(() => (window as unknown as { __copied: string }).__copied);
}

test('"Copy as dtrace text" gives exactly what printa printed in Output', async ({ page }) => {
  const copied = await recordClipboard(page);
  await requireEngine(page);
  await setScript(page, [
    '#pragma D option quiet',
    'BEGIN',
    '{',
    '\t@hits["alpha"] = count(); @hits["b"] = count(); @hits["b"] = count();',
    '\t@bytes["x", 80] = sum(1500); @bytes["y", 443] = sum(60);',
    '\t@q = quantize(1); @q = quantize(5); @q = quantize(700); @q = quantize(0);',
    '\t@l["k"] = lquantize(7, 0, 100, 10); @l["k"] = lquantize(55, 0, 100, 10);',
    '\tprinta(@hits); printa(@bytes); printa(@q); printa(@l);',
    '\tprintf("end\\n");',
    '\texit(0);',
    '}',
    '',
  ].join('\n'));
  await runAndWait(page);
  await page.getByRole('button', { name: 'Copy output' }).click();
  const out = await copied();
  await page.getByRole('tab', { name: 'Aggregations' }).click();
  const parts: string[] = [];
  for (const name of ['@hits', '@bytes', '@q', '@l']) {
    await page.getByRole('region', { name: `Aggregation ${name}` }).getByRole('button', { name: 'Copy as dtrace text' }).click();
    parts.push(await copied());
  }
  expect(parts.every((p) => p.length > 1)).toBe(true);
  // Output is the four printa() texts in order, then the printf and dtrace's newline at exit.
  const all = parts.join('');
  expect(out.slice(0, all.length)).toBe(all);
  expect(out.slice(all.length).trim()).toBe('end');
});

test('the first visit\'s Output is byte for byte what the CLI prints for ipio.d over the default capture', async ({ page }) => {
  const copied = await recordClipboard(page);
  await page.goto('/');
  await monacoReady(page);
  await expect(page.locator('.script-name')).toHaveText('ipio.d');
  await expect(page.locator('.capture-name')).toHaveText('blog-ipio-tunnel.pcapng');
  await expect(page.locator('.app')).toHaveAttribute('data-run-status', 'idle', { timeout: 30_000 });
  await expect(page.getByTestId('output-text')).not.toBeEmpty();
  await page.getByRole('button', { name: 'Copy output' }).click();
  const cli = spawnSync('node', ['bin/wiretrace.mjs', '-s', 'samples/scripts/ipio.d', '-r', 'samples/captures/blog-ipio-tunnel.pcapng'], { encoding: 'utf8' });
  expect(cli.status).toBe(0);
  expect(cli.stderr).toBe('');
  expect(cli.stdout.split('\n').length).toBeGreaterThan(4);
  expect(await copied()).toBe(cli.stdout);
  // And what is on screen is that text (the virtualised view shows every line of this short output).
  expect((await page.getByTestId('output-text').innerText()).trimEnd()).toBe(cli.stdout.trimEnd());
});

test('Stop ends a long run at once', async ({ page }) => {
  await requireEngine(page);
  await setScript(page, 'tick-1ms\n{\n\t@ticks = count();\n}\n');
  const app = page.locator('.app');
  const stop = page.getByRole('button', { name: 'Stop' });
  const n = Number(await app.getAttribute('data-run-count'));
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  // Count and status change together: once the count moved, the status says whether the run is still going.
  await expect(app).toHaveAttribute('data-run-count', String(n + 1));
  if ((await app.getAttribute('data-run-status')) !== 'idle') {
    const t0 = Date.now();
    // The run may end on its own between the status read and the click (Stop is then
    // disabled and a plain click would wait for it for the whole test timeout).
    await stop.click({ timeout: 2_000 }).catch(() => undefined);
    await expect(app).toHaveAttribute('data-run-status', 'idle', { timeout: 2_000 });
    test.info().annotations.push({ type: 'stop latency', description: `${Date.now() - t0} ms` });
  }
  await expect(stop).toBeDisabled();
});

test('opening a capture runs the script over it; Hosts agree with the CLI', async ({ page }) => {
  const w = await watch(page);
  await requireIpProvider(page);
  await page.getByLabel('Open capture').setInputFiles(SAMPLE);
  await expect(page.locator('.capture-name')).toHaveText('demo-mixed.pcapng');
  await page.getByRole('tab', { name: 'Hosts' }).click();
  const table = page.getByRole('table', { name: 'Hosts' });
  await expect(table).toBeVisible({ timeout: 30_000 });
  const ui = new Map<string, number>();
  for (const r of await table.locator('tbody tr').all()) {
    const cells = (await r.locator('td').allInnerTexts()).map((c) => c.trim());
    ui.set(cells[0]!, Number(cells[1]!.replace(/,/g, '')));
  }
  // hosts.d's @sent_pkts, as a one-aggregation program on the command line.
  const cli = execFileSync('node', ['bin/wiretrace.mjs', '-n', 'ip:::send, ip:::receive { @[args[2]->ip_saddr] = count(); }', '-r', SAMPLE], { encoding: 'utf8' });
  let compared = 0;
  for (const line of cli.split('\n')) {
    const m = /^\s+(\S+)\s+(\d+)\s*$/.exec(line);
    if (!m) continue;
    expect(ui.get(m[1]!), `packets sent by ${m[1]}`).toBe(Number(m[2]));
    compared++;
  }
  expect(compared).toBeGreaterThan(0);
  expect(await w.csp()).toEqual([]);
});

test('a small capture travels inside the share link', async ({ page, browser }) => {
  await requireIpProvider(page);
  await page.getByLabel('Open capture').setInputFiles({ name: 'shared.pcapng', mimeType: 'application/octet-stream', buffer: readFileSync(SMALL) });
  await setScript(page, 'ip:::send,\nip:::receive\n{\n\t@n = count();\n}\n');
  const out = await runAndWait(page);
  await page.getByRole('button', { name: 'Share' }).click();
  const field = page.getByRole('textbox', { name: 'Share link' });
  await expect(field).toHaveValue(/#wt2=/);
  await expect(page.getByRole('dialog')).toContainText('embedded');
  const link = await field.inputValue();
  const ctx = await browser.newContext();
  const fresh = await ctx.newPage();
  await fresh.goto(link);
  await expect(fresh.locator('.capture-name')).toHaveText('shared.pcapng');
  await expect(fresh.locator('.app[data-run-count="1"][data-run-status="idle"]')).toHaveCount(1, { timeout: 30_000 });
  expect(await fresh.getByTestId('output-text').innerText()).toBe(out);
  await ctx.close();
});

test('Tunnels groups the IPsec sample\'s ESP packets with the tunnel packets they carried', async ({ page }) => {
  const ipsec = 'samples/captures/proto2-ipsec-out.pcapng';
  await requireIpProvider(page);
  await page.getByLabel('Open capture').setInputFiles(ipsec);
  await page.getByRole('tab', { name: 'Tunnels' }).click();
  const table = page.getByRole('table', { name: 'Tunnel interfaces' });
  await expect(table).toBeVisible({ timeout: 30_000 });
  // tshark shows SSH/TCP on ip.tun0 and ESP on nge0, tens of microseconds apart.
  await expect(table.locator('tbody tr').first()).toContainText('nge0');
  await expect(table.locator('tbody tr').first()).toContainText('ip.tun0');
  await expect(table.locator('tbody tr').first()).toContainText('inferred');
});

test('Timeline lists one row per IP layer, filterable', async ({ page }) => {
  await requireIpProvider(page);
  await page.getByLabel('Open capture').setInputFiles(SAMPLE);
  await page.getByRole('tab', { name: 'Timeline' }).click();
  const rows = page.getByRole('table', { name: 'Timeline' }).getByRole('row');
  await expect(rows.nth(1)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('img', { name: 'Packets and bytes per interval' })).toBeVisible();
  await page.getByRole('searchbox').fill('no-such-host');
  await expect(rows).toHaveCount(1);
});

test('clicking a Timeline row shows that frame\'s layers and its bytes as tshark -x shows them', async ({ page }) => {
  const cap = 'samples/captures/blog-ipio-tunnel.pcapng';
  await requireIpProvider(page);
  await page.getByLabel('Open capture').setInputFiles(cap);
  await page.getByRole('tab', { name: 'Timeline' }).click();
  const rows = page.getByRole('table', { name: 'Timeline' }).getByRole('row');
  await expect(rows.nth(3)).toBeVisible({ timeout: 30_000 });
  const row = rows.nth(3);
  const frame = Number(await row.getByRole('cell').first().innerText());
  await row.click();
  const detail = page.getByRole('region', { name: `Frame ${frame}` });
  await expect(detail).toBeVisible();
  const dump = detail.getByTestId('hexdump');
  await expect(dump).toBeVisible({ timeout: 15_000 });
  const tshark = execFileSync('tshark', ['-r', cap, '-x', '-Y', `frame.number == ${frame}`], { encoding: 'utf8' }).trimEnd();
  expect((await dump.innerText()).trimEnd()).toBe(tshark);
  // The decoder's layers, outermost first (tshark: frame.protocols, less its own "frame" entry).
  const protos = execFileSync('tshark', ['-r', cap, '-T', 'fields', '-e', 'frame.protocols', '-Y', `frame.number == ${frame}`], { encoding: 'utf8' }).trim().split(':');
  const layers = await detail.getByRole('list', { name: 'Layers', exact: true }).getByRole('listitem').allInnerTexts();
  const TSHARK_NAME: Record<string, string> = { Ethernet: 'eth', IPv4: 'ip', IPv6: 'ipv6', TCP: 'tcp', UDP: 'udp', 'NAT-T': 'udpencap', ESP: 'esp', ICMP: 'icmp', GRE: 'gre' };
  const ours = layers.map((l) => TSHARK_NAME[l.split(' at byte')[0]!.trim()] ?? l);
  expect(ours.length).toBeGreaterThan(1);
  // Our layers, outermost first, are tshark's protocols in the same order (tshark adds pseudo-layers such as "ethertype").
  expect(ours.filter((n) => protos.includes(n))).toEqual(ours);
  expect(protos.filter((p) => ours.includes(p))).toEqual(ours);
  // Bytes are text: the dump holds no markup but its own spans.
  expect(await dump.evaluate((el) => [...el.querySelectorAll('*')].every((n) => n.tagName === 'DIV' || n.tagName === 'SPAN'))).toBe(true);
  await detail.getByRole('button', { name: 'Close' }).focus();
  await page.keyboard.press('Escape');
  await expect(detail).toHaveCount(0);
});

test('a step replay lets packets in one at a time, as a live session sees them', async ({ page }) => {
  await requireIpProvider(page);
  const runs = Number(await page.locator('.app').getAttribute('data-run-count'));
  await page.getByRole('button', { name: 'Examples' }).click();
  await page.getByRole('menuitem', { name: /^ipio\.d: an IPsec tunnel/ }).click();
  // Wait for the example's own run (status is still "idle" from the previous run right after the click).
  await page.locator(`.app[data-run-count="${runs + 1}"][data-run-status="idle"]`).waitFor({ timeout: 30_000 });
  const full = (await page.getByTestId('output-text').innerText()).trimEnd().split('\n');
  await page.getByLabel('Pace').selectOption('step');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  const next = page.getByRole('button', { name: 'Next packet' });
  await expect(next).toBeVisible();
  const out = page.getByTestId('output-text');
  const lines = async () => ((await out.count()) ? (await out.innerText()).trimEnd().split('\n').length : 0);
  // Nothing has fired yet but BEGIN (whose header may wait for the first packet, as piped output does).
  expect(await lines()).toBeLessThanOrEqual(1);
  // The page shows the replay's position and the capture's own clock, not "Starting…".
  const clock = page.getByTestId('replay-clock');
  await expect(clock).toHaveText('capture clock 0.000000 s · packet 0 of 6');
  await page.locator('body').press('n');
  await expect.poll(lines).toBe(2);
  await expect(clock).toHaveText('capture clock 0.000000 s · packet 1 of 6');
  await next.click();
  await expect.poll(lines).toBe(3);
  await expect(clock).toHaveText('capture clock 0.000073 s · packet 2 of 6');
  // The button goes away when the run ends, possibly between the check and the click: a short timeout.
  while (await next.isVisible()) await next.click({ timeout: 1_000 }).catch(() => undefined);
  await expect(page.locator('.app')).toHaveAttribute('data-run-status', 'idle', { timeout: 10_000 });
  expect((await out.innerText()).trimEnd().split('\n')).toEqual(full);
});

test('the capture\'s summary pass waits for the run that reads the capture, unless the Capture tab is open', async ({ page }) => {
  await requireIpProvider(page);
  const app = page.locator('.app');
  // A step replay keeps its run going until the packets are let in: the summary must not read the file beside it.
  await page.getByLabel('Pace').selectOption('step');
  const runs = Number(await app.getAttribute('data-run-count'));
  await page.getByLabel('Open capture').setInputFiles(SAMPLE);
  await page.locator(`.app[data-run-count="${runs + 1}"][data-run-status="running"]`).waitFor({ timeout: 30_000 });
  await expect(app).toHaveAttribute('data-capture-summary', 'waiting');
  await page.waitForTimeout(500);
  await expect(app).toHaveAttribute('data-capture-summary', 'waiting');
  // Opening the tab that shows it starts it at once, while the run still waits for packets.
  await page.getByRole('tab', { name: 'Capture' }).click();
  await expect(app).toHaveAttribute('data-capture-summary', 'done', { timeout: 15_000 });
  await expect(page.locator('.facts')).toContainText('Packets');
  await expect(app).toHaveAttribute('data-run-status', 'running');
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(app).toHaveAttribute('data-run-status', 'idle', { timeout: 10_000 });
  // On another tab, the run's end starts it.
  await page.getByRole('tab', { name: 'Output' }).click();
  await page.getByLabel('Pace').selectOption('full');
  await page.getByLabel('Open capture').setInputFiles(SAMPLE);
  await expect(app).toHaveAttribute('data-run-count', String(runs + 2), { timeout: 30_000 });
  await expect(app).toHaveAttribute('data-capture-summary', 'done', { timeout: 15_000 });
  await page.getByRole('tab', { name: 'Capture' }).click();
  await expect(page.locator('.facts')).toContainText('Packets');
});

test('a summary pass reading beside a view\'s run makes way for it, and runs again when the view is done', async ({ page }) => {
  test.setTimeout(180_000);
  await requireIpProvider(page);
  const app = page.locator('.app');
  // A script that ends at once: its run is over as soon as the capture opens, and the summary pass starts reading.
  await setScript(page, 'BEGIN { exit(0); }\n');
  const runs = Number(await app.getAttribute('data-run-count'));
  await page.getByLabel('Open capture').setInputFiles(bigCapture(1_000_000));
  await page.locator(`.app[data-run-count="${runs + 1}"][data-run-status="idle"]`).waitFor({ timeout: 60_000 });
  await expect(app).toHaveAttribute('data-capture-summary', 'reading');
  // Hosts runs hosts.d over the whole file: the summary stops reading beside it and waits again.
  await page.locator('#tab-hosts').click();
  await expect(app).toHaveAttribute('data-capture-summary', 'waiting');
  await page.locator('.view-shell[data-status="done"]').waitFor({ timeout: 120_000 });
  await expect(app).toHaveAttribute('data-capture-summary', 'done', { timeout: 60_000 });
  await page.getByRole('tab', { name: 'Capture' }).click();
  await expect(page.locator('.facts')).toContainText('1,000,000');
});

test('a damaged capture shows its warning; an unreadable one its one clear error', async ({ page }) => {
  await requireIpProvider(page);
  const cut = readFileSync(SAMPLE).subarray(0, 30_000);
  await page.getByLabel('Open capture').setInputFiles({ name: 'cut.pcapng', mimeType: 'application/octet-stream', buffer: Buffer.from(cut) });
  await expect(page.locator('.app')).toHaveAttribute('data-run-status', 'idle', { timeout: 30_000 });
  await expect(page.getByTestId('output-text')).toContainText(/wiretrace: frame \d+: capture truncated/);
  await page.getByRole('tab', { name: 'Capture' }).click();
  await expect(page.getByRole('list', { name: 'Capture warnings' })).toContainText(/frame \d+: .*truncated/, { timeout: 15_000 });

  await page.getByRole('tab', { name: 'Output' }).click();
  await page.getByLabel('Open capture').setInputFiles({ name: 'bad.pcap', mimeType: 'application/octet-stream', buffer: Buffer.from('garbage!garbage!') });
  await expect(page.locator('.app')).toHaveAttribute('data-run-status', 'idle', { timeout: 30_000 });
  await expect(page.getByTestId('output-text')).toContainText('bad.pcap: expected a pcap or pcapng file, found bytes 67 61 72 62 at offset 0');
  await page.getByRole('tab', { name: 'Capture' }).click();
  await expect(page.locator('.facts')).toContainText('expected a pcap or pcapng file');
});

test('UTF-8 text from a capture shows as the CLI prints it (D byte strings read as UTF-8)', async ({ page }) => {
  await requireIpProvider(page);
  const { PcapngWriter } = await import('../src/capture/write.ts');
  const { eth, ipv4, udp } = await import('../samples/gen/craft.ts');
  const w = new PcapngWriter();
  w.shb();
  w.idb(1, 262144, [{ code: 2, str: 'café€' }]);
  w.epb(0, 1_700_000_000_000_000_000n, eth('02:00:00:00:00:01', '02:00:00:00:00:02', ipv4({ src: '10.0.0.1', dst: '10.0.0.2' }, udp({ sport: 1, dport: 2 }, 'x'))));
  const cap = w.take();
  const file = test.info().outputPath('utf8.pcapng');
  writeFileSync(file, cap);
  const script = 'ip:::receive\n{\n\tprintf("%s %d\\n", args[3]->if_name, strlen(args[3]->if_name));\n}\n';
  await page.getByLabel('Open capture').setInputFiles(file);
  await expect(page.locator('.app[data-run-status="idle"]')).toHaveCount(1, { timeout: 30_000 });
  await setScript(page, `#pragma D option quiet\n${script}`);
  const out = await runAndWait(page);
  const cli = execFileSync('node', ['bin/wiretrace.mjs', '-q', '-n', script.replace(/\n/g, ' '), '-r', file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  expect(cli).toBe('café€ 8\n\n');
  expect(out).toContain('café€ 8');
  // Download output: the bytes the CLI writes, as the worker sent them (not text decoded and encoded again);
  // its stderr lines (the inference note) are in their places, as in Output.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download output' }).click()]);
  const stdout = readFileSync(await download.path(), 'latin1').split('\n').filter((l) => !l.startsWith('wiretrace: ')).join('\n');
  expect(stdout).toBe(Buffer.from(cli, 'utf8').toString('latin1'));
});

test('bytes that are not UTF-8 show as U+FFFD, and Download output keeps them as the CLI writes them', async ({ page }) => {
  await page.goto('/');
  await monacoReady(page);
  await expect(page.locator('.app')).toHaveAttribute('data-run-status', 'idle', { timeout: 30_000 });
  const script = 'BEGIN { printf("a%cb\\n", 255); exit(0); }';
  await setScript(page, `#pragma D option quiet\n${script}\n`);
  const out = await runAndWait(page);
  expect(out).toContain('a\ufffdb');
  const cli = execFileSync('node', ['bin/wiretrace.mjs', '-q', '-n', script]);
  expect([...cli]).toEqual([0x61, 0xff, 0x62, 0x0a, 0x0a]);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download output' }).click()]);
  expect([...readFileSync(await download.path())]).toEqual([...cli]);
});

test('-x ncpu=2 in the options spreads the run over two nested Web Workers and prints what one thread prints', async ({ page }) => {
  const w = await watch(page);
  await requireIpProvider(page);
  const script = 'ip:::send, ip:::receive { @[args[2]->ip_saddr, args[3]->if_name] = count(); @b[probename] = sum(args[2]->ip_plength); }\n';
  await runOnSample(page, script, '-v -x ncpu=2');
  const out = await page.getByTestId('output-text').innerText();
  expect(out).toContain('wiretrace: 2 workers (-x ncpu=2)');
  const one = execFileSync('node', ['bin/wiretrace.mjs', '-x', 'ncpu=1', '-n', script, '-r', SAMPLE, '--no-infer-note'], { encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } });
  const stdout = out.split('\n').filter((l) => !l.startsWith('wiretrace: ')).join('\n');
  expect(stdout.trim()).toBe(one.trim());
  expect(w.errors).toEqual([]);
  expect(await w.csp()).toEqual([]);
});

test('-x recfmt=parquet in the options: the page offers the records file, the same bytes the CLI writes with -o', async ({ page }) => {
  const w = await watch(page);
  await requireIpProvider(page);
  const script = readFileSync('samples/scripts/ipio.d', 'utf8');
  await runOnSample(page, script, '-x recfmt=parquet');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download records (Parquet)' }).click()]);
  const got = readFileSync(await download.path());
  const file = `test-results/records-${process.pid}.parquet`;
  execFileSync('node', ['bin/wiretrace.mjs', '-x', 'recfmt=parquet', '-o', file, '-s', 'samples/scripts/ipio.d', '-r', SAMPLE, '--no-infer-note'], { encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } });
  expect(got.equals(readFileSync(file))).toBe(true);
  expect(w.errors).toEqual([]);
});
