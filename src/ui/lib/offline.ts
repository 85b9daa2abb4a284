/**
 * Registers the service worker that vite.config.ts generates (dist/web/sw.js),
 * so the app works offline once it has loaded. Only over http(s) (not file:,
 * not a blob: or data: embedding) and only for a script of this origin, which
 * is also all the CSP's `worker-src 'self'` allows.
 */
export function offlineWorkerUrl(base: string, loc: { protocol: string; origin: string; href: string }): URL | null {
  if (loc.protocol !== 'http:' && loc.protocol !== 'https:') return null;
  const url = new URL(`${base.endsWith('/') ? base : `${base}/`}sw.js`, loc.href);
  return url.origin === loc.origin ? url : null;
}

export function registerOfflineWorker(base: string): void {
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  const url = offlineWorkerUrl(base, location);
  if (!url) return;
  // After the first paint: installing precaches the whole build, which must not compete with start-up.
  const go = (): void => {
    navigator.serviceWorker.register(url, { scope: new URL('./', url).pathname }).catch(() => {
      /* private mode or blocked storage: the app still works online */
    });
  };
  if (document.readyState === 'complete') go();
  else window.addEventListener('load', go, { once: true });
}
