/** The result tabs (tablist pattern: arrow keys, Home/End; only the active tab is in the tab order). */
import { lazy, Suspense, useRef } from 'react';
import { selectTab } from '../actions.ts';
import { TABS, useStore, type TabId } from '../store/store.ts';
import { OutputView } from '../views/OutputView.tsx';

const AggregationsView = lazy(() => import('../views/AggregationsView.tsx').then((m) => ({ default: m.AggregationsView })));
const HostsView = lazy(() => import('../views/HostsView.tsx').then((m) => ({ default: m.HostsView })));
const TimelineView = lazy(() => import('../views/TimelineView.tsx').then((m) => ({ default: m.TimelineView })));
const TunnelsView = lazy(() => import('../views/TunnelsView.tsx').then((m) => ({ default: m.TunnelsView })));
const CaptureView = lazy(() => import('../views/CaptureView.tsx').then((m) => ({ default: m.CaptureView })));

const VIEWS: Record<TabId, React.ComponentType> = {
  Output: OutputView, Aggregations: AggregationsView, Hosts: HostsView, Timeline: TimelineView, Tunnels: TunnelsView, Capture: CaptureView,
};

const id = (t: TabId) => `tab-${t.toLowerCase()}`;

export function Tabs() {
  const tab = useStore((s) => s.tab);
  const aggCount = useStore((s) => s.aggs.length);
  const list = useRef<HTMLDivElement>(null);
  const onKey = (e: React.KeyboardEvent) => {
    const i = TABS.indexOf(tab);
    let next: number | null = null;
    if (e.key === 'ArrowRight') next = (i + 1) % TABS.length;
    else if (e.key === 'ArrowLeft') next = (i - 1 + TABS.length) % TABS.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = TABS.length - 1;
    if (next === null) return;
    e.preventDefault();
    selectTab(TABS[next]!);
    list.current?.querySelector<HTMLElement>(`#${id(TABS[next]!)}`)?.focus();
  };
  const View = VIEWS[tab];
  return (
    <div className="tabs">
      <div role="tablist" aria-label="Results" ref={list} onKeyDown={onKey} className="tablist">
        {TABS.map((t) => (
          <button key={t} type="button" role="tab" id={id(t)} aria-selected={t === tab} aria-controls={`${id(t)}-panel`} tabIndex={t === tab ? 0 : -1} onClick={() => selectTab(t)}>
            {t}{t === 'Aggregations' && aggCount > 0 ? <span className="badge" aria-hidden="true"> {new Set(useStore.getState().aggs.map((a) => a.name)).size}</span> : null}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${id(tab)}-panel`} aria-labelledby={id(tab)} className="tabpanel" tabIndex={-1}>
        <Suspense fallback={<p className="empty">Loading…</p>}>
          <View />
        </Suspense>
      </div>
    </div>
  );
}
