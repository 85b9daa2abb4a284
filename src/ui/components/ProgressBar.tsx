/** The run's progress: bytes read of the capture (when its size is known), packets, packets/s. */
import { useStore } from '../store/store.ts';

export function ProgressBar() {
  const status = useStore((s) => s.runStatus);
  const p = useStore((s) => s.progress);
  const pps = useStore((s) => s.pps);
  const replay = useStore((s) => s.replay);
  const viewsBusy = useStore((s) => s.hosts.status === 'running' || s.packets.status === 'running');
  if (status === 'idle' && !viewsBusy) return <div className="progress-slot" />;
  if (replay && status !== 'idle') return <ReplayClock r={replay} />;
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

/** A paced replay: the capture's own clock and the packet position, as a live session would feel it. */
function ReplayClock({ r }: { r: NonNullable<ReturnType<typeof useStore.getState>['replay']> }) {
  const pct = r.packets > 0 ? Math.round((r.packet / r.packets) * 100) : 0;
  const text = `capture clock ${(r.clockNs / 1e9).toFixed(6)} s · packet ${r.packet.toLocaleString('en-US')} of ${r.packets.toLocaleString('en-US')}`;
  return (
    <div className="progress-slot">
      <div className="progress" role="progressbar" aria-label="Replay position" aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct} aria-valuetext={text}>
        <div className="progress-fill" style={{ width: `${pct}%` }} />
      </div>
      <span className="progress-text replay-clock" data-testid="replay-clock">{text}</span>
    </div>
  );
}
