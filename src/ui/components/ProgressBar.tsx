/** The run's progress: bytes read of the capture (when its size is known), packets, packets/s. */
import { useStore } from '../store/store.ts';

export function ProgressBar() {
  const status = useStore((s) => s.runStatus);
  const p = useStore((s) => s.progress);
  const pps = useStore((s) => s.pps);
  const viewsBusy = useStore((s) => s.hosts.status === 'running' || s.packets.status === 'running');
  if (status === 'idle' && !viewsBusy) return <div className="progress-slot" />;
  const pct = p?.totalBytes ? Math.min(100, Math.round((p.bytes / p.totalBytes) * 100)) : 0;
  const text = status === 'idle'
    ? 'Computing views'
    : p ? `${p.packets.toLocaleString('en-US')} packets, ${Math.round(pps).toLocaleString('en-US')} packets/s${p.totalBytes ? `, ${pct}% read` : `, ${(p.bytes / 1048576).toFixed(1)} MiB read`}` : status === 'stopping' ? 'Stopping…' : 'Starting…';
  return (
    <div className="progress-slot">
      <div className="progress" role="progressbar" aria-label={status === 'idle' ? 'View progress' : 'Run progress'} aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct} aria-valuetext={text}>
        <div className={p?.totalBytes ? 'progress-fill' : 'progress-fill indeterminate'} style={p?.totalBytes ? { width: `${pct}%` } : undefined} />
      </div>
      <span className="progress-text">{text}</span>
    </div>
  );
}
