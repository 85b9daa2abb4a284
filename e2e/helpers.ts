import { existsSync } from 'node:fs';
import { expect, type Locator, type Page } from '@playwright/test';

/** Collects CSP violations (from before the first script runs) and console errors for a page. */
export async function watch(page: Page): Promise<{ csp: () => Promise<string[]>; errors: string[] }> {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return { csp: () => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp), errors };
}

/** Waits until Monaco has replaced the plain textarea and start-up (link or default sample) is applied. */
export async function monacoReady(page: Page): Promise<void> {
  await page.locator('.editor-monaco:not([hidden]) .monaco-editor').waitFor({ timeout: 20_000 });
  await page.locator('.app[data-ready="true"]').waitFor({ timeout: 20_000 });
}

/** The editor's text as Monaco renders it (visible lines; enough for short scripts). */
export async function editorText(page: Page): Promise<string> {
  const t = await page.locator('.editor-monaco .view-lines').innerText();
  return t.replace(/\u00a0/g, ' ');
}

/** Replaces the editor's content by typing (select all, then type), as a person would. */
export async function setScript(page: Page, text: string): Promise<void> {
  await page.locator('.editor-monaco .view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  // Monaco auto-closes brackets and quotes while typing; insertText pastes the text verbatim.
  await page.keyboard.insertText(text);
}

/** Runs and waits for the run to finish; returns the Output text. */
export async function runAndWait(page: Page): Promise<string> {
  const before = Number(await page.locator('.app').getAttribute('data-run-count'));
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await page.locator(`.app[data-run-count="${before + 1}"][data-run-status="idle"]`).waitFor({ timeout: 30_000 });
  await page.getByRole('tab', { name: 'Output' }).click();
  const out = page.getByTestId('output-text');
  return (await out.count()) ? out.innerText() : '';
}

// Headless Chromium hides scrollbars (--hide-scrollbars); specs that drag one keep them.
// test.use replaces the config's launchOptions whole, so they are restated (playwright.config.ts).
const executablePath = process.env.WIRETRACE_CHROMIUM ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
export const WITH_SCROLLBARS = {
  launchOptions: {
    executablePath,
    ignoreDefaultArgs: ['--hide-scrollbars'],
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  },
};

/** Drags a scroller's vertical scrollbar thumb from the top of its track (it must be scrolled to the top) to a fraction of the track. */
export async function dragThumb(page: Page, el: Locator, toFrac: number): Promise<void> {
  const box = (await el.boundingBox())!;
  const geo = await el.evaluate((n: HTMLElement) => ({ sbw: n.offsetWidth - n.clientWidth, h: n.clientHeight, st: n.scrollTop }));
  expect(geo.st).toBe(0);
  const x = box.x + box.width - geo.sbw / 2;
  // The thumb is at the top; grab it just below where the track starts (classic scrollbars may draw arrow buttons there).
  await page.mouse.move(x, box.y + geo.sbw + 6);
  await page.mouse.down();
  await page.mouse.move(x, box.y + geo.sbw + 6 + (geo.h - 2 * geo.sbw) * toFrac, { steps: 8 });
  await page.mouse.up();
}

/** Records the page's main-thread long tasks (durations, ms) from before its first script; read them with longTasks(). */
export async function recordLongTasks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __long: number[] };
    w.__long = [];
    new PerformanceObserver((l) => { for (const e of l.getEntries()) w.__long.push(e.duration); }).observe({ type: 'longtask' });
  });
}
/** The long tasks recorded since the page loaded or since resetLongTasks(). */
export const longTasks = (page: Page): Promise<number[]> => page.evaluate(() => (window as unknown as { __long: number[] }).__long);
export const clearLongTasks = (page: Page): Promise<void> => page.evaluate(() => { (window as unknown as { __long: number[] }).__long = []; });

/** Loads the app and waits until the editor is ready and the first run is idle. */
export async function appIdle(page: Page): Promise<void> {
  await page.goto('/');
  await monacoReady(page);
  await page.locator('.app[data-run-status="idle"]').waitFor({ timeout: 60_000 });
}
