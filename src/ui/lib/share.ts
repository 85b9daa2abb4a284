/**
 * Share links: the script, its name, the open tab and the capture (by URL, or
 * embedded when it compresses under EMBED_LIMIT) packed into the URL fragment,
 * which browsers never send to a server.
 *
 * Wire format (version 2): `#wt2=` + base64url(deflate(u32le(crc32(payload)) ‖
 * payload)), where payload = u32le(jsonLength) ‖ utf8(json) ‖ captureBytes.
 * The capture's bytes ride raw inside the one deflate stream rather than
 * base64 inside JSON. Raw deflate has no checksum, so a changed character can
 * inflate to a different script without any error: the CRC-32 is what tells
 * a damaged link from a good one. Version 1 (`#wt1=`, no CRC) is still read.
 *
 * ESP keys (the keys dialog's text) ride in the header only when the person
 * ticks the Share dialog's box; otherwise neither they nor an embedded
 * capture's Decryption Secrets Blocks leave the page (actions.ts strips them).
 *
 * A capture too big to embed is named in the header (captureLeftOut), so the
 * recipient is told what was left out and what to open.
 *
 * Links are untrusted input: reading validates every field, bounds the
 * inflated size (a small link must not inflate to gigabytes), never throws,
 * and says why a link is damaged (readShare).
 */
import { Gunzip, Inflate, deflateSync, strFromU8, strToU8 } from 'fflate';

export const SHARE_PREFIX = 'wt2=';
const SHARE_PREFIX_V1 = 'wt1=';
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
  /** A capture the sender had open but could not embed (too big): its name and size in bytes. */
  captureLeftOut?: { name: string; size: number };
  /** A capture URL in the link that is never fetched (javascript:, data:, file:…): the page says it refused it. */
  refusedCaptureUrl?: string;
  /** The keys dialog's text, only when the person chose to share it. */
  espKeys?: string;
}

/** The longest keys text a link may bring in (a key file is a few lines). */
export const MAX_SHARED_KEYS = 64 * 1024;

interface Header {
  v: 1; script: string; name: string; tab: string; options?: string; captureUrl?: string; captureName?: string; espKeys?: string;
  leftOutName?: string; leftOutSize?: number;
}

