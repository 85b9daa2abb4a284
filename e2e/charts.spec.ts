/**
 * Chart text is readable: the quantize/lquantize histograms sit in narrow
 * cells, and their labels once rendered at 5px (a 720-unit viewBox squeezed
 * into 320px). The size on screen is the font size times the SVG's scale.
 */
import { expect, test, type Page } from '@playwright/test';
import { monacoReady, runAndWait, setScript } from './helpers.ts';

async function labelSizes(page: Page): Promise<number[]> {
  return page.locator('.dist .bar-chart').evaluateAll((svgs) => svgs.flatMap((svg) => {
    const s = svg as SVGSVGElement;
    const scale = s.getBoundingClientRect().width / s.viewBox.baseVal.width;
    return [...s.querySelectorAll('text')].map((t) => parseFloat(getComputedStyle(t).fontSize) * scale);
  }));
}

test('histogram labels in Aggregations are at least 12px, and larger in classroom mode', async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 860 });
  await page.goto('/');
  await monacoReady(page);
  await page.locator('.app[data-run-status="idle"]').waitFor();
  const n = Number(await page.locator('.app').getAttribute('data-run-count'));
  await page.getByRole('button', { name: 'Examples' }).click();
  await page.getByRole('menuitem', { name: /^Connection latency/ }).first().click();
  await page.locator(`.app[data-run-count="${n + 1}"][data-run-status="idle"]`).waitFor({ timeout: 60_000 });
  await page.getByRole('tab', { name: 'Aggregations', exact: true }).click();
  await expect(page.locator('.dist .bar-chart').first()).toBeVisible();
  const normal = await labelSizes(page);
  expect(normal.length).toBeGreaterThan(2);
  for (const px of normal) expect(px).toBeGreaterThanOrEqual(12);

  await page.getByRole('button', { name: 'Classroom mode' }).click();
  await expect.poll(async () => Math.min(...await labelSizes(page))).toBeGreaterThanOrEqual(18);
});

test('an aggregation of 25,000 keys: the Aggregations tab shows the last 10,000 and says so', async ({ page }) => {
  await page.goto('/');
  await monacoReady(page);
  // 100 keys a firing (the sample capture lasts long enough for 250 ticks).
  const body = Array.from({ length: 100 }, (_, k) => `@n[i + ${k}] = sum(i + ${k});`).join(' ');
  await setScript(page, `BEGIN { i = 0; } tick-1ms /i < 25000/ { ${body} i += 100; } tick-1ms /i >= 25000/ { exit(0); }`);
  await runAndWait(page);
  await page.getByRole('tab', { name: 'Aggregations', exact: true }).click();
  await expect(page.getByText('The last 10,000 of 25,000 keys in printing order (the largest values); Output has them all.')).toBeVisible();
  // The table holds 10,000 rows but only those in view are in the document; scrolling reaches the last.
  const table = page.getByRole('table', { name: '@n table' });
  await expect(table).toHaveAttribute('aria-rowcount', '10001');
  expect(await table.locator('tbody tr[data-row]').count()).toBeLessThan(200);
  await expect(table.locator('tbody tr[data-row]').first()).toContainText('24,999');
  await table.locator('xpath=..').evaluate((el) => { el.scrollTop = el.scrollHeight; });
  await expect(table.locator('tbody tr[data-row]').last()).toContainText('15,000');
  await expect(table.locator('tbody tr[data-row]').last()).toBeInViewport();
});
