/**
 * Linux `ip xfrm state` output (iproute2 ipxfrm.c, xfrm_state_info_print),
 * converted to SAs on the way in. One block per SA:
 *
 *   src 192.168.1.108 dst 192.168.5.1
 *           proto esp spi 0x5a7d01c3 reqid 1 mode tunnel
 *           replay-window 0 flag af-unspec esn
 *           auth-trunc hmac(sha256) 0x6b65… 128
 *           enc cbc(aes) 0x0011…
 *           encap type espinudp sport 4500 dport 4500 addr 0.0.0.0
 *           anti-replay esn context:
 *            seq-hi 0x0, seq 0x0, oseq-hi 0x1, oseq 0x2a
 *           sel src 0.0.0.0/0 dst 0.0.0.0/0
 *
 * Read: the addresses (exact), `proto esp` and its SPI, `aead NAME KEY
 * ICVBITS`, `enc NAME KEY`, `auth NAME KEY` (Linux's default truncation:
 * 96 bits for SHA-1 and SHA-256, RFC 4868's for SHA-384/512),
 * `auth-trunc NAME KEY BITS`, and `flag … esn` with the ESN context's high
 * bits. Other lines are ignored; AH and IPComp states are skipped (nothing
 * to decrypt). `ip xfrm monitor` lines ("Updated src …") work too.
 */
import {
  type AuthAlg, AUTH, authFor, ENC, type EncAlg, encByName, HASH_NONE, refusal, xfrmDefaultIcv, xfrmHash,
} from './algorithms.ts';
import { buildSa } from './build.ts';
import { type EspSaSpec, parseAddrPattern, parseKey, type SaProblem, type SpiPattern } from './sa.ts';

const BLOCK_START = /^(?:[A-Za-z][\w-]*\s+)?src\s+(\S+)\s+dst\s+(\S+)\s*$/;

interface Block { origin: string; src: string; dst: string; lines: string[] }

function aeadAlg(name: string, icvBits: number): EncAlg | undefined {
  if (name === 'rfc4106(gcm(aes))') {
    return icvBits === 64 ? ENC.AES_GCM_8 : icvBits === 96 ? ENC.AES_GCM_12 : icvBits === 128 ? ENC.AES_GCM_16 : undefined;
  }
  if (name === 'rfc7539esp(chacha20,poly1305)' && icvBits === 128) return ENC.CHACHA20_POLY1305;
  return undefined;
}

function hexKey(text: string | undefined, what: string, problems: SaProblem[], origin: string): Uint8Array | null {
  if (text === undefined) { problems.push({ origin, level: 'error', message: `${what}: no key` }); return null; }
  if (text.startsWith('<<')) {
    problems.push({ origin, level: 'error', message: `${what}: the keys are hidden (the output of "ip xfrm state" without "nokeys" is needed)` });
    return null;
  }
  const k = parseKey(text);
  if (typeof k === 'string') { problems.push({ origin, level: 'error', message: `${what} ${k}` }); return null; }
  return k;
}

