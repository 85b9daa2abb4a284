/**
 * A ptcpdump scene (Linux, eBPF capture with process context): what
 * `ptcpdump -i eth0 --context=process,thread,user,parentproc,container,pod
 * -w x.pcapng` writes on a Kubernetes node. Each packet a process sent or
 * received carries ptcpdump's comments (internal/writer/pcapng.go): PID/Cmd/
 * Args, ThreadId/ThreadName, UserId/GroupId, ParentPID/ParentCmd/ParentArgs, and for
 * containerised processes ContainerName/Id/Image/Labels and PodName/
 * Namespace/UID/Labels/Annotations. Argument lists the kernel cut short end
 * in "...". Packets no process owns (the kernel's RST for a closed port)
 * carry no comment.
 *
 * (The user context is left out for uid 0, as ptcpdump leaves it out.)
 *
 *  - curl (pid 122868, uid 1000, from bash 53229) fetching a page from
 *    93.184.216.34:80 on the host;
 *  - nginx worker 4711 in container "web" (pod web-7d9c6b5f4-x2x7q) serving
 *    10.42.0.9, its parent the nginx master 4700;
 *  - python3 (pid 5120, uid 10001) in container "api" (pod api-5f6c9),
 *    whose long argument list was truncated, calling 10.43.0.10:53 (UDP);
 *  - a SYN to the closed port 9090: the kernel's RST, no process.
 */
import { LINKTYPE } from '../../../src/capture/types.ts';
import { dns, dnsPtr, ipv4, udp } from '../craft.ts';
import { Scene } from '../scene.ts';
import { TcpConv, type TcpEnd } from '../tcpconv.ts';
import { at, MS } from '../time.ts';
import { received, sent, type Wire } from './common.ts';

const LOCAL = { ip: '10.42.0.5', mac: '52:54:00:12:34:05' };
const GW = { mac: '52:54:00:12:34:01' };
const PEER = { ip: '10.42.0.9', mac: '52:54:00:12:34:09' };

interface Ctx {
  pid: number; cmd: string; args: string; tid: number; tname: string; uid: number; gid: number;
  ppid: number; pcmd: string; pargs: string;
  container?: { name: string; id: string; image: string; labels: string };
  pod?: { name: string; ns: string; uid: string; labels: string; annotations: string };
}

/** The comments ptcpdump writes for a packet of process `c` (one per context, in its order). */
export function ptcpdumpComments(c: Ctx): string[] {
  const out = [
    `PID: ${c.pid}\nCmd: ${c.cmd}\nArgs: ${c.args}`,
    `ThreadId: ${c.tid}\nThreadName: ${c.tname}`,
    `UserId: ${c.uid}\nGroupId: ${c.gid}`,
    `ParentPID: ${c.ppid}\nParentCmd: ${c.pcmd}\nParentArgs: ${c.pargs}`,
  ];
  if (c.container) out.push(`ContainerName: ${c.container.name}\nContainerId: ${c.container.id}\nContainerImage: ${c.container.image}\nContainerLabels: ${c.container.labels}`);
  if (c.pod) out.push(`PodName: ${c.pod.name}\nPodNamespace: ${c.pod.ns}\nPodUID: ${c.pod.uid}\nPodLabels: ${c.pod.labels}\nPodAnnotations: ${c.pod.annotations}`);
  return out;
}

