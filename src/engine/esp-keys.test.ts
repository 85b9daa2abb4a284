import { describe, expect, it } from 'vitest';
import { bytesSource } from '../capture/sources.ts';
import { openCapture } from '../capture/open.ts';
import { SECRETS_TYPE } from '../capture/secrets.ts';
import { drain, udpFrame } from '../capture/test/util.ts';
import { PcapngWriter } from '../capture/write.ts';
import { EspKeys } from './esp-keys.ts';

const REC = '"IPv4","10.0.0.1","10.0.0.2","0x00000101","AES-GCM with 16 octet ICV [RFC4106]","0x00112233445566778899aabbccddeeff01020304","NULL",""';
const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

function keysWith(): { keys: EspKeys; said: string[] } {
  const said: string[] = [];
  return { keys: new EspKeys((level, text) => said.push(`${level}: ${text}`)), said };
}

describe('EspKeys', () => {
  it('gathers the SAs of several key files and names each bad line in a warning', () => {
    const { keys, said } = keysWith();
    keys.addTexts([
      { name: 'a.esp_sa', text: REC + '\n' },
      { name: 'keys dialog', text: '# mine\n"IPv4","*","*","*","TripleDES-CBC [RFC2451]","0x00","NULL",""\n' },
    ]);
    expect(keys.table.size).toBe(1);
    expect(said).toEqual([expect.stringMatching(/^warning: keys dialog:2: .*(3DES|TripleDES)/)]);
  });

  it('adds the ESP SAs of the capture\'s secrets blocks as they are read, and reports other kinds once', async () => {
    const w = new PcapngWriter();
    w.shb().idb(1);
    w.dsb(SECRETS_TYPE.TLS, enc('CLIENT_RANDOM 00 11\n'));
    w.dsb(SECRETS_TYPE.TLS, enc('CLIENT_RANDOM 22 33\n'));
    w.epb(0, 1n, udpFrame(1));
    w.dsb(SECRETS_TYPE.ESP, enc(REC + '\nnot a record\n'));
    w.epb(0, 2n, udpFrame(2));
    const reader = await openCapture(bytesSource(w.take(), 'cap.pcapng'));
    const { keys, said } = keysWith();
    keys.watch(reader);
    const sizes: number[] = [];
    await drain(reader, () => sizes.push(keys.table.size));
    expect(sizes).toEqual([0, 1]);
    expect(said).toEqual([
      'info: cap.pcapng: the capture carries a decryption secrets block (TLS Key Log (0x544c534b)): ignored, wiretrace decrypts IPsec ESP only',
      expect.stringMatching(/^warning: cap\.pcapng\[decryption secrets block at offset \d+\]:2: /),
    ]);
  });

  it('leaves a reader without secrets blocks (pcap) alone', async () => {
    const pcap = new Uint8Array([0xd4, 0xc3, 0xb2, 0xa1, 2, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 0, 0, 1, 0, 0, 0]);
    const reader = await openCapture(bytesSource(pcap, 'x.pcap'));
    const { keys, said } = keysWith();
    keys.watch(reader);
    await drain(reader);
    expect(keys.table.size).toBe(0);
    expect(said).toEqual([]);
  });
});
