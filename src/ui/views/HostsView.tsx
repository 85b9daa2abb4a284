/** The Hosts tab: packets and IP payload bytes per host, sent and received (hosts.d). */
import { useStore } from '../store/store.ts';
import { DataTable, type Col } from '../components/DataTable.tsx';
import { BarChart } from '../components/BarChart.tsx';
import { ViewShell } from './ViewShell.tsx';

const COLS: Col[] = [
  { key: 'host', header: 'Host' },
  { key: 'sentPkts', header: 'Packets sent', numeric: true },
  { key: 'recvPkts', header: 'Packets received', numeric: true },
  { key: 'sentBytes', header: 'Payload bytes sent', numeric: true },
  { key: 'recvBytes', header: 'Payload bytes received', numeric: true },
];

export function HostsView() {
  const hosts = useStore((s) => s.hosts);
  return (
    <ViewShell what="packets and bytes per host" script="hosts.d" view={hosts}>
      {(rows) => rows.length === 0 ? <p className="empty">No IP packets in this capture.</p> : (
        <div className="hosts">
          <DataTable label="Hosts" cols={COLS} rows={rows.map((r) => ({ ...r }))} />
          <BarChart label="Packets per host" bars={rows.map((r) => ({ label: r.host, value: r.sentPkts + r.recvPkts }))} max={20} />
        </div>
      )}
    </ViewShell>
  );
}
