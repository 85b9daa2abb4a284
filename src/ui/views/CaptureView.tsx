/**
 * The Capture tab: what the capture reader found in one pass in the worker
 * (format, sections, interfaces with link type and snaplen, packets, exact
 * time span, process information, warnings with frame numbers), the run's
 * messages (the inferred local hosts, decoding warnings), and the local-host
 * override, which re-runs. Every string from the capture renders as text.
 */
import { useState } from 'react';
import { LINKTYPE } from '../../capture/types.ts';
import type { CaptureSummary } from '../../engine/protocol.ts';
import { setLocalsAndRerun } from '../actions.ts';
import { useStore } from '../store/store.ts';
import { DataTable, type Col } from '../components/DataTable.tsx';

const LINK_NAMES = new Map<number, string>(Object.entries(LINKTYPE).map(([k, v]) => [v, k]));
const linkName = (t: number): string => `${LINK_NAMES.get(t) ?? 'LINKTYPE'} (${t})`;

const IF_COLS: Col[] = [
  { key: 'index', header: '#', numeric: true },
  { key: 'name', header: 'Interface' },
  { key: 'description', header: 'Description' },
  { key: 'link', header: 'Link type' },
  { key: 'snapLen', header: 'Snaplen', numeric: true },
  { key: 'packets', header: 'Packets', numeric: true },
  { key: 'bytes', header: 'Bytes', numeric: true },
];

function fmtBytes(n: number | undefined | null): string {
  // null: the worker's inspection has not answered yet.
  if (n === null) return 'reading…';
  if (n === undefined) return 'unknown';
  if (n < 1024) return `${n} B`;
  const exact = `${n.toLocaleString('en-US')} bytes`;
  if (n < 1 << 20) return `${(n / 1024).toFixed(1)} KiB (${exact})`;
  return `${(n / (1 << 20)).toFixed(1)} MiB (${exact})`;
}

/** last − first for "sec.nnnnnnnnn" strings, exactly, as "s.nnnnnnnnn s". */
export function spanOf(first: string, last: string): string {
  const ns = (t: string) => { const [s, n = '0'] = t.split('.'); return BigInt(s!) * 1_000_000_000n + BigInt(n.padEnd(9, '0')); };
  const d = ns(last) - ns(first);
  return `${d / 1_000_000_000n}.${String(d % 1_000_000_000n).padStart(9, '0')} s`;
}

