/**
 * The bcc tool examples run in the app as on the command line: picking one
 * from the Examples menu loads its script, capture and options (the real
 * lossy capture needs --local, a plain pcap naming no directions), and the
 * Output is the golden the CLI test holds (samples/expected/).
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { monacoReady, watch } from './helpers.ts';

interface Example { id: string; title: string; expected: string }
const manifest = JSON.parse(readFileSync('samples/manifest.json', 'utf8')) as { examples: Example[] };

for (const id of ['bcc-tcplife-lossy', 'bcc-tcpretrans-lossy', 'bcc-tcpstates']) {
  test(`the ${id} example prints its golden output`, async ({ page }) => {
    const e = manifest.examples.find((x) => x.id === id)!;
    const w = await watch(page);
    await page.goto('/');
    await monacoReady(page);
    await page.locator('.app[data-run-status="idle"]').waitFor({ timeout: 30_000 });
    const runs = Number(await page.locator('.app').getAttribute('data-run-count'));
    await page.getByRole('button', { name: 'Examples' }).click();
    await page.getByRole('menuitem', { name: e.title }).click();
    await page.locator(`.app[data-run-count="${runs + 1}"][data-run-status="idle"]`).waitFor({ timeout: 30_000 });
    await page.getByRole('tab', { name: 'Output' }).click();
    const out = (await page.getByTestId('output-text').innerText()).trimEnd();
    expect(out).toBe(readFileSync(e.expected, 'utf8').trimEnd());
    expect(w.errors).toEqual([]);
  });
}
