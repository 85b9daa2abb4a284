/**
 * The Capture tab: what is known about the open capture — its container (from
 * the magic number), size, packets, interfaces and time span (from packets.d),
 * messages from reading and decoding (warnings with frame numbers, the
 * inferred local hosts), and the local-host override, which re-runs.
 */
import { useMemo, useState } from 'react';
import { setLocalsAndRerun } from '../actions.ts';
import { useStore } from '../store/store.ts';
import { DataTable, type Col } from '../components/DataTable.tsx';
import type { PacketTable } from './packets-data.ts';

const IF_COLS: Col[] = [
  { key: 'name', header: 'Interface' },
  { key: 'layers', header: 'IP layers', numeric: true },
  { key: 'bytes', header: 'Bytes', numeric: true },
];

function fmtBytes(n: number | undefined): string {
  if (n === undefined) return 'unknown (streamed)';
  if (n < 1024) return `${n} B`;
  if (n < 1 << 20) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / (1 << 20)).toFixed(1)} MiB`;
}

export function CaptureView() {
  const capture = useStore((s) => s.capture);
  const info = useStore((s) => s.captureInfo);
  const packets = useStore((s) => s.packets);
  const progress = useStore((s) => s.progress);
  const messages = useStore((s) => s.messages);
  const locals = useStore((s) => s.locals);
  const [draft, setDraft] = useState(locals);
  const t = packets.data;
  const ifs = useMemo(() => interfaces(t), [t]);
  if (!capture) return <div className="empty"><p>Open a capture to see its format, interfaces, time span and warnings.</p></div>;
  const all = [...messages, ...packets.messages.filter((m) => !messages.some((x) => x.text === m.text))];
  return (
    <div className="capture-view">
      <dl className="facts">
        <dt>Name</dt><dd>{capture.name}</dd>
        <dt>Source</dt><dd>{capture.kind === 'url' ? capture.url : 'local file'}</dd>
        <dt>Format</dt><dd>{info ? `${info.format}${info.detail ? ` (${info.detail})` : ''}${info.error ? ` — ${info.error}` : ''}` : '…'}</dd>
        <dt>Size</dt><dd>{fmtBytes(capture.kind === 'blob' ? capture.blob.size : info?.size)}</dd>
        <dt>Packets read</dt><dd>{progress ? progress.packets.toLocaleString('en-US') : packets.status === 'done' && t ? (t.frame[t.length - 1] ?? 0).toLocaleString('en-US') : packets.status === 'error' ? 'unavailable' : '…'}</dd>
        <dt>IP layers</dt><dd>{packets.status === 'error' ? 'unavailable' : t ? t.length.toLocaleString('en-US') : '…'}</dd>
        <dt>Time span</dt><dd>{t && t.length > 0 ? `${(t.relNs[t.length - 1]! / 1e9).toFixed(6)} s from ${new Date(Number(t.base.split('.')[0]) * 1000).toISOString()}` : '…'}</dd>
      </dl>
      {ifs.length > 0 && <DataTable label="Interfaces" cols={IF_COLS} rows={ifs} />}
      <form className="locals" onSubmit={(e) => { e.preventDefault(); setLocalsAndRerun(draft); }}>
        <label htmlFor="locals">Local hosts (addresses or CIDRs; empty: inferred) — decide send versus receive</label>
        <div>
          <input id="locals" value={draft} onChange={(e) => setDraft(e.target.value)} placeholder="e.g. 192.168.1.10, fe80::/10" />
          <button type="submit">Apply and re-run</button>
        </div>
      </form>
      <h3>Messages from reading and decoding</h3>
      {all.length === 0 ? <p>None.</p> : (
        <ul className="messages">
          {all.map((m, i) => <li key={i} className={m.level}>{m.level}: {m.text}{m.line ? ` (line ${m.line})` : ''}</li>)}
        </ul>
      )}
    </div>
  );
}

function interfaces(t: PacketTable | null): { name: string; layers: number; bytes: number }[] {
  if (!t) return [];
  const m = new Map<string, { name: string; layers: number; bytes: number }>();
  for (let i = 0; i < t.length; i++) {
    const n = t.ifName[i]!;
    let e = m.get(n);
    if (!e) { e = { name: n, layers: 0, bytes: 0 }; m.set(n, e); }
    e.layers++;
    e.bytes += t.total[i]!;
  }
  return [...m.values()];
}
