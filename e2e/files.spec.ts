/**
 * Several captures at once: the file input takes several files and a drop of
 * several files opens them all, merged by time exactly as repeated -r does on
 * the command line (same output), each file named in the Capture tab.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { monacoReady } from './helpers.ts';

const A = 'samples/captures/proto2-udp-dns-out.pcapng';
const B = 'samples/captures/proto2-tcp4-in.pcapng';

function cli(): string {
  const r = spawnSync('node', ['bin/wiretrace.mjs', '-s', 'samples/scripts/ipio.d', '-r', A, '-r', B], { encoding: 'utf8' });
  expect(r.status).toBe(0);
  expect(r.stderr).toBe('');
  return r.stdout;
}

async function ready(page: Page): Promise<void> {
  await page.goto('/');
  await monacoReady(page);
  await page.locator('.app[data-run-count="1"][data-run-status="idle"]').waitFor({ timeout: 30_000 });
}

async function checkMerged(page: Page): Promise<void> {
  await page.locator('.app[data-run-count="2"][data-run-status="idle"]').waitFor({ timeout: 30_000 });
  await expect(page.locator('.context')).toContainText('proto2-udp-dns-out.pcapng + 1 more');
  const want = cli();
  // Lines of both files, in time order.
  expect(want).toContain('192.168.1.5');
  expect(want).toContain('192.168.1.109');
  expect((await page.getByTestId('output-text').innerText()).trimEnd()).toBe(want.trimEnd());
  await page.getByRole('tab', { name: 'Capture' }).click();
  const files = page.getByRole('region', { name: 'Files' });
  await expect(files).toContainText('proto2-udp-dns-out.pcapng');
  await expect(files).toContainText('proto2-tcp4-in.pcapng');
  await expect(files.locator('li')).toHaveCount(2);
  await expect(files).toContainText(/packets[\s\S]*packets/, { timeout: 15_000 });
}

test('the file input opens several files, merged by time as repeated -r does', async ({ page }) => {
  await ready(page);
  await page.getByLabel('Open capture').setInputFiles([A, B]);
  await checkMerged(page);
});

test('a drop of several files opens them all', async ({ page }) => {
  await ready(page);
  const a = [...readFileSync(A)];
  const b = [...readFileSync(B)];
  const dt = await page.evaluateHandle(([x, y]) => {
    const d = new DataTransfer();
    d.items.add(new File([new Uint8Array(x!)], 'proto2-udp-dns-out.pcapng'));
    d.items.add(new File([new Uint8Array(y!)], 'proto2-tcp4-in.pcapng'));
    return d;
  }, [a, b]);
  await page.dispatchEvent('main', 'dragenter', { dataTransfer: dt });
  await page.dispatchEvent('main', 'drop', { dataTransfer: dt });
  await checkMerged(page);
});
