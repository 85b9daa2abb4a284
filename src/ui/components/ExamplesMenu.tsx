/**
 * The "Examples" menu (menu button pattern): every sample script and capture
 * from samples/manifest.json, and the built-in views' scripts. Arrow keys
 * move, Enter picks, Escape closes.
 */
import { useEffect, useRef, useState } from 'react';
import { openCapture, openExample, openFile, openScript, runScript, VIEW_SCRIPTS } from '../actions.ts';
import { listRecent, type RecentCapture } from '../lib/recent.ts';
import { loadSamples, type Samples } from '../lib/samples.ts';

interface Item { label: string; detail: string; pick(): void }

export function ExamplesMenu() {
  const [open, setOpen] = useState(false);
  const [samples, setSamples] = useState<Samples | null>(null);
  const [recent, setRecent] = useState<RecentCapture[]>([]);
  const menu = useRef<HTMLUListElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => { if (open && !samples) void loadSamples().then(setSamples); }, [open, samples]);
  useEffect(() => { if (open) void listRecent().then(setRecent); }, [open]);
  useEffect(() => {
    if (!open) return;
    const first = menu.current?.querySelector<HTMLElement>('[role="menuitem"]');
    first?.focus();
    const close = (e: MouseEvent) => { if (!menu.current?.contains(e.target as Node) && e.target !== button.current) setOpen(false); };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [open, samples]);

  const items: { group: string; items: Item[] }[] = [];
  if (recent.length > 0) {
    items.push({ group: 'Recent captures', items: recent.map((r) => ({ label: r.name, detail: `${(r.size / 1024).toFixed(0)} KiB, opened ${new Date(r.openedAt).toLocaleString()}`, pick: () => openFile(new File([r.blob], r.name), true) })) });
  }
  if (samples) {
    items.push({ group: 'Examples', items: samples.examples.map((ex) => ({ label: ex.title, detail: ex.description, pick: () => void openExample(ex) })) });
    items.push({
      group: 'Scripts', items: samples.scripts.map((sc) => ({
        label: sc.name, detail: 'over the open capture', pick: () => void sc.load().then((text) => { openScript(text, sc.name, ''); runScript(); }),
      })),
    });
    items.push({ group: 'Captures', items: samples.captures.map((c) => ({ label: c.name, detail: 'with the current script', pick: () => openCapture({ kind: 'url', name: c.name, url: new URL(c.url, location.href).href }) })) });
  }
  items.push({ group: 'Built-in views', items: Object.entries(VIEW_SCRIPTS).map(([name, text]) => ({ label: name, detail: 'the D behind a tab', pick: () => openScript(text, name) })) });

  const onKey = (e: React.KeyboardEvent) => {
    const els = [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const i = els.indexOf(document.activeElement as HTMLElement);
    if (e.key === 'ArrowDown') { e.preventDefault(); els[(i + 1) % els.length]?.focus(); }
    else if (e.key === 'ArrowUp') { e.preventDefault(); els[(i - 1 + els.length) % els.length]?.focus(); }
    else if (e.key === 'Home') { e.preventDefault(); els[0]?.focus(); }
    else if (e.key === 'End') { e.preventDefault(); els[els.length - 1]?.focus(); }
    else if (e.key === 'Escape' || e.key === 'Tab') { setOpen(false); button.current?.focus(); }
  };

  return (
    <div className="menu-wrap">
      <button ref={button} type="button" aria-haspopup="menu" aria-expanded={open} aria-controls="examples-menu" onClick={() => setOpen(!open)}>Examples</button>
      {open && (
        <ul id="examples-menu" role="menu" aria-label="Examples" ref={menu} className="menu" onKeyDown={onKey}>
          {samples === null && <li role="none" className="menu-note">Loading…</li>}
          {items.map((g) => (
            <li role="none" key={g.group}>
              <span className="menu-group" id={`mg-${g.group}`}>{g.group}</span>
              <ul role="group" aria-labelledby={`mg-${g.group}`}>
                {g.items.length === 0 && <li role="none" className="menu-note">none bundled</li>}
                {g.items.map((it) => (
                  <li role="none" key={`${g.group}:${it.label}`}>
                    <button type="button" role="menuitem" tabIndex={-1} onClick={() => { setOpen(false); it.pick(); }}>
                      <span>{it.label}</span>{it.detail && <small>{it.detail}</small>}
                    </button>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
