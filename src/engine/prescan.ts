/**
 * The local-host prescan: when the capture does not say which packets were
 * sent and which received (and --local does not either), the first frames are
 * read ahead, the local host is inferred from them (providers/direction.ts),
 * and they are then replayed through the providers.
 *
 * Bounded and deterministic:
 *   - it stops after PRESCAN frames or once PRESCAN_BYTES of frame bytes are
 *     copied (16 MiB frames no longer make 1000 copies, 16 GB), or at the end
 *     of input — the same frames whether the capture is a file or a pipe, so
 *     `-r file`, `-r - < file` and `cat file | … -r -` decide alike;
 *   - live input that pauses for PRESCAN_PAUSE_MS once frames have arrived
 *     decides on those (tcpdump -U on a quiet link still traces at once);
 *   - Ctrl-C during it decides on what was read, and the run ends as usual.
 */
import type { CaptureReader, PacketRecord } from '../capture/types.ts';
import type { InputWaiter } from './input-wait.ts';

/** Frames examined before deciding the local host (when it must be inferred). */
export const PRESCAN = 1000;
/** Bytes of frames the prescan copies at most (the frame reaching it is the last). */
export const PRESCAN_BYTES = 32 << 20;
/** Live input: a pause this long after the first frame ends the prescan. */
export const PRESCAN_PAUSE_MS = 2000;

export interface PrescanResult {
  /** Copies of the frames read, to replay in order. */
  saved: PacketRecord[];
  /** Why it stopped. */
  stop: 'frames' | 'bytes' | 'end' | 'pause' | 'abort';
}

/** A record copied out of the reader's chunk (the prescan, the send-ahead's hold). */
export function copyRecord(r: PacketRecord): PacketRecord {
  return { ...r, buf: r.buf.slice(r.off, r.off + r.capLen), off: 0 };
}

export async function prescan(
  reader: CaptureReader,
  waiter: InputWaiter,
  observe: (r: PacketRecord) => void,
  opts: { live?: boolean; frames?: number; bytes?: number; pauseMs?: number } = {},
): Promise<PrescanResult> {
  const maxFrames = opts.frames ?? PRESCAN;
  const maxBytes = opts.bytes ?? PRESCAN_BYTES;
  const saved: PacketRecord[] = [];
  let bytes = 0;
  for (;;) {
    for (let p = reader.nextSync(); p !== null; p = reader.nextSync()) {
      observe(p);
      saved.push(copyRecord(p));
      bytes += p.capLen;
      if (saved.length >= maxFrames) return { saved, stop: 'frames' };
      if (bytes >= maxBytes) return { saved, stop: 'bytes' };
    }
    const r = await waiter.fill(opts.live === true && saved.length > 0 ? (opts.pauseMs ?? PRESCAN_PAUSE_MS) : undefined);
    if (r === 'end') return { saved, stop: 'end' };
    if (r === 'abort' || r === 'pause') return { saved, stop: r };
  }
}