export const CURL: Ctx = {
  pid: 122868, cmd: '/usr/bin/curl', args: 'curl -s http://example.com/', tid: 122868, tname: 'curl', uid: 1000, gid: 1000,
  ppid: 53229, pcmd: '/usr/bin/bash', pargs: '-bash',
};
export const NGINX: Ctx = {
  pid: 4711, cmd: '/usr/sbin/nginx', args: 'nginx: worker process', tid: 4711, tname: 'nginx', uid: 101, gid: 101,
  ppid: 4700, pcmd: '/usr/sbin/nginx', pargs: 'nginx: master process nginx -g daemon off;',
  container: { name: 'web', id: '3f1c2d9e8b7a6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d', image: 'docker.io/library/nginx:1.25', labels: '{"app":"web"}' },
  pod: { name: 'web-7d9c6b5f4-x2x7q', ns: 'default', uid: '9b2f6a1e-4c3d-4e5f-8a7b-6c5d4e3f2a1b', labels: '{"app":"web"}', annotations: '{}' },
};
export const PYTHON: Ctx = {
  pid: 5120, cmd: '/usr/local/bin/python3.12', tid: 5133, tname: 'resolver', uid: 10001, gid: 10001,
  args: 'python3 /app/server.py --config /etc/api/config.yaml --workers 8 --log-level debug --bind 0.0.0.0:8000 --upstream http://inventory.default.svc.cluster.local:8080 --tim...',
  ppid: 5101, pcmd: '/usr/bin/tini', pargs: 'tini -- python3 /app/server.py',
  container: { name: 'api', id: '8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d3f1c2d9e8b7a6c5d4e3f2a1b0c9d', image: 'registry.local/api:2.4.1', labels: '{"tier":"backend"}' },
  pod: { name: 'api-5f6c9d8b7-qq4lz', ns: 'shop', uid: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d', labels: '{"app":"api"}', annotations: '{}' },
};

function linux(ip: string, port: number, isn: number): TcpEnd {
  return { ip, port, isn, win: 64240, mss: 1460, sackOk: true, tsval: 3_410_064_770, wscale: 7, style: 'linux', ttl: 64, delack: 40n * MS };
}

export function ptcpdumpScene(): Scene {
  const t0 = at('2026-05-10T09:12:00Z', 400_239_000n);
  const scene = new Scene('ptcpdump-containers.pcapng', 'ptcpdump: process, thread, user, parent, container and pod context in packet comments (curl on the host, nginx and python3 in pods)', t0 - 500n * MS, { os: 'Linux 6.8.0' });
  const w: Wire = { scene, ifId: scene.iface('eth0', LINKTYPE.ETHERNET, 'virtio_net'), localMac: LOCAL.mac };
  const add = (pk: readonly { t: bigint; from: 'a' | 'b'; ip: Uint8Array }[], local: 'a' | 'b', peerMac: string, ctx?: Ctx): void => {
    for (const p of pk) {
      const o = ctx ? { comment: ptcpdumpComments(ctx) } : {};
      if (p.from === local) sent(w, p.t, p.ip, peerMac, o);
      else received(w, p.t, p.ip, peerMac, o);
    }
  };
  {
    const c = new TcpConv({ a: linux(LOCAL.ip, 53258, 1_249_028_847), b: linux('93.184.216.34', 80, 2_029_530_089), local: 'a', rtt: 18_000_000n, start: t0 });
    c.handshake('a');
    c.reply('a', 'GET / HTTP/1.1\r\nHost: example.com\r\nUser-Agent: curl/8.5.0\r\nAccept: */*\r\n\r\n');
    c.reply('b', 1_256);
    c.close('a');
    add(c.finish(), 'a', GW.mac, CURL);
  }
  {
    const c = new TcpConv({ a: linux(PEER.ip, 41822, 3_001_200_400), b: linux(LOCAL.ip, 8080, 771_004_210), local: 'b', rtt: 120_000n, start: t0 + 300n * MS });
    c.handshake('a');
    c.send('a', 'GET /healthz HTTP/1.1\r\nHost: web\r\n\r\n');
    c.reply('b', 'HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok');
    c.close('a');
    add(c.finish(), 'b', PEER.mac, NGINX);
  }
  {
    const q = ipv4({ src: LOCAL.ip, dst: '10.43.0.10', id: 0x5151, ttl: 64 }, udp({ sport: 45123, dport: 53 }, dns({ id: 0x3e1d, qname: 'inventory.default.svc.cluster.local' })));
    const r = ipv4({ src: '10.43.0.10', dst: LOCAL.ip, id: 0x0a0a, ttl: 63 }, udp({ sport: 53, dport: 45123 }, dns({ id: 0x3e1d, qname: 'inventory.default.svc.cluster.local', response: true, ra: true, aa: true, answers: [{ name: dnsPtr(12), type: 1, ttl: 30, data: Uint8Array.from([10, 43, 12, 7]) }] })));
    sent(w, t0 + 500n * MS, q, GW.mac, { comment: ptcpdumpComments(PYTHON) });
    received(w, t0 + 501n * MS, r, GW.mac, { comment: ptcpdumpComments(PYTHON) });
  }
  {
    const c = new TcpConv({ a: linux(PEER.ip, 41900, 1_100_200_300), b: linux(LOCAL.ip, 9090, 0), local: 'b', rtt: 120_000n, start: t0 + 700n * MS });
    c.refused('a');
    add(c.finish(), 'b', PEER.mac);
  }
  return scene;
}
