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
 * embedded captures: secrets travel only when the person says so), and
 * everything past a break in the block structure, where it cannot look.
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

/** stripSecrets' answer. */
export interface Stripped {
  /** The capture without its DSBs (the input itself when there was nothing to remove). */
  readonly bytes: Uint8Array;
  /** How many DSBs were removed. */
  readonly removed: number;
  /**
   * Where the block structure broke (a cut or damaged block), or -1. From
   * there on nothing can be walked, so nothing can be vouched for: `bytes`
   * ends at that offset (the readable part, which is all a reader shows).
   */
  readonly damagedAt: number;
}

/**
 * A pcapng without its Decryption Secrets Blocks. Anything that is not a
 * pcapng (pcap, other formats) comes back as it is. A pcapng whose blocks
 * cannot be walked to the end loses everything from the break on: bytes
 * that cannot be framed cannot be checked for secrets.
 */
export function stripSecrets(bytes: Uint8Array): Stripped {
  const n = bytes.length;
  if (n < 12) return { bytes, removed: 0, damagedAt: -1 };
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (dv.getUint32(0, true) !== 0x0a0d0d0a) return { bytes, removed: 0, damagedAt: -1 };
  const keep: [number, number][] = [];
  let le = true;
  let p = 0;
  let removed = 0;
  let damagedAt = -1;
  while (p < n) {
    if (p + 12 > n) { damagedAt = p; break; }
    if (dv.getUint32(p, true) === 0x0a0d0d0a) {
      const bom = dv.getUint32(p + 8, true);
      if (bom === 0x1a2b3c4d) le = true;
      else if (bom === 0x4d3c2b1a) le = false;
      else { damagedAt = p; break; }
    }
    const type = dv.getUint32(p, le);
    const len = dv.getUint32(p + 4, le);
    if (len < 12 || (len & 3) !== 0 || p + len > n || dv.getUint32(p + len - 4, le) !== len) { damagedAt = p; break; }
    if (type === DSB_BLOCK) removed++;
    else keep.push([p, p + len]);
    p += len;
  }
  if (removed === 0 && damagedAt < 0) return { bytes, removed: 0, damagedAt: -1 };
  let size = 0;
  for (const [a, b] of keep) size += b - a;
  const out = new Uint8Array(size);
  let o = 0;
  for (const [a, b] of keep) { out.set(bytes.subarray(a, b), o); o += b - a; }
  return { bytes: out, removed, damagedAt };
}

/** Whether a pcapng holds any Decryption Secrets Block (false for anything else). */
export function hasSecrets(bytes: Uint8Array): boolean {
  const r = stripSecrets(bytes);
  return r.removed > 0;
}
