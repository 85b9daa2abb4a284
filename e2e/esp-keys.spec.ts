/**
 * The ESP keys dialog: keys typed, loaded from a file or brought by an
 * example decrypt a NIC-only IPsec capture so ipio.d prints the tunnel lines
 * the CLI prints with --esp-sa; bad lines are named; keys and a capture's
 * decryption secrets blocks stay out of share links unless the box is ticked.
 */
import { execFileSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { decodeShare } from '../src/ui/lib/share.ts';
import { hasSecrets } from '../src/capture/secrets.ts';
import { monacoReady, setScript, watch } from './helpers.ts';

const CBC = 'samples/captures/blog-ipio-esp-cbc.pcapng';
const CBC_KEYS = 'samples/keys/blog-ipio-esp-cbc.esp_sa';
const DSB_CAPTURE = 'samples/captures/proto2-ipsec-in-esp.pcapng';
const EXPECTED = readFileSync('samples/expected/ipio.blog-ipio-esp.out', 'utf8');

/** Waits for the run after `before` to finish; returns the Output text (stdout and the stderr lines). */
async function nextRun(page: Page, before: number): Promise<string> {
  await page.locator(`.app[data-run-count="${before + 1}"][data-run-status="idle"]`).waitFor({ timeout: 30_000 });
  await page.getByRole('tab', { name: 'Output' }).click();
  return page.getByTestId('output-text').innerText();
}
const runCount = async (page: Page): Promise<number> => Number(await page.locator('.app').getAttribute('data-run-count'));

async function ipioOver(page: Page, capture: string): Promise<string> {
  await page.goto('/');
  await monacoReady(page);
  await page.locator('.app[data-run-status="idle"]').waitFor();
  await setScript(page, readFileSync('samples/scripts/ipio.d', 'utf8'));
  const n = await runCount(page);
  await page.getByLabel('Open capture').setInputFiles(capture);
  return nextRun(page, n);
}

test('keys typed in the dialog decrypt the NIC-only capture: ipio.d prints what the CLI prints with --esp-sa', async ({ page }) => {
  const w = await watch(page);
  const without = await ipioOver(page, CBC);
  expect(without).toContain('nge0');
  expect(without).not.toContain('ip.tun0');

  await page.getByRole('button', { name: 'ESP keys' }).click();
  const dialog = page.getByRole('dialog', { name: 'ESP keys' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('textbox', { name: 'Keys' }).fill(readFileSync(CBC_KEYS, 'utf8'));
  await expect(dialog).toContainText('2 SAs:');
  await expect(dialog).toContainText('IPv4 192.168.1.108 → 192.168.5.1, SPI 0x5a7d01c3: AES-CBC [RFC3602] + HMAC-SHA-1-96 [RFC2404]');
  const n = await runCount(page);
  await dialog.getByRole('button', { name: 'Apply' }).click();
  await expect(dialog).toBeHidden();
  const out = await nextRun(page, n);
  const cli = execFileSync('node', ['bin/wiretrace.mjs', '--esp-sa', CBC_KEYS, '-s', 'samples/scripts/ipio.d', '-r', CBC, '--no-infer-note'], { encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } });
  expect(cli).toBe(EXPECTED);
  // The Output view shows stdout as the CLI writes it (trailing blank line aside).
  expect(out.trim()).toBe(EXPECTED.trim());
  await expect(page.getByRole('button', { name: /ESP keys \(set\)/ })).toBeVisible();
  expect(w.errors).toEqual([]);
  expect(await w.csp()).toEqual([]);
});

test('the dialog names each line it cannot use, and a key file can be loaded', async ({ page }) => {
  await page.goto('/');
  await monacoReady(page);
  await page.getByRole('button', { name: 'ESP keys' }).click();
  const dialog = page.getByRole('dialog', { name: 'ESP keys' });
  const box = dialog.getByRole('textbox', { name: 'Keys' });
  await box.fill('# lab\n"IPv4","*","*","*","TripleDES-CBC [RFC2451]","0x00112233445566778899aabbccddeeff0011223344556677","NULL",""\nnonsense\n');
  await expect(dialog).toContainText('No keys.');
  const problems = dialog.getByRole('list', { name: 'Problems' });
  await expect(problems).toContainText('keys dialog:2:');
  await expect(problems).toContainText(/legacy/i);
  await expect(problems).toContainText('keys dialog:3:');
  await dialog.getByRole('button', { name: 'Clear' }).click();
  await dialog.getByLabel('Load key file…').setInputFiles('samples/keys/blog-ipio-esp-gcm.xfrm');
  await expect(dialog).toContainText('2 SAs:');
  await expect(dialog).toContainText('AES-GCM with 16 octet ICV [RFC4106]');
  await expect(box).toHaveValue(/aead rfc4106\(gcm\(aes\)\)/);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: test.info().outputPath('esp-keys-dialog.png') });
  // Cancel keeps the keys the runs use (none).
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('button', { name: 'ESP keys', exact: true })).toBeVisible();
});

test('an example with keys brings them into the dialog and decrypts', async ({ page }) => {
  await page.goto('/');
  await monacoReady(page);
  await page.locator('.app[data-run-status="idle"]').waitFor();
  const n = await runCount(page);
  await page.getByRole('button', { name: 'Examples' }).click();
  await page.getByRole('menuitem', { name: /keys from ip xfrm state/ }).click();
  const out = await nextRun(page, n);
  expect(out.trim()).toBe(EXPECTED.trim());
  await page.getByRole('button', { name: /ESP keys/ }).click();
  await expect(page.getByRole('dialog', { name: 'ESP keys' }).getByRole('textbox', { name: 'Keys' })).toHaveValue(/spi 0x5a7d01c3/);
});

