/**
 * The IPsec scenes' keys: the SAs the NIC-only ESP samples are sealed with
 * (blog2008.ts, proto2.ts: `…-esp*.pcapng`), and the key files that decrypt
 * them, written into samples/keys/ by `npm run samples`:
 *
 *   blog-ipio-esp-cbc.esp_sa   AES-CBC-128 + HMAC-SHA-1-96, Wireshark esp_sa lines
 *   blog-ipio-esp-gcm.xfrm     AES-GCM-128 with a 16-byte ICV, as `ip xfrm state` prints it
 *   proto2-ipsec-esp.esp_sa    AES-GCM-128 / 16, esp_sa lines (proto2-ipsec-in-esp.pcapng
 *                              also carries them itself, in a Decryption Secrets Block)
 *
 * The keys are made up for the samples and published here on purpose.
 */
import { espSize } from '../craft.ts';
import { type EspSa, espSa, uatLine } from '../esp.ts';

/** The ipio.d scene's addresses and SPIs (blog2008.ts). */
export const BLOG = { local: '192.168.1.108', gw: '192.168.5.1', spiOut: 0x5a7d01c3, spiIn: 0x2e91b7f0 } as const;
/** The Prototype #2 IPsec scenes' (proto2.ts). */
export const PROTO2 = { local: '192.168.1.108', gw: '172.16.10.1', spiOut: 0x6a1b3f07, spiIn: 0x0c57e2d1 } as const;

export const BLOG_CBC: EspSa = espSa('AES-CBC [RFC3602]', '0x9f3c21d6a5b04e87c2d9e1f0a3b5c7d8', 'HMAC-SHA-1-96 [RFC2404]', '0x4e2a91c7d0b3f65a8e17c4d2b9a0f3e6d5c8b7a1');
export const BLOG_GCM: EspSa = espSa('AES-GCM with 16 octet ICV [RFC4106]', '0x2b7e151628aed2a6abf7158809cf4f3c0a1b2c3d', 'NULL', '');
export const PROTO2_GCM: EspSa = espSa('AES-GCM with 16 octet ICV [RFC4106]', '0x603deb1015ca71be2b73aef0857d7781b0c1d2e3', 'NULL', '');

const spiText = (spi: number): string => '0x' + (spi >>> 0).toString(16).padStart(8, '0');

function esp_sa(title: string, sa: EspSa, h: { local: string; gw: string; spiOut: number; spiIn: number }): string {
  return [
    `# ${title}`,
    '# Wireshark esp_sa lines: wiretrace --esp-sa FILE, or tshark -o "uat:esp_sa:LINE" per line',
    uatLine(sa, { family: 4, src: h.local, dst: h.gw, spi: spiText(h.spiOut) }),
    uatLine(sa, { family: 4, src: h.gw, dst: h.local, spi: spiText(h.spiIn) }),
    '',
  ].join('\n');
}

/** `ip xfrm state` output for the two NAT-T SAs of an AEAD (as iproute2's ipxfrm.c prints them). */
function xfrm(sa: EspSa, h: { local: string; gw: string; spiOut: number; spiIn: number }): string {
  const key = sa.encKeyText;
  const block = (src: string, dst: string, spi: number, reqid: number): string[] => [
    `src ${src} dst ${dst}`,
    `\tproto esp spi ${spiText(spi)} reqid ${reqid} mode tunnel`,
    '\treplay-window 0 flag af-unspec',
    `\taead rfc4106(gcm(aes)) ${key} ${sa.enc.icvLen * 8}`,
    '\tencap type espinudp sport 4500 dport 4500 addr 0.0.0.0',
    '\tanti-replay context: seq 0x0, oseq 0x0, bitmap 0x00000000',
    '\tsel src 0.0.0.0/0 dst 0.0.0.0/0 ',
  ];
  return [...block(h.gw, h.local, h.spiIn, 1), ...block(h.local, h.gw, h.spiOut, 1), ''].join('\n');
}

export function keyFiles(): { file: string; text: string }[] {
  return [
    { file: 'blog-ipio-esp-cbc.esp_sa', text: esp_sa('blog-ipio-esp-cbc.pcapng: the ipio.d tunnel, AES-CBC-128 with HMAC-SHA-1-96', BLOG_CBC, BLOG) },
    { file: 'blog-ipio-esp-gcm.xfrm', text: xfrm(BLOG_GCM, BLOG) },
    { file: 'proto2-ipsec-esp.esp_sa', text: esp_sa('proto2-ipsec-{in,out}-esp.pcapng: the Prototype #2 tunnel, AES-GCM-128 with a 16-byte ICV', PROTO2_GCM, PROTO2) },
  ];
}

/**
 * Padding beyond the minimum that makes an inner packet of `n` bytes travel
 * in as many ESP bytes as the two-interface scenes give it (their stand-in
 * ciphertext is sized for AES-CBC with HMAC-SHA-1-96: craft.ts espSize), so
 * the NIC's lengths are the transcripts' whatever the cipher. RFC 4303
 * §2.4 lets a sender pad beyond alignment (up to 255 bytes) to hide lengths.
 */
export function extraPadFor(sa: EspSa, n: number): number {
  const target = espSize(n);
  const icv = sa.enc.aead ? sa.enc.icvLen : sa.auth.icvLen;
  const align = Math.max(sa.enc.block, 4);
  const min = Math.ceil((n + 2) / align) * align;
  const extra = target - 8 - sa.enc.ivLen - icv - min;
  if (extra < 0 || extra % align !== 0) throw new Error(`${sa.enc.name}: cannot pad ${n} bytes to ${target}`);
  return extra;
}

