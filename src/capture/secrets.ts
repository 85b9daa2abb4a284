/**
 * pcapng Decryption Secrets Blocks (block type 0x0000000A): what a capture
 * carries to decrypt itself — a secrets type and opaque data. The reader
 * hands each one to a handler as it is read (they may sit anywhere before
 * the packets that need them); wiretrace uses the ESP SA kind and reports
 * the others as present and ignored.
 *
 * Secrets types (the pcapng draft and Wireshark's wiretap/secrets-types.h):
 *   0x544c534b  TLS Key Log        0x5353484b  SSH Key Log
 *   0x57474b4c  WireGuard Key Log  0x5a4e574b  ZigBee NWK Key
 *   0x5a415053  ZigBee APS Key     0x55414b4c  OPC UA Key Log
 *   0x45535053  ESP SA Key ("ESPS"): esp_sa records as text, one per line
 *                                   (Wireshark's esp_sa UAT lines)
 *   0x57694669  IEEE 802.11 Key Log ("WiFi")
 *
 * stripSecrets() removes every DSB from a pcapng (for share links and
 * embedded captures: secrets travel only when the person says so).
 */

export const DSB_BLOCK = 0x0000000a;

export const SECRETS_TYPE = {
  TLS: 0x544c534b,
  SSH: 0x5353484b,
  WIREGUARD: 0x57474b4c,
  ZIGBEE_NWK: 0x5a4e574b,
  ZIGBEE_APS: 0x5a415053,
  OPCUA: 0x55414b4c,
  ESP: 0x45535053,
  WIFI: 0x57694669,
} as const;

const NAMES = new Map<number, string>([
  [SECRETS_TYPE.TLS, 'TLS Key Log'],
  [SECRETS_TYPE.SSH, 'SSH Key Log'],
  [SECRETS_TYPE.WIREGUARD, 'WireGuard Key Log'],
  [SECRETS_TYPE.ZIGBEE_NWK, 'ZigBee NWK Key'],
  [SECRETS_TYPE.ZIGBEE_APS, 'ZigBee APS Key'],
  [SECRETS_TYPE.OPCUA, 'OPC UA Key Log'],
  [SECRETS_TYPE.ESP, 'ESP SA Key'],
  [SECRETS_TYPE.WIFI, 'IEEE 802.11 Key Log'],
]);

/** "TLS Key Log (0x544c534b)", or "unknown secrets type 0x…". */
export function secretsTypeName(type: number): string {
  const hex = '0x' + (type >>> 0).toString(16).padStart(8, '0');
  const n = NAMES.get(type >>> 0);
  return n === undefined ? `unknown secrets type ${hex}` : `${n} (${hex})`;
}

export interface DecryptionSecrets {
  readonly type: number;
  /** The secrets (a copy: the reader's chunk is reused). */
  readonly data: Uint8Array;
  /** Byte offset of the block in the (decompressed) input, and which input. */
  readonly offset: number;
  readonly file: number;
}

/** Optional reader extension: called for each DSB, in file order, before the packets after it are delivered. */
export interface SecretsSource {
  onSecrets?: ((s: DecryptionSecrets) => void) | null;
}

/**
 * A pcapng without its Decryption Secrets Blocks, and how many were removed.
 * Anything that is not a well-framed pcapng (pcap, damaged) is returned as
 * it is with removed = -1 when it could not be walked to the end.
 */
export function stripSecrets(bytes: Uint8Array): { bytes: Uint8Array; removed: number } {
  const n = bytes.length;
  if (n < 12) return { bytes, removed: 0 };
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (dv.getUint32(0, true) !== 0x0a0d0d0a) return { bytes, removed: 0 };
  const keep: [number, number][] = [];
  let le = true;
  let p = 0;
  let removed = 0;
  while (p + 12 <= n) {
    if (dv.getUint32(p, true) === 0x0a0d0d0a) {
      const bom = dv.getUint32(p + 8, true);
      if (bom === 0x1a2b3c4d) le = true;
      else if (bom === 0x4d3c2b1a) le = false;
      else return { bytes, removed: -1 };
    }
    const type = dv.getUint32(p, le);
    const len = dv.getUint32(p + 4, le);
    if (len < 12 || (len & 3) !== 0 || p + len > n) return { bytes, removed: -1 };
    if (type === DSB_BLOCK) removed++;
    else keep.push([p, p + len]);
    p += len;
  }
  if (p !== n) return { bytes, removed: -1 };
  if (removed === 0) return { bytes, removed: 0 };
  let size = 0;
  for (const [a, b] of keep) size += b - a;
  const out = new Uint8Array(size);
  let o = 0;
  for (const [a, b] of keep) { out.set(bytes.subarray(a, b), o); o += b - a; }
  return { bytes: out, removed };
}

/** Whether a pcapng holds any Decryption Secrets Block (false for anything else). */
export function hasSecrets(bytes: Uint8Array): boolean {
  const r = stripSecrets(bytes);
  return r.removed > 0;
}
