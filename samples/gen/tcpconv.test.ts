import { describe, expect, it } from 'vitest';
import { PcapngWriter } from '../../src/capture/write.ts';
import { eth } from './craft.ts';
import { TcpConv, type TcpEnd, type TcpPacket } from './tcpconv.ts';
import { requireTshark, tempFile, tsharkFields } from '../test/tshark.ts';

requireTshark();

const MS = 1_000_000n;
const client: TcpEnd = { ip: '10.0.0.1', port: 40000, isn: 1000, win: 64240, mss: 1460, sackOk: true, tsval: 5000, wscale: 7, style: 'linux' };
const server: TcpEnd = { ip: '10.0.0.2', port: 80, isn: 9000, win: 65160, mss: 1460, sackOk: true, tsval: 7000, wscale: 9, style: 'linux', delack: 40n * MS };

function u32(b: Uint8Array, o: number): number { return ((b[o]! << 24) | (b[o + 1]! << 16) | (b[o + 2]! << 8) | b[o + 3]!) >>> 0; }
const seq = (p: TcpPacket): number => u32(p.ip, 24);
const ack = (p: TcpPacket): number => u32(p.ip, 28);

function write(ps: readonly TcpPacket[]): string {
  const w = new PcapngWriter().shb().idb(1, 262144, [{ code: 9, u8: 9 }]);
  for (const p of ps) w.epb(0, p.t, eth(p.from === 'a' ? '02:00:00:00:00:01' : '02:00:00:00:00:02', p.from === 'a' ? '02:00:00:00:00:02' : '02:00:00:00:00:01', p.ip));
  return tempFile('conv.pcapng', w.take());
}

describe('TcpConv', () => {
  it('does the 3-way handshake with matching sequence numbers', () => {
    const c = new TcpConv({ a: client, b: server, local: 'a', rtt: 20n * MS, start: 1_000_000_000n });
    const [syn, synack, ackp] = c.handshake('a').finish();
    expect([syn!.flags, synack!.flags, ackp!.flags]).toEqual(['S', 'SA', 'A']);
    expect(seq(syn!)).toBe(1000);
    expect([seq(synack!), ack(synack!)]).toEqual([9000, 1001]);
    expect([seq(ackp!), ack(ackp!)]).toEqual([1001, 9001]);
    // The remote's answer comes one RTT after our SYN; our ACK after the local processing delay.
    expect(synack!.t - syn!.t).toBe(20n * MS);
    expect(ackp!.t - synack!.t).toBe(45_000n);
  });

  it('retransmits a SYN with exponential backoff: 1, 3, 7 s after the first', () => {
    const c = new TcpConv({ a: client, b: server, local: 'b', rtt: 100_000n, start: 0n });
    c.syn('a').synRetransmits(3, 'a');
    const ts = c.finish().map((p) => p.t);
    expect(ts).toEqual([0n, 1_000_000_000n, 3_000_000_000n, 7_000_000_000n]);
    expect(new Set(c.packets.map(seq)).size).toBe(1);
  });

  it('answers a SYN to a closed port with RST/ACK, seq 0, ack ISN+1, window 0', () => {
    const c = new TcpConv({ a: client, b: { ...server, isn: 0 }, local: 'a', rtt: 300_000n, start: 0n });
    const [, rst] = c.refused('a').finish();
    expect(rst!.flags).toBe('RA');
    expect([seq(rst!), ack(rst!)]).toEqual([0, 1001]);
    expect((rst!.ip[34]! << 8) | rst!.ip[35]!).toBe(0);
  });

  it('ACKs every second full segment at once and a lone segment after the delayed-ACK interval', () => {
    const c = new TcpConv({ a: client, b: server, local: 'b', rtt: 10n * MS, start: 0n });
    c.handshake('a');
    c.wait(100n * MS);
    c.send('b', 3 * 1460);
    const ps = c.finish().slice(3);
    const flags = ps.map((p) => `${p.from}:${p.flags}:${p.len}`);
    // The remote's ACK of the first two is seen a round trip later, after the third left.
    expect(flags).toEqual(['b:A:1460', 'b:A:1460', 'b:PA:1460', 'a:A:0', 'a:A:0']);
    expect(ps[3]!.t - ps[1]!.t).toBe(10n * MS);
    expect(ack(ps[3]!)).toBe(seq(ps[1]!) + 1460);
    // The lone third segment waits for the client's delayed-ACK timer (50 ms when unset), seen an RTT later.
    const third = ps[2]!;
    expect(ps[4]!.t - third.t).toBe(10n * MS + 50n * MS);
    expect(ack(ps[4]!)).toBe(seq(third) + 1460);
  });

  it('closes with FIN/ACK, FIN/ACK, ACK', () => {
    const c = new TcpConv({ a: client, b: server, local: 'a', rtt: 1n * MS, start: 0n });
    c.handshake('a').close('a');
    const ps = c.finish().slice(3);
    expect(ps.map((p) => `${p.from}:${p.flags}`)).toEqual(['a:FA', 'b:FA', 'a:A']);
    expect(ack(ps[1]!)).toBe(seq(ps[0]!) + 1);
    expect(ack(ps[2]!)).toBe(seq(ps[1]!) + 1);
  });

  it('wraps sequence numbers at 2^32', () => {
    const c = new TcpConv({ a: { ...client, isn: 0xffffffff }, b: server, local: 'a', rtt: 1n * MS, start: 0n });
    c.handshake('a');
    expect(seq(c.packets[2]!)).toBe(0);
  });

  it('makes conversations tshark finds nothing wrong with', () => {
    const c = new TcpConv({ a: client, b: server, local: 'a', rtt: 30n * MS, start: 1_700_000_000_000_000_000n });
    c.handshake('a');
    c.reply('a', 'GET / HTTP/1.1\r\nHost: x\r\n\r\n');
    c.reply('b', 20_000);
    for (let i = 0; i < 5; i++) { c.wait(200n * MS); c.send('a', 36); c.reply('b', 36); }
    c.sendLost('a', 100, { tries: 2 });
    c.close('a');
    const rows = tsharkFields(write(c.finish()), ['frame.number', 'tcp.analysis.flags', '_ws.expert.message', 'tcp.checksum.status']);
    const bad = rows.filter((r) => /unseen|not captured|out-of-order|zero window|duplicate|lost/i.test(r[2] ?? ''));
    expect(bad).toEqual([]);
    expect(rows.filter((r) => /retransmission/i.test(r[2] ?? '')).length).toBe(2);
    expect(rows.every((r) => r[3] === '1')).toBe(true);
  });
});
