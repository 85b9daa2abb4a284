import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';

// Debian's Chromium when present (Playwright cannot download its own here),
// otherwise whatever browser Playwright has installed.
const debianChromium = '/usr/bin/chromium';
const executablePath = process.env.WIRETRACE_CHROMIUM ?? (existsSync(debianChromium) ? debianChromium : undefined);
// Another port lets two checkouts (or two people) run the e2e suite at once.
const port = Number(process.env.WIRETRACE_E2E_PORT ?? 4173);

export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  retries: 0,
  workers: 1,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: 'chromium',
    launchOptions: {
      executablePath,
      args: [
        '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync',
      ],
    },
  },
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${port} --strictPort`,
    url: `http://127.0.0.1:${port}`,
    // Never reuse: a server left from another checkout would test the wrong build.
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