export function CaptureView() {
  const capture = useStore((s) => s.capture);
  const info = useStore((s) => s.captureInfo);
  const more = useStore((s) => s.moreCaptures);
  const moreInfo = useStore((s) => s.moreInfo);
  const messages = useStore((s) => s.messages);
  const locals = useStore((s) => s.locals);
  const [draft, setDraft] = useState(locals);
  if (!capture) return <div className="empty"><p>Open a capture to see its format, interfaces, time span and warnings.</p></div>;
  const sum = info?.summary;
  return (
    <div className="capture-view">
      <dl className="facts">
        <dt>Name</dt><dd>{capture.name}</dd>
        <dt>Source</dt><dd>{capture.kind === 'url' ? capture.url : 'local file (read in this browser only)'}</dd>
        <dt>Size</dt><dd>{fmtBytes(capture.kind === 'blob' ? capture.blob.size : info ? info.size : null)}</dd>
        <dt>Format</dt><dd>{info ? sum ? `${sum.format}${sum.gzip ? ', gzip-compressed' : ''}${info.detail && !sum.gzip ? ` (${info.detail})` : ''}` : `${info.format}${info.detail ? ` (${info.detail})` : ''}` : 'reading…'}</dd>
        {info?.error && <><dt>Error</dt><dd className="stderr">{info.error}</dd></>}
        {sum && <Summary sum={sum} />}
      </dl>
      {more.length > 0 && (
        <section aria-label="Files">
          <h3>Files: {more.length + 1}, read together and merged by time (as repeated -r on the command line)</h3>
          <ol className="messages files">
            {[capture, ...more].map((c, i) => {
              const inf = i === 0 ? info : moreInfo[i - 1] ?? null;
              const s = inf?.summary;
              return (
                <li key={i}>
                  <span className="capture-name">{c.name}</span>, {fmtBytes(c.kind === 'blob' ? c.blob.size : inf ? inf.size : null)}
                  {inf && (inf.error ? <span className="stderr"> — {inf.error}</span> : s ? <>, {s.format}, {s.packets.toLocaleString('en-US')} packets</> : <>, {inf.format}</>)}
                </li>
              );
            })}
          </ol>
          <p className="hint">The facts above and the interfaces below are the first file's.</p>
        </section>
      )}
      {sum && sum.interfaces.length > 0 && (
        <DataTable label="Interfaces" cols={IF_COLS} rows={sum.interfaces.map((i) => ({ index: i.index, name: i.name || '(unnamed)', description: i.description, link: linkName(i.linkType), snapLen: i.snapLen, packets: i.packets, bytes: i.bytes }))} />
      )}
      {sum && sum.sections.length > 0 && sum.format === 'pcapng' && (
        <section aria-label="Sections">
          <h3>Sections</h3>
          <ul className="messages">
            {sum.sections.map((s) => (
              <li key={s.index}>
                #{s.index}: pcapng {s.version}, {s.littleEndian ? 'little' : 'big'}-endian
                {s.hardware && `, hardware “${s.hardware}”`}{s.os && `, OS “${s.os}”`}{s.userAppl && `, written by “${s.userAppl}”`}
                {s.comments.map((c, i) => <div key={i} className="hint">comment: {c}</div>)}
              </li>
            ))}
          </ul>
        </section>
      )}
      {!sum && info && !info.error && <p className="hint">Interfaces, sections and the time span appear here once the capture readers are part of this build.</p>}
      <form className="locals" onSubmit={(e) => { e.preventDefault(); setLocalsAndRerun(draft); }}>
        <label htmlFor="locals">Local hosts (addresses or CIDRs; empty: inferred) — decide send versus receive</label>
        <div>
          <input id="locals" value={draft} onChange={(e) => setDraft(e.target.value)} placeholder="e.g. 192.168.1.10, fe80::/10" />
          <button type="submit">Apply and re-run</button>
        </div>
      </form>
      <h3>Warnings from reading</h3>
      {!sum ? <p>{!info ? 'Reading…' : info.error ? 'None: the capture could not be read (see Error above).' : 'None read: the capture readers are not part of this build.'}</p> : sum.warnings.length === 0 && !sum.fatal ? <p>None: every record read cleanly.</p> : (
        <ul className="messages" aria-label="Capture warnings">
          {sum.fatal && <li className="error">error: {sum.fatal}</li>}
          {sum.warnings.map((w, i) => <li key={i} className="warning">{w.frame > 0 ? `frame ${w.frame}: ` : ''}{w.message} (byte offset {w.offset})</li>)}
        </ul>
      )}
      <h3>Messages from the last run</h3>
      {messages.length === 0 ? <p>None.</p> : (
        <ul className="messages" aria-label="Run messages">
          {messages.map((m, i) => <li key={i} className={m.level}>{m.level}: {m.text}{m.line ? ` (line ${m.line})` : ''}</li>)}
        </ul>
      )}
    </div>
  );
}

function Summary({ sum }: { sum: CaptureSummary }) {
  return (
    <>
      <dt>Packets</dt><dd>{sum.packets.toLocaleString('en-US')}</dd>
      <dt>Time span</dt>
      <dd>{sum.packets > 0 ? `${spanOf(sum.first, sum.last)}, from ${new Date(Number(sum.first.split('.')[0]) * 1000).toISOString().replace('.000Z', 'Z')} (${sum.first})` : 'no packets'}</dd>
      <dt>Process information</dt><dd>{sum.withProcess > 0 ? `${sum.withProcess.toLocaleString('en-US')} packets name their process (execname, pid)` : 'none (execname is "", pid 0)'}</dd>
    </>
  );
}