function parseBlock(b: Block, problems: SaProblem[]): EspSaSpec | null {
  const err = (message: string): null => { problems.push({ origin: b.origin, level: 'error', message }); return null; };
  const src = parseAddrPattern(b.src, 0);
  if (typeof src === 'string') return err(`src ${src}`);
  const dst = parseAddrPattern(b.dst, src.family);
  if (typeof dst === 'string') return err(`dst ${dst}`);
  let proto = '';
  let spi: SpiPattern | null = null;
  let enc: EncAlg | undefined;
  let encKey: Uint8Array | null = new Uint8Array(0);
  let auth: AuthAlg = AUTH.NULL;
  let authKey: Uint8Array | null = new Uint8Array(0);
  let sawEnc = false;
  let esn = false;
  let esnHigh = 0;
  for (let i = 0; i < b.lines.length; i++) {
    // nokeys output prints "<<Keys hidden>>" where the key goes: one word here.
    const w = b.lines[i]!.replace('<<Keys hidden>>', '<<hidden>>').trim().split(/\s+/);
    switch (w[0]) {
      case 'proto': {
        proto = w[1] ?? '';
        const k = w.indexOf('spi');
        if (k > 0 && /^0x[0-9a-fA-F]{1,8}$/.test(w[k + 1] ?? '')) {
          const v = parseInt(w[k + 1]!.slice(2), 16);
          spi = { value: v >>> 0, mask: 0xffffffff, text: w[k + 1]! };
        }
        break;
      }
      case 'aead': {
        sawEnc = true;
        const bits = Number(w[3]);
        enc = aeadAlg(w[1] ?? '', bits);
        if (enc === undefined) return err(refusal(w[1] ?? '') || `aead ${w[1] ?? ''} with a ${w[3] ?? '?'}-bit ICV is not supported`);
        encKey = hexKey(w[2], `aead ${w[1]}`, problems, b.origin);
        if (encKey === null) return null;
        break;
      }
      case 'enc': {
        sawEnc = true;
        enc = encByName(w[1] ?? '');
        if (enc === undefined || enc.aead) return err(refusal(w[1] ?? '') || `enc ${w[1] ?? ''} is not supported`);
        encKey = enc === ENC.NULL ? new Uint8Array(0) : hexKey(w[2], `enc ${w[1]}`, problems, b.origin);
        if (encKey === null) return null;
        break;
      }
      case 'auth':
      case 'auth-trunc': {
        const h = xfrmHash(w[1] ?? '');
        if (h < 0) return err(refusal(w[1] ?? '') || `${w[0]} ${w[1] ?? ''} is not supported`);
        const trunc = w[0] === 'auth-trunc' ? Number(w[3]) : xfrmDefaultIcv(h) * 8;
        if (!Number.isInteger(trunc) || trunc % 8 !== 0 || trunc < 0 || trunc > 512) return err(`${w[0]} ${w[1]}: truncation "${w[3] ?? ''}" is not a whole number of bytes`);
        auth = h === HASH_NONE ? AUTH.NULL : authFor(h, trunc / 8);
        authKey = h === HASH_NONE ? new Uint8Array(0) : hexKey(w[2], `${w[0]} ${w[1]}`, problems, b.origin);
        if (authKey === null) return null;
        break;
      }
      case 'replay-window':
        if (w.includes('esn')) esn = true;
        break;
      case 'seq-hi': {
        // " seq-hi 0x0, seq 0x0, oseq-hi 0x1, oseq 0x2a" after "anti-replay esn context:"
        const m = /seq-hi (0x[0-9a-fA-F]+),.*oseq-hi (0x[0-9a-fA-F]+)/.exec(b.lines[i]!);
        if (m !== null) esnHigh = Math.max(parseInt(m[1]!.slice(2), 16), parseInt(m[2]!.slice(2), 16));
        break;
      }
      default: break;
    }
  }
  if (proto !== 'esp') {
    problems.push({ origin: b.origin, level: 'warning', message: `proto ${proto || '?'} state skipped: only ESP is decrypted` });
    return null;
  }
  if (spi === null) return err('proto esp without an SPI');
  if (!sawEnc || enc === undefined) return err('no enc or aead line: the encryption algorithm is unknown');
  return buildSa({
    origin: b.origin, family: dst.family, src: src.pattern, dst: dst.pattern, spi, enc, encKey: encKey!, auth, authKey: authKey!,
    esnHigh: esn ? esnHigh : -1,
  }, problems);
}

/**
 * Splits `ip xfrm state` text into blocks: `lines[i]` opens one when it is a
 * `src A dst B` line; the lines after it, up to the next opener or a line
 * that is neither indented nor part of the block, belong to it. Returns the
 * indexes consumed so the caller can read the rest as other formats.
 */
export function parseXfrmBlocks(lines: readonly string[], name: string, problems: SaProblem[], out: EspSaSpec[], used: boolean[]): void {
  let cur: Block | null = null;
  const flush = (): void => {
    if (cur === null) return;
    const sa = parseBlock(cur, problems);
    if (sa !== null) out.push(sa);
    cur = null;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const m = BLOCK_START.exec(line.trim());
    if (m !== null && !/^\s/.test(line)) {
      flush();
      cur = { origin: `${name}:${i + 1}`, src: m[1]!, dst: m[2]!, lines: [] };
      used[i] = true;
      continue;
    }
    if (cur !== null && /^\s/.test(line) && line.trim() !== '') {
      (cur as Block).lines.push(line);
      used[i] = true;
      continue;
    }
    if (line.trim() !== '') flush();
  }
  flush();
}
