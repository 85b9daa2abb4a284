/**
 * ESP keys for a run: the key files given (`--esp-sa FILE`, the web app's
 * keys dialog) and the pcapng Decryption Secrets Blocks the capture itself
 * carries, gathered into one SA table that the run's decoders share.
 *
 * Messages (through `say`): each key-file problem as a warning naming its
 * line ("keys.esp_sa:3: 3DES-CBC is a legacy cipher …"); each kind of
 * secrets block other than ESP SAs once, as an info message (present and
 * ignored: wiretrace decrypts ESP only). Nothing here throws.
 */
import type { CaptureReader } from '../capture/types.ts';
import { type DecryptionSecrets, SECRETS_TYPE, type SecretsSource, secretsTypeName } from '../capture/secrets.ts';
import { parseEspSecrets, problemText, SaTable } from '../decode/index.ts';

export interface KeyText {
  /** For messages: the file name ("keys.esp_sa"), or "keys dialog". */
  readonly name: string;
  readonly text: string;
}

export type Say = (level: 'warning' | 'info', text: string) => void;

const utf8 = new TextDecoder('utf-8');

export class EspKeys {
  readonly table = new SaTable();
  private readonly reported = new Set<number>();
  /** Called with each ESP secrets block's text before its SAs are added (a parallel run hands them to its workers). */
  onEspBlock: ((k: KeyText) => void) | null = null;

  constructor(private readonly say: Say) {}

  /** Adds the SAs of key files (esp_sa lines, uat:esp_sa: strings, ip xfrm state output). */
  addTexts(keys: readonly KeyText[]): void {
    for (const k of keys) this.add(k.text, k.name);
  }

  private add(text: string, name: string): void {
    const p = parseEspSecrets(text, name);
    for (const x of p.problems) this.say('warning', problemText(x));
    for (const sa of p.sas) this.table.add(sa);
  }

  /** Takes the capture's Decryption Secrets Blocks as the reader meets them. */
  watch(reader: CaptureReader): void {
    const src = reader as CaptureReader & SecretsSource;
    if (!('onSecrets' in src)) return;
    src.onSecrets = (s) => this.secrets(s, reader.source);
  }

  private secrets(s: DecryptionSecrets, source: string): void {
    if (s.type === SECRETS_TYPE.ESP) {
      const k: KeyText = { name: `${source}[decryption secrets block at offset ${s.offset}]`, text: utf8.decode(s.data) };
      this.onEspBlock?.(k);
      this.add(k.text, k.name);
      return;
    }
    if (this.reported.has(s.type)) return;
    this.reported.add(s.type);
    this.say('info', `${source}: the capture carries a decryption secrets block (${secretsTypeName(s.type)}): ignored, wiretrace decrypts IPsec ESP only`);
  }
}
