/**
 * What reassembly did with the fragments it was given, for one warning
 * paragraph at the end of a run: counts by outcome with the first frame
 * numbers of each (the frame of the fragment concerned; for a datagram, the
 * frame of its first fragment to arrive).
 */

export const WHY_TIMEOUT = 0;
export const WHY_EVICTED = 1;
export const WHY_OVERLAP = 2;
export const WHY_LENGTH = 3;
export const WHY_OVERSIZE = 4;
export const WHY_ECN = 5;
export const WHY_DUP = 6;
export const WHY_BAD = 7;
export const WHY_CUT = 8;
export const WHY_PENDING = 9;
/** Send side (the providers' lookahead): a sent datagram the capture lacks fragments of. */
export const WHY_SENT_PARTIAL = 10;
export const WHY_SENT_HEADLESS = 11;

const FIRST_FRAMES = 5;

function texts(timeoutNs: number, highBytes: number): string[] {
  const mib = highBytes / (1 << 20);
  return [
    `timed out after ${timeoutNs / 1e9} s (ipvN:::drop-in)`,
    `dropped for room, oldest first, over ${Number.isInteger(mib) ? `${mib} MiB` : `${highBytes} bytes`} of fragments held (ipvN:::drop-in)`,
    'overlapping fragments: datagram discarded (ipvN:::drop-in)',
    'inconsistent fragment lengths: datagram discarded (ipvN:::drop-in)',
    'longer than 65535 bytes: datagram discarded (ipvN:::drop-in)',
    'not-ECT fragments mixed with ECT/CE ones: datagram discarded (ipvN:::drop-in)',
    'duplicate fragments dropped (ipvN:::drop-in)',
    'IPv6 fragments dropped: length not a multiple of 8 or past 65535, a first fragment without its upper-layer header, or a jumbo payload (ipvN:::drop-in)',
    'fragments whose IP header the capture cut: not reassembled',
    'datagrams incomplete at the end of the capture',
    'sent datagrams with fragments missing from the capture: tcp/udp:::send saw the first fragment alone',
    'sent datagrams without their first fragment in the capture: no tcp/udp:::send',
  ];
}

export class ReassemblyStats {
  /** Datagrams reassembled and delivered. */
  reassembled = 0;
  readonly counts = new Array<number>(12).fill(0);
  readonly frames: number[][] = Array.from({ length: 12 }, () => []);

  note(why: number, frame: number): void {
    this.counts[why]!++;
    const fs = this.frames[why]!;
    if (fs.length < FIRST_FRAMES) fs.push(frame);
  }

  get troubles(): number {
    return this.counts.reduce((a, b) => a + b, 0);
  }

  /** Text lines for stderr (none when nothing went wrong). */
  lines(timeoutNs: number, highBytes: number): string[] {
    if (this.troubles === 0) return [];
    const t = texts(timeoutNs, highBytes);
    const out = [`IP reassembly (${this.reassembled} datagram${this.reassembled === 1 ? '' : 's'} reassembled):`];
    for (let w = 0; w < this.counts.length; w++) {
      const n = this.counts[w]!;
      if (n === 0) continue;
      const fs = this.frames[w]!;
      out.push(`  ${n} ${t[w]} (frame ${fs.join(', ')}${n > fs.length ? ', ...' : ''})`);
    }
    return out;
  }
}
