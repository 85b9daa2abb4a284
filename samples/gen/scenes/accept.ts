/**
 * The accept-queue article (seed 002), on the server 172.16.170.133 (a
 * Solaris 10 guest, e1000g0) with the client 172.16.170.1 (the VM host),
 * in two captures as the article ran two traces:
 *
 *  - (in accept-ssh.pcapng) ssh connections to port 22 at the article's times (14:53:17, 14:59:37
 *    from port 40950, 15:55:29 from port 41010 whose handshake completes
 *    199.338 us after its SYN);
 *  - (in accept-queue.pcapng) port 2000 with its backlog (Qmax 2) already
 *    full: the client's SYN from port 50066 at 15:58:52, dropped,
 *    retried at 15:58:53, :55 and :59 (gaps 1.002, 2.004, 4.004 s: the
 *    client's exponential backoff), answered once the application has accepted
 *    one queued connection; the handshake completes 7 010 737 202 ns (7.01 s)
 *    after the first SYN.
 *
 * Times are the article's `timestamp` values (ns since boot) plus a boot time
 * chosen so that `walltimestamp` gives its dates (2016 Aug 11, UTC).
 */
import { LINKTYPE } from '../../../src/capture/types.ts';
import { Scene } from '../scene.ts';
import { TcpConv, type TcpEnd } from '../tcpconv.ts';
import { MS, SEC } from '../time.ts';
import { addTcp, type Wire } from './common.ts';

/** Boot time: 1470745674 s since the epoch, so 185458485779874 ns after boot is 2016-08-11 15:58:52.486 UTC. */
export const BOOT_NS = 1_470_745_674n * SEC;
export const SERVER = { ip: '172.16.170.133', mac: '00:0c:29:8f:3a:51' };
export const CLIENT = { ip: '172.16.170.1', mac: '00:50:56:c0:00:08' };

/** The article's timestamps (ns since boot). */
export const T = {
  ssh1Syn: 181_523_558_976_884n,
  ssh2Syn: 181_903_328_660_708n,
  ssh3Syn: 185_255_847_646_301n,
  ssh3Est: 185_255_847_845_639n,
  syn1: 185_458_485_779_874n,
  syn2: 185_459_488_194_513n,
  syn3: 185_461_492_294_103n,
  syn4: 185_465_496_397_317n,
  established: 185_465_496_517_076n,
};

/** SYN to final ACK of the two earlier ssh connections (the article shows only their SYNs). */
export const SSH_HANDSHAKE_NS = 201_114n;

function client(port: number, isn: number): TcpEnd {
  return { ip: CLIENT.ip, port, isn, win: 29200, mss: 1460, sackOk: true, tsval: 41_660_100 + (port % 1000) * 7, wscale: 7, style: 'linux', ttl: 64, delack: 40n * MS };
}
function server(port: number, isn: number): TcpEnd {
  return { ip: SERVER.ip, port, isn, win: 49232, mss: 1460, sackOk: true, wscale: 0, style: 'solaris', ttl: 64, delack: 50n * MS };
}

function wire(file: string, comment: string, start: bigint): { scene: Scene; w: Wire } {
  const scene = new Scene(file, comment, start, { hardware: 'VMware Virtual Platform', os: 'SunOS 5.10 Generic_147148-26' });
  return { scene, w: { scene, ifId: scene.iface('e1000g0', LINKTYPE.ETHERNET, 'Intel PRO/1000'), localMac: SERVER.mac } };
}

/** Port 22: the article's three traced ssh connections, each with a banner exchange and typing. */
export function acceptSshScene(): Scene {
  const { scene, w } = wire('accept-ssh.pcapng', 'Accept queue (2016 article): ssh connections to port 22 at 14:53:17, 14:59:37 (from 40950) and 15:55:29 (from 41010, established 199.338 us after its SYN)', BOOT_NS + T.ssh1Syn - 2_400n * MS);
  const ssh = (syn: bigint, port: number, isn: number, est?: bigint, keystrokes = 4): void => {
    const rttTotal = est !== undefined ? est - syn : SSH_HANDSHAKE_NS;
    const c = new TcpConv({ a: client(port, isn), b: server(22, 0x5c1d0000 + port * 977), local: 'b', proc: 47_000n, rtt: rttTotal - 47_000n, start: BOOT_NS + syn });
    c.handshake('a');
    c.reply('b', 'SSH-2.0-Sun_SSH_1.1.4\r\n');
    c.reply('a', 'SSH-2.0-OpenSSH_7.2p2 Ubuntu-4ubuntu2.1\r\n');
    c.reply('b', 640);
    c.reply('a', 1392);
    for (let i = 0; i < keystrokes; i++) { c.wait(180n * MS + BigInt(i) * 37n * MS); c.send('a', 36); c.reply('b', 36); }
    addTcp(w, c.finish(), 'b', CLIENT.mac);
  };
  ssh(T.ssh1Syn, 40930, 1_007_554_201);
  ssh(T.ssh2Syn, 40950, 2_650_118_333);
  ssh(T.ssh3Syn, 41010, 3_871_220_409, T.ssh3Est);
  return scene;
}

/**
 * Port 2000 with a full backlog. The two connections filling it were made
 * before the capture started (as in the article, by an earlier test
 * script), so the capture, like the article's trace, shows only the client
 * from port 50066: its SYN dropped three times, then answered.
 */
export function acceptQueueScene(): Scene {
  const { scene, w } = wire('accept-queue.pcapng', 'Accept queue (2016 article): SYNs to port 2000 retried at 1, 3 and 7 s while the backlog is full, established 7.01 s after the first', BOOT_NS + T.syn1 - 1_830n * MS);
  const proc = 41_000n;
  const c = new TcpConv({ a: client(50066, 3_016_207_951), b: server(2000, 0x2f6a9c00), local: 'b', proc, rtt: T.established - T.syn4 - proc, start: BOOT_NS + T.syn1 });
  c.syn('a');
  c.synRetransmits(3, 'a', SEC, [T.syn2 - T.syn1, T.syn3 - T.syn2, T.syn4 - T.syn3]);
  c.handshake('a', true);
  c.wait(1_200n * MS);
  c.send('a', 'hello from the client\n');
  c.wait(800n * MS);
  c.close('a');
  addTcp(w, c.finish(), 'b', CLIENT.mac);
  return scene;
}
