/**
 * The derived views (Tunnels, Hosts, Timeline) on captures of the kinds users
 * bring: GENEVE and ERSPAN tunnels decoded inside the frame (made with the
 * repo's generator, test/fixtures/gen-decode.ts, and checked against tshark
 * there), and a loopback capture taken with tcpdump on lo
 * (test/fixtures/real/lo-mixed.pcap). The expected figures are packets.d's
 * and hosts.d's lines as the CLI prints them over the same files.
 */
import { execFileSync } from 'node:child_process';
import { expect, test, type Page } from '@playwright/test';
import { monacoReady } from './helpers.ts';

const GENEVE = 'test/fixtures/captures/decode-geneve.pcap';
const TUNNELS2 = 'test/fixtures/captures/decode-tunnels2.pcap';
const LOOPBACK = 'test/fixtures/real/lo-mixed.pcap';

async function open(page: Page, file: string): Promise<void> {
  await page.goto('/');
  await monacoReady(page);
  await page.locator('.app[data-run-count="1"][data-run-status="idle"]').waitFor({ timeout: 30_000 });
  await page.getByLabel('Open capture').setInputFiles(file);
  await page.locator('.app[data-run-count="2"][data-run-status="idle"]').waitFor({ timeout: 30_000 });
}

/** The final Tunnels figures: the summary line and the interface-pair table's rows as text cells. */
async function tunnels(page: Page): Promise<{ summary: string; rows: string[][] }> {
  await page.getByRole('tab', { name: 'Tunnels' }).click();
  const final = page.locator('.tunnels[data-final="true"], .tunnels-empty[data-final="true"]');
  await expect(final).toHaveCount(1, { timeout: 30_000 });
  const summary = (await final.evaluate((el) => (el.tagName === 'P' ? el : el.querySelector('p'))!.textContent!)).replace(/\s+/g, ' ').trim();
  const table = page.getByRole('table', { name: 'Tunnel interfaces' });
  const rows = (await table.count()) ? await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent!.trim()))) : [];
  return { summary, rows };
}

test('GENEVE: the tunnelled frames and nothing inferred; the count says it is final', async ({ page }) => {
  await open(page, GENEVE);
  const t = await tunnels(page);
  // CLI: eth0 110 + 119 + 69 outer bytes, geneve0 60 + 61 + 33 inner.
  expect(t.summary).toBe('3 tunnelled packets; encapsulation overhead 144 bytes in total.');
  expect(t.rows).toEqual([['eth0', 'geneve0', '3', '298', '154', '144', '48.0', 'same frame']]);
  expect(t.summary).not.toContain('inferred');
});

test('ERSPAN sent: the outer header is the NIC and the inner the tunnel, with a positive overhead', async ({ page }) => {
  await open(page, TUNNELS2);
  // The capture states no direction: make 203.0.113.5 local, so its ERSPAN frames are sent.
  await page.getByRole('tab', { name: 'Capture' }).click();
  await page.getByLabel(/Local hosts/).fill('203.0.113.5');
  await page.getByRole('button', { name: 'Apply and re-run' }).click();
  const t = await tunnels(page);
  const gre = t.rows.filter((r) => r[1] === 'gre0');
  expect(gre).toHaveLength(1);
  // Frames 5 and 6 (CLI: eth0 110 + 115 outer bytes, gre0 60 + 61 inner): eth0 → gre0, overhead 104.
  expect(gre[0]!.slice(0, 6)).toEqual(['eth0', 'gre0', '2', '225', '121', '104']);
  expect(t.rows.some((r) => r[0] === 'gre0' || Number(r[5]) < 0)).toBe(false);
  expect(t.summary).not.toContain('inferred');
});

test('loopback: each IP layer counts once in Hosts, and loopback is never a tunnel', async ({ page }) => {
  await open(page, LOOPBACK);
  const t = await tunnels(page);
  expect(t.summary).toMatch(/^No tunnelled packets/);
  await page.getByRole('tab', { name: 'Hosts' }).click();
  const table = page.getByRole('table', { name: 'Hosts' });
  await expect(table).toBeVisible({ timeout: 30_000 });
  const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent!.trim())));
  const frames = Number(execFileSync('tshark', ['-r', LOOPBACK, '-T', 'fields', '-e', 'frame.number']).toString().trim().split('\n').length);
  const sent = rows.reduce((a, r) => a + Number(r[1]!.replace(/,/g, '')), 0);
  const recv = rows.reduce((a, r) => a + Number(r[2]!.replace(/,/g, '')), 0);
  // One IP layer per frame: each counts once as sent (by its source) and once as received (by its destination).
  expect(sent).toBe(frames);
  expect(recv).toBe(frames);
});

test('Timeline DELTA(us) truncates as ipio.d\'s integer division does', async ({ page }) => {
  // The default example (ipio.d over blog-ipio-tunnel.pcapng) prints 18325 where rounding would give 18326.
  await page.goto('/');
  await monacoReady(page);
  await page.locator('.app[data-run-count="1"][data-run-status="idle"]').waitFor({ timeout: 30_000 });
  const ipio = (await page.getByTestId('output-text').innerText()).split('\n').filter((l) => /^\s+\d+\s+\d+\s/.test(l)).map((l) => l.trim().split(/\s+/)[1]);
  await page.getByRole('tab', { name: 'Timeline' }).click();
  await page.locator('.view-shell[data-status="done"]').waitFor({ timeout: 30_000 });
  const deltas = await page.getByRole('table', { name: 'Timeline' }).locator('.vbody [role="row"]').evaluateAll((rs) => rs.map((r) => r.querySelectorAll('[role="cell"]')[2]!.textContent));
  expect(deltas).toEqual(ipio);
  expect(deltas).toContain('18325');
});
