/**
 * The connection table: TcpConn by key (flow id * 2 + which end is local, so
 * the two ends of a loopback connection are two connections, as in a kernel).
 * Bounded: past `max` entries, closed and TIME_WAIT connections go first,
 * then the least recently active ones; evicted objects are pooled and reused.
 */
import { TcpConn, TCPS_CLOSED, TCPS_TIME_WAIT } from './conn.ts';

export class ConnTable {
  private readonly map = new Map<number, TcpConn>();
  private readonly pool: TcpConn[] = [];
  evicted = 0;

  constructor(readonly max = 65536) {}

  get size(): number { return this.map.size; }

  get(key: number): TcpConn | undefined { return this.map.get(key); }

  create(key: number, flow: number, version: number): TcpConn {
    if (this.map.size >= this.max) this.evict();
    const c = this.pool.pop() ?? new TcpConn();
    c.reset(key, flow, version);
    this.map.set(key, c);
    return c;
  }

  delete(c: TcpConn): void {
    if (this.map.get(c.key) === c) { this.map.delete(c.key); this.pool.push(c); }
  }

  /** Frees a quarter of the table: closed ones first, then the idlest (Map order is creation order; lastNs decides). */
  private evict(): void {
    const target = this.max - (this.max >> 2);
    for (const c of this.map.values()) {
      if (this.map.size <= target) return;
      if (c.state === TCPS_CLOSED || c.state === TCPS_TIME_WAIT) { this.delete(c); this.evicted++; }
    }
    if (this.map.size <= target) return;
    const byAge = [...this.map.values()].sort((a, b) => a.lastNs - b.lastNs);
    for (const c of byAge) {
      if (this.map.size <= target) break;
      this.delete(c);
      this.evicted++;
    }
  }
}
