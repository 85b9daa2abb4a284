/**
 * The page's load as a reader's browser runs it: Chromium started on its own, with no DevTools
 * protocol attached. Playwright's session enables V8's inspector, and with it every `new Error()`
 * records where it was made: Monaco's context-key module makes one while it loads, and V8 then
 * re-parses the whole 2.7 MB chunk to find the line (a 120-330 ms task that a reader's browser never
 * has). So bench:web times the load here: a copy of the build whose page first loads a small probe
 * (long tasks and long animation frames, from the page's first script until the editor is up), a
 * plain HTTP server for it, and Chromium with a fresh profile each time, which posts what it saw.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';

const PROBE = `const tasks = [];
new PerformanceObserver((l) => { for (const e of l.getEntries()) tasks.push(Math.round(e.duration)); }).observe({ type: 'longtask', buffered: true });
const up = () => document.querySelector('.editor-monaco:not([hidden]) .view-line') && document.querySelector('.app[data-ready="true"]');
const wait = () => up() ? setTimeout(() => fetch('./__load-report', { method: 'POST', body: JSON.stringify(tasks) }), 1000) : setTimeout(wait, 50);
wait();
`;

const TYPES: Record<string, string> = { '.js': 'text/javascript', '.html': 'text/html', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.ttf': 'font/ttf', '.woff2': 'font/woff2' };

/** Long tasks (ms) of each of `runs` loads of the built page in `dist`. */
export async function loadsWithoutDevtools(dist: string, chromium: string, args: string[], display: string | null, runs: number): Promise<number[][]> {
  const dir = mkdtempSync(join(tmpdir(), 'wiretrace-load-'));
  const site = join(dir, 'site');
  cpSync(dist, site, { recursive: true });
  writeFileSync(join(site, '__load-probe.js'), PROBE);
  const html = readFileSync(join(site, 'index.html'), 'utf8');
  writeFileSync(join(site, 'index.html'), html.replace('<head>', '<head><script src="./__load-probe.js"></script>'));
  let report: ((tasks: number[]) => void) | null = null;
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    if (req.method === 'POST' && path === '/__load-report') {
      let body = '';
      req.on('data', (c: Buffer) => { body += c.toString(); });
      req.on('end', () => { res.end(); report?.(JSON.parse(body) as number[]); });
      return;
    }
    const file = normalize(join(site, path === '/' ? 'index.html' : path));
    if (!file.startsWith(site)) { res.statusCode = 403; res.end(); return; }
    try {
      const body = readFileSync(file);
      res.setHeader('content-type', TYPES[extname(file)] ?? 'application/octet-stream');
      res.end(body);
    } catch { res.statusCode = 404; res.end(); }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const out: number[][] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const profile = join(dir, `profile-${i}`);
      const got = new Promise<number[]>((resolve, reject) => {
        report = resolve;
        setTimeout(() => reject(new Error('the page did not load within 60 s')), 60_000);
      });
      const browser = spawn(chromium, [...args, ...(display === null ? ['--headless'] : []), `--user-data-dir=${profile}`, url], {
        stdio: 'ignore', env: display === null ? process.env : { ...process.env, DISPLAY: display },
      });
      try { out.push(await got); } finally {
        browser.kill();
        await new Promise((r) => { if (browser.exitCode !== null) r(null); else browser.once('exit', r); });
      }
    }
  } finally {
    server.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}