/** What a fragment holds: no share link at all, a good one, or a damaged one (and why, for the person who opened it). */
export type ShareRead = { kind: 'none' } | { kind: 'ok'; state: SharedState } | { kind: 'damaged'; reason: string };

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** CRC-32 (IEEE 802.3, as zip and PNG use). */
export function crc32(b: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < b.length; i++) c = CRC_TABLE[(c ^ b[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

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
  if (st.captureLeftOut) { header.leftOutName = st.captureLeftOut.name; header.leftOutSize = st.captureLeftOut.size; }
  if (st.espKeys) header.espKeys = st.espKeys;
  const json = strToU8(JSON.stringify(header));
  const cap = st.capture?.bytes ?? new Uint8Array(0);
  const framed = new Uint8Array(8 + json.length + cap.length);
  const payload = framed.subarray(4);
  new DataView(payload.buffer, payload.byteOffset).setUint32(0, json.length, true);
  payload.set(json, 4);
  payload.set(cap, 4 + json.length);
  new DataView(framed.buffer).setUint32(0, crc32(payload), true);
  return SHARE_PREFIX + toBase64Url(deflateSync(framed, { level: 9 }));
}

/** Size of the capture once deflated, to decide between embedding and linking. */
export function compressedSize(bytes: Uint8Array): number {
  return deflateSync(bytes, { level: 6 }).length;
}

/** A gzip file's contents, or null when it is not gzip, is damaged, or inflates past `max` bytes. */
export function gunzipBounded(data: Uint8Array, max: number): Uint8Array | null {
  if (data.length < 18 || data[0] !== 0x1f || data[1] !== 0x8b) return null;
  const r = inflateBounded(data, max, true);
  return r === 'big' ? null : r;
}

/** The inflated bytes, 'big' past `max`, or null when the stream is not valid (cut off, changed). */
function inflateBounded(data: Uint8Array, max: number, gzip = false): Uint8Array | 'big' | null {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let failed = false;
  let ended = false;
  const onData = (chunk: Uint8Array, final: boolean): void => {
    total += chunk.length;
    if (final) ended = true;
    if (total > max) failed = true;
    else chunks.push(chunk);
  };
  const inf = gzip ? new Gunzip(onData) : new Inflate(onData);
  try {
    for (let i = 0; i < data.length && !failed; i += 16384) inf.push(data.subarray(i, i + 16384), i + 16384 >= data.length);
  } catch {
    return failed ? 'big' : null;
  }
  if (failed) return 'big';
  if (!ended) return null;
  const out = new Uint8Array(total);
  let o = 0;
  for (const c of chunks) { out.set(c, o); o += c.length; }
  return out;
}

const DAMAGED_DATA = 'its data does not decode: part of it was changed or cut off';

/**
 * Reads a fragment (with or without '#'): not a share link (no `wt1=`/`wt2=`),
 * a good one, or a damaged one with the reason. Never throws.
 */
export function readShare(fragment: string, maxInflated = MAX_INFLATED): ShareRead {
  const f = fragment.replace(/^#/, '');
  const v2 = f.startsWith(SHARE_PREFIX);
  if (!v2 && !f.startsWith(SHARE_PREFIX_V1)) return { kind: 'none' };
  const body = f.slice(SHARE_PREFIX.length);
  if (body === '') return { kind: 'damaged', reason: 'it ends right after its prefix: the rest of the link was cut off' };
  const packed = fromBase64Url(body);
  if (!packed) return { kind: 'damaged', reason: 'it contains characters a share link never has (a copy that picked up extra text, or garbage)' };
  const inflated = inflateBounded(packed, maxInflated + (v2 ? 4 : 0));
  if (inflated === 'big') return { kind: 'damaged', reason: `it unpacks to more than ${maxInflated / 1048576} MB, the most a link may hold` };
  if (!inflated) return { kind: 'damaged', reason: DAMAGED_DATA };
  let payload = inflated;
  if (v2) {
    if (inflated.length < 8) return { kind: 'damaged', reason: DAMAGED_DATA };
    payload = inflated.subarray(4);
    if (new DataView(inflated.buffer, inflated.byteOffset).getUint32(0, true) !== crc32(payload)) return { kind: 'damaged', reason: 'its checksum does not match: part of it was changed' };
  }
  if (payload.length < 4) return { kind: 'damaged', reason: DAMAGED_DATA };
  const jsonLen = new DataView(payload.buffer, payload.byteOffset).getUint32(0, true);
  if (4 + jsonLen > payload.length) return { kind: 'damaged', reason: DAMAGED_DATA };
  let h: unknown;
  try {
    h = JSON.parse(strFromU8(payload.subarray(4, 4 + jsonLen)));
  } catch {
    return { kind: 'damaged', reason: DAMAGED_DATA };
  }
  if (typeof h !== 'object' || h === null) return { kind: 'damaged', reason: DAMAGED_DATA };
  const o = h as Record<string, unknown>;
  if (o.v !== 1 || typeof o.script !== 'string') return { kind: 'damaged', reason: 'it was made by a different version of wiretrace, or its contents were changed' };
  const st: SharedState = {
    script: o.script,
    name: typeof o.name === 'string' && o.name ? o.name.slice(0, 200) : 'shared.d',
    tab: typeof o.tab === 'string' ? o.tab : 'Output',
    options: typeof o.options === 'string' ? o.options.slice(0, 2000) : '',
  };
  if (typeof o.captureUrl === 'string') {
    if (isFetchableUrl(o.captureUrl)) st.captureUrl = o.captureUrl;
    else st.refusedCaptureUrl = o.captureUrl.slice(0, 2000);
  }
  if (typeof o.espKeys === 'string' && o.espKeys !== '' && o.espKeys.length <= MAX_SHARED_KEYS) st.espKeys = o.espKeys;
  const rest = payload.subarray(4 + jsonLen);
  if (rest.length > 0) st.capture = { name: typeof o.captureName === 'string' ? o.captureName.slice(0, 200) : 'shared.pcapng', bytes: rest };
  if (typeof o.leftOutName === 'string' && typeof o.leftOutSize === 'number' && Number.isFinite(o.leftOutSize)) {
    st.captureLeftOut = { name: o.leftOutName.slice(0, 200), size: Math.max(0, o.leftOutSize) };
  }
  return { kind: 'ok', state: st };
}

/** Parses a fragment (with or without '#'); null when it is not a valid wiretrace share. */
export function decodeShare(fragment: string, maxInflated = MAX_INFLATED): SharedState | null {
  const r = readShare(fragment, maxInflated);
  return r.kind === 'ok' ? r.state : null;
}

/** Only http(s) URLs are opened as captures (not javascript:, data:, file:). */
export function isFetchableUrl(u: string): boolean {
  try {
    const url = new URL(u, typeof location === 'undefined' ? 'http://localhost/' : location.href);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}
