/**
 * A tcpsnoop scene (seed 004): TCP connections in and out on 10.1.1.20
 * (e1000g0) with data both ways and closed-port resets, and Darwin process
 * information on every frame whose socket the capture knows (so a tcpsnoop
 * rewrite can fill PID and CMD; UID is never in a capture):
 *
 *  - ssh (pid 2341) to 10.1.1.5:22, banners, keystrokes, close;
 *  - wget (pid 2390) fetching a page from 93.184.216.34:80;
 *  - an inbound ssh from 10.1.1.7: handshake on the listener of sshd (611),
 *    the session in the forked sshd (2402) — the "inetd -> in.*" hand-over
 *    tcpsnoop.d tracks;
 *  - an inbound finger via inetd (167) handed to in.fingerd (2430);
 *  - telnet (pid 2417) to the closed port 10.1.1.5:23: RST/ACK;
 *  - a SYN from 10.1.1.7 to our closed port 8080: our RST/ACK (no process).
 */
import { LINKTYPE } from '../../../src/capture/types.ts';
import { Scene, type Proc } from '../scene.ts';
import { TcpConv, type TcpEnd } from '../tcpconv.ts';
import { at, MS, SEC } from '../time.ts';
import { addTcp, type Wire } from './common.ts';

const LOCAL = { ip: '10.1.1.20', mac: '00:03:ba:9c:11:20' };
const SERVER5 = { ip: '10.1.1.5', mac: '00:03:ba:9c:11:05' };
const CLIENT7 = { ip: '10.1.1.7', mac: '00:1e:c9:27:4a:07' };
const ROUTER = { mac: '00:1d:a1:77:10:01' };

export const PROCS = {
  ssh: { pid: 2341, name: 'ssh' },
  wget: { pid: 2390, name: 'wget' },
  sshdListener: { pid: 611, name: 'sshd' },
  sshd: { pid: 2402, name: 'sshd' },
  inetd: { pid: 167, name: 'inetd' },
  fingerd: { pid: 2430, name: 'in.fingerd' },
  telnet: { pid: 2417, name: 'telnet' },
} satisfies Record<string, Proc>;

function solaris(ip: string, port: number, isn: number): TcpEnd {
  return { ip, port, isn, win: 49640, ttl: 60, wscale: 0, sackOk: true, style: 'solaris', delack: 50n * MS };
}
function linux(ip: string, port: number, isn: number): TcpEnd {
  return { ip, port, isn, win: 29200, mss: 1460, sackOk: true, tsval: 8_117_002, wscale: 7, style: 'linux', ttl: 64, delack: 40n * MS };
}

export function tcpsnoopScene(): Scene {
  const t0 = at('2007-10-04T13:40:00Z', 120_334_871n);
  const scene = new Scene('tcpsnoop.pcapng', 'tcpsnoop: TCP connections in and out with process information (ssh, wget, sshd, in.fingerd, telnet) and two closed-port resets', t0 - 1_500n * MS, { os: 'SunOS 5.10' });
  const w: Wire = { scene, ifId: scene.iface('e1000g0', LINKTYPE.ETHERNET, 'Intel PRO/1000'), localMac: LOCAL.mac };

  // Outbound ssh.
  {
    const c = new TcpConv({ a: solaris(LOCAL.ip, 32781, 2_005_117_333), b: solaris(SERVER5.ip, 22, 881_200_457), local: 'a', rtt: 310_000n, start: t0 });
    c.handshake('a');
    c.reply('b', 'SSH-2.0-Sun_SSH_1.1\r\n');
    c.reply('a', 'SSH-2.0-Sun_SSH_1.1\r\n');
    c.reply('a', 544); c.reply('b', 544);
    for (let i = 0; i < 5; i++) { c.wait(160n * MS + BigInt(i) * 23n * MS); c.send('a', 48); c.reply('b', 48); }
    c.wait(400n * MS);
    c.close('a');
    addTcp(w, c.finish(), 'a', SERVER5.mac, () => PROCS.ssh);
  }
  // Outbound HTTP with wget.
  {
    const c = new TcpConv({ a: solaris(LOCAL.ip, 32782, 3_377_100_902), b: linux('93.184.216.34', 80, 1_190_551_070), local: 'a', rtt: 86_000_000n, start: t0 + 700n * MS });
    c.handshake('a');
    c.reply('a', 'GET / HTTP/1.0\r\nUser-Agent: Wget/1.10.2\r\nAccept: */*\r\nHost: www.example.com\r\nConnection: Keep-Alive\r\n\r\n');
    c.reply('b', 4_596);
    c.wait(5n * MS);
    c.close('b');
    addTcp(w, c.finish(), 'a', ROUTER.mac, () => PROCS.wget);
  }
  // Inbound ssh: the listener's handshake, then the forked sshd.
  {
    const c = new TcpConv({ a: linux(CLIENT7.ip, 51234, 2_771_540_019), b: solaris(LOCAL.ip, 22, 1_600_443_122), local: 'b', rtt: 270_000n, start: t0 + 1_300n * MS });
    c.handshake('a');
    const hsEnd = c.now;
    c.reply('b', 'SSH-2.0-Sun_SSH_1.1\r\n');
    c.reply('a', 'SSH-2.0-OpenSSH_4.7\r\n');
    c.reply('b', 544); c.reply('a', 784);
    for (let i = 0; i < 3; i++) { c.wait(210n * MS); c.send('a', 52); c.reply('b', 52); }
    c.wait(300n * MS);
    c.close('a');
    const pk = c.finish();
    addTcp(w, pk, 'b', CLIENT7.mac, (p) => (p.t <= hsEnd ? PROCS.sshdListener : PROCS.sshd));
  }
  // Inbound finger via inetd.
  {
    const c = new TcpConv({ a: linux(CLIENT7.ip, 51250, 901_245_776), b: solaris(LOCAL.ip, 79, 3_110_004_511), local: 'b', rtt: 265_000n, start: t0 + 3n * SEC + 150n * MS });
    c.handshake('a');
    const hsEnd = c.now;
    c.wait(1n * MS);
    c.send('a', 'brendan\r\n');
    c.reply('b', 'Login name: brendan        In real life: Brendan Gregg\r\nDirectory: /export/home/brendan    Shell: /usr/bin/bash\r\nOn since Oct  4 23:32:07 on pts/3 from 10.1.1.7\r\nNo unread mail\r\nNo Plan.\r\n');
    c.close('b');
    addTcp(w, c.finish(), 'b', CLIENT7.mac, (p) => (p.t <= hsEnd ? PROCS.inetd : PROCS.fingerd));
  }
  // telnet to a closed port.
  {
    const c = new TcpConv({ a: solaris(LOCAL.ip, 32783, 1_044_880_213), b: solaris(SERVER5.ip, 23, 0), local: 'a', rtt: 305_000n, start: t0 + 3n * SEC + 900n * MS });
    c.refused('a');
    addTcp(w, c.finish(), 'a', SERVER5.mac, () => PROCS.telnet);
  }
  // A SYN to our closed port 8080.
  {
    const c = new TcpConv({ a: linux(CLIENT7.ip, 51262, 2_020_118_004), b: solaris(LOCAL.ip, 8080, 0), local: 'b', rtt: 260_000n, proc: 31_000n, start: t0 + 4n * SEC + 420n * MS });
    c.refused('a');
    addTcp(w, c.finish(), 'b', CLIENT7.mac);
  }
  return scene;
}