test('a capture that carries its keys in a decryption secrets block decrypts with no keys given', async ({ page }) => {
  await page.goto('/');
  await monacoReady(page);
  await page.locator('.app[data-run-status="idle"]').waitFor();
  const n = await runCount(page);
  await page.getByRole('button', { name: 'Examples' }).click();
  await page.getByRole('menuitem', { name: /the keys inside the capture/ }).click();
  const out = await nextRun(page, n);
  expect(out.trim()).toBe(readFileSync('samples/expected/ipio01.proto2-ipsec-in.out', 'utf8').trim());
  await expect(page.getByRole('button', { name: 'ESP keys', exact: true })).toBeVisible();
});

test('share links leave the keys and the capture\'s secrets blocks out unless the box is ticked', async ({ page, browser }) => {
  await page.goto('/');
  await monacoReady(page);
  await page.locator('.app[data-run-status="idle"]').waitFor();
  let n = await runCount(page);
  await page.getByLabel('Open capture').setInputFiles(DSB_CAPTURE);
  await nextRun(page, n);
  await page.getByRole('button', { name: 'ESP keys' }).click();
  const keys = page.getByRole('dialog', { name: 'ESP keys' });
  await keys.getByRole('textbox', { name: 'Keys' }).fill(readFileSync('samples/keys/proto2-ipsec-esp.esp_sa', 'utf8'));
  n = await runCount(page);
  await keys.getByRole('button', { name: 'Apply' }).click();
  await nextRun(page, n);

  await page.getByRole('button', { name: 'Share' }).click();
  const share = page.getByRole('dialog', { name: 'Share' });
  const field = share.getByRole('textbox', { name: 'Share link' });
  await expect(field).toHaveValue(/#wt2=/);
  await expect(share.getByTestId('share-secrets')).toHaveText('Left out of the link: the ESP keys and the capture\'s one decryption secrets block.');
  const plain = decodeShare(new URL(await field.inputValue()).hash)!;
  expect(plain.espKeys).toBeUndefined();
  expect(plain.capture).toBeDefined();
  expect(hasSecrets(plain.capture!.bytes)).toBe(false);

  await share.getByRole('checkbox', { name: /Include secrets/ }).check();
  await expect(share.getByTestId('share-secrets')).toContainText('The link carries the ESP keys and the capture\'s one decryption secrets block');
  await expect(field).toHaveValue(/#wt2=/);
  const link = await field.inputValue();
  const full = decodeShare(new URL(link).hash)!;
  expect(full.espKeys).toContain('0x6a1b3f07');
  expect(hasSecrets(full.capture!.bytes)).toBe(true);

  // The link with secrets opens with the keys in place.
  const ctx = await browser.newContext();
  const fresh = await ctx.newPage();
  await fresh.goto(link);
  await monacoReady(fresh);
  await fresh.getByRole('button', { name: /ESP keys \(set\)/ }).click();
  await expect(fresh.getByRole('dialog', { name: 'ESP keys' })).toContainText('2 SAs:');
  await ctx.close();
});

test('a gzip-compressed or cut capture is looked into too: its secrets blocks stay out of the link', async ({ page }) => {
  await page.goto('/');
  await monacoReady(page);
  await page.locator('.app[data-run-status="idle"]').waitFor();
  const dsb = readFileSync(DSB_CAPTURE);
  expect(hasSecrets(dsb)).toBe(true);
  for (const [name, buffer, note] of [
    ['in-esp.pcapng.gz', gzipSync(dsb), /is embedded in the link\./],
    ['in-esp-cut.pcapng', dsb.subarray(0, dsb.length - 10), /embedded in the link, up to byte \d+, where its blocks break off/],
  ] as const) {
    const n = await runCount(page);
    await page.getByLabel('Open capture').setInputFiles({ name, mimeType: 'application/octet-stream', buffer: Buffer.from(buffer) });
    await nextRun(page, n);
    await page.getByRole('button', { name: 'Share' }).click();
    const share = page.getByRole('dialog', { name: 'Share' });
    const field = share.getByRole('textbox', { name: 'Share link' });
    await expect(field).toHaveValue(/#wt2=/);
    await expect(share).toContainText(note);
    await expect(share.getByTestId('share-secrets')).toHaveText('Left out of the link: the capture\'s one decryption secrets block.');
    const st = decodeShare(new URL(await field.inputValue()).hash)!;
    expect(st.capture).toBeDefined();
    expect(hasSecrets(st.capture!.bytes)).toBe(false);
    await share.getByRole('button', { name: 'Close' }).click();
  }
});

test('with keys set, the Timeline\'s frame detail shows the ESP frame decrypted: the inner layers and the plaintext', async ({ page }) => {
  const w = await watch(page);
  await ipioOver(page, CBC);
  await page.getByRole('button', { name: 'ESP keys' }).click();
  const dialog = page.getByRole('dialog', { name: 'ESP keys' });
  await dialog.getByRole('textbox', { name: 'Keys' }).fill(readFileSync(CBC_KEYS, 'utf8'));
  const n = await runCount(page);
  await dialog.getByRole('button', { name: 'Apply' }).click();
  await nextRun(page, n);
  await page.getByRole('tab', { name: 'Timeline' }).click();
  const row = page.getByRole('table', { name: 'Timeline' }).locator('[role="row"][aria-rowindex="2"]');
  await row.click({ timeout: 30_000 });
  const detail = page.getByRole('region', { name: /^Frame \d+$/ });
  await expect(detail).toContainText('ESP decrypted with your keys', { timeout: 30_000 });
  await expect(detail.getByRole('list', { name: 'IP layers' }).getByRole('listitem')).toHaveCount(2);
  expect(w.errors).toEqual([]);
});
