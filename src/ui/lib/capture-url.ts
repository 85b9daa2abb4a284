/**
 * Capture URLs that come from outside (a link's ?capture= parameter, a share
 * link, the Share dialog): read without throwing, refused with a message when
 * they cannot or must not be fetched, and flagged when they are on another
 * origin (the page asks before fetching those: a link must not make the
 * reader's browser fetch from anywhere without their say).
 */

export type CaptureUrlCheck =
  | { ok: true; url: string; name: string; crossOrigin: boolean }
  | { ok: false; error: string };

/**
 * The raw value of ?capture= percent-decoded, or an error when its
 * percent-encoding is malformed (URLSearchParams would silently keep or
 * replace the bad bytes and fetch some other address); null when absent.
 */
export function captureParam(search: string): { value: string } | { error: string } | null {
  const q = search.replace(/^\?/, '');
  for (const part of q.split('&')) {
    const eq = part.indexOf('=');
    const key = eq < 0 ? part : part.slice(0, eq);
    if (key !== 'capture') continue;
    const raw = eq < 0 ? '' : part.slice(eq + 1);
    try {
      return { value: decodeURIComponent(raw.replace(/\+/g, ' ')) };
    } catch {
      return { error: `The link's capture= parameter is not a valid address: its percent-encoding is malformed (${raw.slice(0, 120)}${raw.length > 120 ? '…' : ''}).` };
    }
  }
  return null;
}

/** The last path segment of a URL, percent-decoded when that is valid. */
export function fileNameOf(url: URL): string {
  const last = url.pathname.split('/').pop() || url.hostname || url.href;
  try { return decodeURIComponent(last); } catch { return last; }
}

/** Checks an address before it is fetched as a capture (relative to `base`, the page's address). */
export function checkCaptureUrl(u: string, base: string): CaptureUrlCheck {
  const text = u.trim();
  if (text === '') return { ok: false, error: 'The capture address is empty.' };
  let url: URL;
  try {
    url = new URL(text, base);
  } catch {
    return { ok: false, error: `Not a valid address: ${text.slice(0, 200)}` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, error: `Refused to open ${url.protocol} ${url.protocol === 'javascript:' ? 'code' : 'addresses'} as a capture: only http: and https: addresses are fetched.` };
  }
  return { ok: true, url: url.href, name: fileNameOf(url), crossOrigin: url.origin !== new URL(base).origin };
}
