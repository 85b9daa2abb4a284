/**
 * The ESP keys dialog: the text every run gets as `--esp-sa` would give it —
 * Wireshark esp_sa lines, tshark `uat:esp_sa:` strings or Linux `ip xfrm
 * state` output, typed, pasted or loaded from a file. As the text changes
 * it is read here (the decoder's own parser, decode/ipsec/parse.ts) to list
 * the SAs found and each line that cannot be used; Apply hands it to the
 * runs. The keys live in memory only (not in local storage, not in a share
 * link unless the Share dialog's box is ticked).
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { parseEspSecrets } from '../../decode/ipsec/parse.ts';
import type { EspSaSpec } from '../../decode/ipsec/sa.ts';
import { KEYS_NAME, setKeysAndRerun } from '../actions.ts';
import { useStore } from '../store/store.ts';

/** Key files are small; a bigger file is refused rather than read into a text area. */
const MAX_KEY_FILE = 1024 * 1024;

function saLine(sa: EspSaSpec): string {
  const fam = sa.family === 6 ? 'IPv6' : sa.family === 4 ? 'IPv4' : 'IPv4/6';
  const alg = sa.enc.aead || sa.auth.name === 'NULL' ? sa.enc.name : `${sa.enc.name} + ${sa.auth.name}`;
  return `${fam} ${sa.src.text} → ${sa.dst.text}, SPI ${sa.spi.text}: ${alg}`;
}

export function KeysDialog() {
  const open = useStore((s) => s.keysOpen);
  const setOpen = useStore((s) => s.setKeysOpen);
  const applied = useStore((s) => s.espKeys);
  const dlg = useRef<HTMLDialogElement>(null);
  const [text, setText] = useState(applied);
  const [fileError, setFileError] = useState('');

  useEffect(() => {
    const d = dlg.current;
    if (!d) return;
    if (open && !d.open) {
      setText(useStore.getState().espKeys);
      setFileError('');
      d.showModal();
    } else if (!open && d.open) d.close();
  }, [open]);

  const parsed = useMemo(() => (open ? parseEspSecrets(text, KEYS_NAME) : null), [open, text]);
  const loadFile = (f: File): void => {
    if (f.size > MAX_KEY_FILE) { setFileError(`${f.name} is ${Math.round(f.size / 1024)} KiB: a key file is expected to be under ${MAX_KEY_FILE / 1024} KiB`); return; }
    setFileError('');
    void f.text().then((t) => setText((cur) => (cur.trim() === '' ? t : cur.replace(/\n?$/, '\n') + t)));
  };
  const apply = (): void => { setKeysAndRerun(text.trim() === '' ? '' : text); setOpen(false); };

  return (
    <dialog ref={dlg} className="keys-dialog" aria-labelledby="keys-title" aria-describedby="keys-help" onClose={() => setOpen(false)}>
      <h2 id="keys-title">ESP keys</h2>
      <p id="keys-help">
        Decrypt IPsec ESP in the capture: decrypted tunnel packets become packets of their own on the tunnel interface
        (<code>ipsec0</code> unless the capture names one), transport-mode ESP shows its TCP and UDP. Paste Wireshark <code>esp_sa</code> lines,
        tshark <code>-o &quot;uat:esp_sa:…&quot;</code> strings or the output of <code>ip xfrm state</code>. Keys stay in this tab:
        they are not saved, and a share link carries them only if you say so.
      </p>
      <label htmlFor="keys-text">Keys</label>
      <textarea
        id="keys-text" spellCheck={false} autoComplete="off" rows={9} value={text}
        placeholder={'"IPv4","192.168.1.108","192.168.5.1","0x5a7d01c3","AES-CBC [RFC3602]","0x9f3c…","HMAC-SHA-1-96 [RFC2404]","0x4e2a…"'}
        onChange={(e) => setText(e.currentTarget.value)}
      />
      <div className="keys-file">
        <label className="button" htmlFor="keys-file">Load key file…</label>
        <input id="keys-file" type="file" className="visually-hidden" onChange={(e) => { const f = e.target.files?.[0]; if (f) loadFile(f); e.target.value = ''; }} />
        {text !== '' && <button type="button" onClick={() => setText('')}>Clear</button>}
      </div>
      {fileError && <p className="keys-problem" role="alert">{fileError}</p>}
      {parsed && (
        <div className="keys-check" aria-live="polite">
          <p className="keys-count">{parsed.sas.length === 0 ? 'No keys.' : `${parsed.sas.length} SA${parsed.sas.length === 1 ? '' : 's'}:`}</p>
          {parsed.sas.length > 0 && <ul className="keys-sas">{parsed.sas.slice(0, 50).map((sa, i) => <li key={i}>{saLine(sa)}</li>)}{parsed.sas.length > 50 && <li>… and {parsed.sas.length - 50} more</li>}</ul>}
          {parsed.problems.length > 0 && (
            <ul className="keys-problems" aria-label="Problems">
              {parsed.problems.slice(0, 50).map((p, i) => <li key={i} className={p.level === 'error' ? 'keys-problem' : 'keys-warning'}>{p.origin}: {p.message}</li>)}
            </ul>
          )}
        </div>
      )}
      <div className="dialog-actions">
        <button type="button" className="primary" onClick={apply}>Apply</button>
        <button type="button" onClick={() => setOpen(false)}>Cancel</button>
      </div>
    </dialog>
  );
}
