/**
 * Keyboard and accessibility: a keyboard-only user gets into the editor and
 * out again (Escape then Tab, or Monaco's tab-focus mode), reaches every
 * control and the Hosts tab; an axe-core scan of every tab, in both themes
 * and in classroom mode, finds no serious or critical violation.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { monacoReady } from './helpers.ts';

const TABS = ['Output', 'Aggregations', 'Hosts', 'Timeline', 'Tunnels', 'Capture'];

async function ready(page: Page): Promise<void> {
  await page.goto('/');
  await monacoReady(page);
  await page.locator('.app[data-run-count="1"][data-run-status="idle"]').waitFor({ timeout: 30_000 });
}

const focused = (page: Page): Promise<string> => page.evaluate(() => {
  const a = document.activeElement as HTMLElement | null;
  if (!a) return '';
  if (a.closest('.editor-monaco')) return 'editor';
  return `${a.getAttribute('role') ?? a.tagName.toLowerCase()}:${a.getAttribute('aria-label') ?? a.textContent?.trim().slice(0, 40) ?? ''}`;
});

test('keyboard only: Tab into the editor, Escape then Tab out of it, on to the result tabs and Hosts', async ({ page }) => {
  await ready(page);
  await expect(page.locator('#editor-keys-hint')).toContainText('Esc');
  const seen: string[] = [];
  let f = '';
  for (let i = 0; i < 30 && f !== 'editor'; i++) { await page.keyboard.press('Tab'); f = await focused(page); seen.push(f); }
  expect(f).toBe('editor');
  // Every control of the top bar came before the editor.
  for (const name of ['Examples', 'Run', 'Share', 'Classroom mode', 'dtrace options']) expect(seen.some((s) => s.includes(name)), name).toBe(true);
  // Tab alone indents: focus stays in the editor.
  await page.keyboard.press('Tab');
  expect(await focused(page)).toBe('editor');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  expect(await focused(page)).not.toBe('editor');
  // Shift+Tab back into the editor, Escape then Shift+Tab out backwards.
  await page.keyboard.press('Shift+Tab');
  expect(await focused(page)).toBe('editor');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Shift+Tab');
  // Back to the control the forward walk reached just before the editor.
  expect(await focused(page)).toBe(seen[seen.length - 2]);
  // Forward again to the tab list, then arrows to Hosts.
  for (let i = 0; i < 4 && (await focused(page)) !== 'editor'; i++) await page.keyboard.press('Tab');
  await page.keyboard.press('Escape');
  for (let i = 0; i < 10 && !(await focused(page)).startsWith('tab:'); i++) await page.keyboard.press('Tab');
  expect(await focused(page)).toMatch(/^tab:/);
  for (let i = 0; i < 6 && !(await focused(page)).includes('Hosts'); i++) await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('tab', { name: 'Hosts' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tabpanel')).toContainText(/192\.168\./, { timeout: 20_000 });
});

test('Monaco\'s tab-focus mode (Ctrl+M) makes Tab leave the editor', async ({ page }) => {
  await ready(page);
  await page.locator('.editor-monaco .view-lines').click();
  await page.keyboard.press('Control+M');
  await page.keyboard.press('Tab');
  expect(await focused(page)).not.toBe('editor');
});

for (const theme of ['light', 'dark'] as const) {
  for (const classroom of [false, true]) {
    test(`axe: no serious or critical violation on any tab (${theme} theme${classroom ? ', classroom mode' : ''})`, async ({ page }) => {
      await page.addInitScript((t) => { localStorage.setItem('wiretrace.theme', t); }, theme);
      await ready(page);
      if (classroom) await page.getByRole('button', { name: 'Classroom mode' }).click();
      const found: string[] = [];
      for (const tab of TABS) {
        await page.getByRole('tab', { name: tab }).click();
        await expect(page.getByRole('tab', { name: tab })).toHaveAttribute('aria-selected', 'true');
        // Views that run a script of their own: scan once they have finished.
        if (tab === 'Hosts' || tab === 'Timeline' || tab === 'Tunnels') await page.locator('.view-shell[data-status="done"]').waitFor({ timeout: 30_000 });
        const r = await new AxeBuilder({ page }).analyze();
        for (const v of r.violations) {
          if (v.impact === 'serious' || v.impact === 'critical') found.push(`${tab}: ${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
        }
      }
      expect(found).toEqual([]);
    });
  }
}
