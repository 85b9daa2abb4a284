/**
 * Classroom mode at a projector's 1280x720: the default example's columns
 * (through INT and BYTES), the Timeline's Destination, Interface and Bytes,
 * and every tab label are visible without touching the splitter.
 */
import { expect, test, type Page } from '@playwright/test';
import { monacoReady } from './helpers.ts';

test.use({ viewport: { width: 1280, height: 720 } });

/** The box of the first occurrence of `text` in the element's text (a Range: the Output is one text block). */
async function textBox(page: Page, selector: string, text: string): Promise<{ left: number; right: number } | null> {
  return page.evaluate(([sel, t]) => {
    const el = document.querySelector(sel!);
    if (!el) return null;
    const walk = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = walk.nextNode(); n; n = walk.nextNode()) {
      const i = n.textContent!.indexOf(t!);
      if (i < 0) continue;
      const r = document.createRange();
      r.setStart(n, i);
      r.setEnd(n, i + t!.length);
      const b = r.getBoundingClientRect();
      return { left: b.left, right: b.right };
    }
    return null;
  }, [selector, text]);
}

/** The visible horizontal extent of an element (clipped by every scrolling or clipping ancestor and the viewport). */
async function visibleExtent(page: Page, selector: string): Promise<{ left: number; right: number }> {
  return page.evaluate((sel) => {
    let el: Element | null = document.querySelector(sel);
    let left = 0;
    let right = window.innerWidth;
    for (el = el?.parentElement ?? null; el; el = el.parentElement) {
      const cs = getComputedStyle(el);
      if (cs.overflowX !== 'visible') { const b = el.getBoundingClientRect(); left = Math.max(left, b.left); right = Math.min(right, b.right); }
    }
    return { left, right };
  }, selector);
}

test('classroom mode at 1280x720 shows the Output through BYTES, the Timeline through Bytes, and every tab label', async ({ page }) => {
  await page.goto('/');
  await monacoReady(page);
  await page.locator('.app[data-run-count="1"][data-run-status="idle"]').waitFor({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Classroom mode' }).click();
  await expect(page.locator(':root[data-classroom="on"]')).toHaveCount(1);

  for (const name of ['Output', 'Aggregations', 'Hosts', 'Timeline', 'Tunnels', 'Capture']) {
    const tab = page.getByRole('tab', { name });
    const box = (await tab.boundingBox())!;
    expect(box.x + box.width, `${name} tab`).toBeLessThanOrEqual(1280);
    expect(await tab.evaluate((el) => el.scrollWidth <= el.clientWidth), `${name} label not cut`).toBe(true);
  }

  const out = await visibleExtent(page, '[data-testid="output-text"]');
  for (const col of ['INT', 'BYTES']) {
    const b = await textBox(page, '[data-testid="output-text"]', col);
    expect(b, col).not.toBeNull();
    expect(b!.right, `Output ${col}`).toBeLessThanOrEqual(out.right);
  }

  await page.getByRole('tab', { name: 'Timeline' }).click();
  await page.locator('.view-shell[data-status="done"]').waitFor({ timeout: 30_000 });
  const tl = await visibleExtent(page, '.vtable .vhead');
  for (const col of ['Destination', 'Interface', 'Bytes']) {
    const h = page.getByRole('columnheader', { name: col, exact: true });
    const b = (await h.boundingBox())!;
    expect(b.x + b.width, `Timeline ${col}`).toBeLessThanOrEqual(tl.right);
    expect(await h.evaluate((el) => el.scrollWidth <= el.clientWidth), `Timeline ${col} not cut`).toBe(true);
  }
  // And the widest value of each of those columns in the default capture.
  for (const v of ['192.168.10.75', 'ip.tun0']) {
    const cell = page.getByRole('cell', { name: v, exact: true }).first();
    expect(await cell.evaluate((el) => el.scrollWidth <= el.clientWidth), v).toBe(true);
  }
  await page.screenshot({ path: 'test-results/classroom-1280x720.png' });
});
