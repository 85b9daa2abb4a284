/**
 * Share links: the script, its name, the open tab and the capture (by URL, or
 * embedded when it compresses under EMBED_LIMIT) packed into the URL fragment,
 * which browsers never send to a server.
 *
 * Wire format (version 1): `#wt1=` + base64url(deflate(payload)), where
 * payload = u32le(jsonLength) ‖ utf8(json) ‖ captureBytes. The capture's
 * bytes ride raw inside the one deflate stream rather than base64 inside JSON.
 *
 * ESP keys (the keys dialog's text) ride in the header only when the person
 * ticks the Share dialog's box; otherwise neither they nor an embedded
 * capture's Decryption Secrets Blocks leave the page (actions.ts strips them).
 *
 * Links are untrusted input: decoding validates every field, bounds the
 * inflated size (a small link must not inflate to gigabytes) and never throws.
 */
import { Gunzip, Inflate, deflateSync, strFromU8, strToU8 } from 'fflate';

export const SHARE_PREFIX = 'wt1=';
export const EMBED_LIMIT = 256 * 1024;
export const MAX_INFLATED = 64 * 1024 * 1024;

export interface SharedState {
  script: string;
  name: string;
  tab: string;
  /** The "dtrace options" field. */
  options: string;
  captureUrl?: string;
  capture?: { name: string; bytes: Uint8Array };
  /** The keys dialog's text, only when the person chose to share it. */
  espKeys?: string;
}

/** The longest keys text a link may bring in (a key file is a few lines). */
export const MAX_SHARED_KEYS = 64 * 1024;

interface Header { v: 1; script: string; name: string; tab: string; options?: string; captureUrl?: string; captureName?: string; espKeys?: string }

export function toBase64Url(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64Url(s: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(s)) return null;
  try {
    const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((s.length + 3) % 4));
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  } catch {
    return null;
  }
}

/** The fragment (without '#') for a state; the capture is embedded only when given. */
export function encodeShare(st: SharedState): string {
  const header: Header = { v: 1, script: st.script, name: st.name, tab: st.tab };
  if (st.options) header.options = st.options;
  if (st.captureUrl) header.captureUrl = st.captureUrl;
  if (st.capture) header.captureName = st.capture.name;
  if (st.espKeys) header.espKeys = st.espKeys;
  const json = strToU8(JSON.stringify(header));
  const cap = st.capture?.bytes ?? new Uint8Array(0);
  const payload = new Uint8Array(4 + json.length + cap.length);
  new DataView(payload.buffer).setUint32(0, json.length, true);
  payload.set(json, 4);
  payload.set(cap, 4 + json.length);
  return SHARE_PREFIX + toBase64Url(deflateSync(payload, { level: 9 }));
}

/** Size of the capture once deflated, to decide between embedding and linking. */
export function compressedSize(bytes: Uint8Array): number {
  return deflateSync(bytes, { level: 6 }).length;
}

/** A gzip file's contents, or null when it is not gzip, is damaged, or inflates past `max` bytes. */
export function gunzipBounded(data: Uint8Array, max: number): Uint8Array | null {
  if (data.length < 18 || data[0] !== 0x1f || data[1] !== 0x8b) return null;
  return inflateBounded(data, max, true);
}

function inflateBounded(data: Uint8Array, max: number, gzip = false): Uint8Array | null {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let failed = false;
  const onData = (chunk: Uint8Array): void => {
    total += chunk.length;
    if (total > max) failed = true;
    else chunks.push(chunk);
  };
  const inf = gzip ? new Gunzip(onData) : new Inflate(onData);
  try {
    for (let i = 0; i < data.length && !failed; i += 16384) inf.push(data.subarray(i, i + 16384), i + 16384 >= data.length);
  } catch {
    return null;
  }
  if (failed) return null;
  const out = new Uint8Array(total);
  let o = 0;
  for (const c of chunks) { out.set(c, o); o += c.length; }
  return out;
}

/** Parses a fragment (with or without '#'); null when it is not a valid wiretrace share. */
export function decodeShare(fragment: string, maxInflated = MAX_INFLATED): SharedState | null {
  const f = fragment.replace(/^#/, '');
  if (!f.startsWith(SHARE_PREFIX)) return null;
  const packed = fromBase64Url(f.slice(SHARE_PREFIX.length));
  if (!packed) return null;
  const payload = inflateBounded(packed, maxInflated);
  if (!payload || payload.length < 4) return null;
  const jsonLen = new DataView(payload.buffer, payload.byteOffset).getUint32(0, true);
  if (4 + jsonLen > payload.length) return null;
  let h: unknown;
  try {
    h = JSON.parse(strFromU8(payload.subarray(4, 4 + jsonLen)));
  } catch {
    return null;
  }
  if (typeof h !== 'object' || h === null) return null;
  const o = h as Record<string, unknown>;
  if (o.v !== 1 || typeof o.script !== 'string') return null;
  const st: SharedState = {
    script: o.script,
    name: typeof o.name === 'string' && o.name ? o.name.slice(0, 200) : 'shared.d',
    tab: typeof o.tab === 'string' ? o.tab : 'Output',
    options: typeof o.options === 'string' ? o.options.slice(0, 2000) : '',
  };
  if (typeof o.captureUrl === 'string' && isFetchableUrl(o.captureUrl)) st.captureUrl = o.captureUrl;
  if (typeof o.espKeys === 'string' && o.espKeys !== '' && o.espKeys.length <= MAX_SHARED_KEYS) st.espKeys = o.espKeys;
  const rest = payload.subarray(4 + jsonLen);
  if (rest.length > 0) st.capture = { name: typeof o.captureName === 'string' ? o.captureName.slice(0, 200) : 'shared.pcapng', bytes: rest };
  return st;
}

/** Only http(s) URLs are opened as captures (not javascript:, data:, file:). */
/**
 * The file name a capture URL shows: its last path segment, percent-decoded
 * when the encoding is valid, else as written (a malformed `%` sequence is
 * a name, not an uncaught URIError).
 */
export function urlFileName(u: string, base = typeof location === 'undefined' ? 'http://localhost/' : location.href): string {
  let seg: string;
  try {
    seg = new URL(u, base).pathname.split('/').pop() || u;
  } catch {
    return u;
  }
  try {
    return decodeURIComponent(seg);
  } catch {
    return seg;
  }
}

export function isFetchableUrl(u: string): boolean {
  try {
    const url = new URL(u, typeof location === 'undefined' ? 'http://localhost/' : location.href);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}
