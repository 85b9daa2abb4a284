/**
 * The Share dialog: a read-only "Share link" field with the link, a copy
 * button and what the link carries. Secrets (the ESP keys, an embedded
 * capture's decryption secrets blocks) stay out unless the box is ticked.
 */
import { useEffect, useRef, useState } from 'react';
import { buildShareLink, type ShareResult } from '../actions.ts';
import { useStore } from '../store/store.ts';

export function ShareDialog() {
  const open = useStore((s) => s.shareOpen);
  const setOpen = useStore((s) => s.setShareOpen);
  const dlg = useRef<HTMLDialogElement>(null);
  const field = useRef<HTMLInputElement>(null);
  const [res, setRes] = useState<ShareResult | null>(null);
  const [copied, setCopied] = useState(false);
  const [withSecrets, setWithSecrets] = useState(false);
  const [captureUrl, setCaptureUrl] = useState('');

  // Each (re)build is numbered, so a slow earlier one never replaces a later one.
  const seq = useRef(0);
  const build = (secrets: boolean, url = captureUrl): void => {
    const n = ++seq.current;
    setRes(null);
    setCopied(false);
    void buildShareLink(secrets, url).then((r) => { if (n === seq.current) { setRes(r); requestAnimationFrame(() => field.current?.select()); } });
  };

  useEffect(() => {
    const d = dlg.current;
    if (!d) return;
    if (open && !d.open) {
      d.showModal();
      setWithSecrets(false);
      setCaptureUrl('');
      build(false, '');
    } else if (!open && d.open) d.close();
  }, [open]);

  return (
    <dialog ref={dlg} className="share-dialog" aria-labelledby="share-title" onClose={() => setOpen(false)}>
      <h2 id="share-title">Share</h2>
      <p>The link holds the script and view in its fragment (after #), which browsers never send to a server.</p>
      <label htmlFor="share-capture-url">Capture URL (optional: link the capture by its address instead of embedding it)</label>
      <div className="share-url-row">
        <input id="share-capture-url" type="url" inputMode="url" placeholder="https://…/capture.pcapng" value={captureUrl}
          onChange={(e) => setCaptureUrl(e.currentTarget.value)} onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); build(withSecrets); } }} />
        <button type="button" onClick={() => build(withSecrets)}>Use this URL</button>
      </div>
      <label htmlFor="share-link">Share link</label>
      <input id="share-link" ref={field} readOnly value={res?.link ?? ''} placeholder="Preparing…" onFocus={(e) => e.currentTarget.select()} />
      {res?.note && <p className="note" role="status">{res.note}</p>}
      <label className="check">
        <input type="checkbox" checked={withSecrets} onChange={(e) => { const on = e.currentTarget.checked; setWithSecrets(on); build(on); }} />
        Include secrets: the ESP keys and the capture&apos;s decryption secrets blocks
      </label>
      {res?.secrets && <p className="note" data-testid="share-secrets">{res.secrets}</p>}
      <div className="dialog-actions">
        <button type="button" disabled={!res} onClick={() => { if (res) void navigator.clipboard?.writeText(res.link).then(() => setCopied(true), () => setCopied(false)); }}>{copied ? 'Copied' : 'Copy link'}</button>
        <button type="button" onClick={() => setOpen(false)}>Close</button>
      </div>
    </dialog>
  );
}
