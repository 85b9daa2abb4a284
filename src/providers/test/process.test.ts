/**
 * The process a packet carries (ptcpdump and etl2pcapng comments) as D sees
 * it: execname, pid, ppid, uid, gid, zonename and curpsinfo, bounded as
 * illumos bounds them; nothing for packets that carry no process, nor for
 * BEGIN/END.
 */
import { describe, expect, it } from 'vitest';
import { eth, ipv4, udp } from '../../../samples/gen/craft.ts';
import { lines, LOCAL_MAC, PEER_MAC, pcapng, trace } from './harness.ts';

const pkt = (): Uint8Array => eth(LOCAL_MAC, PEER_MAC, ipv4({ src: '10.0.0.1', dst: '10.0.0.2' }, udp({ sport: 1000, dport: 2000 }, 'x')));
const LONG = `${'a'.repeat(60)} ${'b'.repeat(60)}`;
const SHOW = 'BEGIN, udp:::send, END { printf("[%s] %d %d %d %d [%s] [%s] [%s] %d %d %d %d\\n", execname, pid, ppid, uid, gid, zonename, ' +
  'curpsinfo->pr_fname, curpsinfo->pr_psargs, curpsinfo->pr_pid, curpsinfo->pr_ppid, curpsinfo->pr_uid, curpsinfo->pr_argc); }';

describe('process from packet comments', () => {
  it('maps ptcpdump contexts onto D variables and clears them for frames without one', async () => {
    const cap = pcapng([
      { data: pkt(), dir: 'out', comments: ['PID: 4711\nCmd: /usr/sbin/nginx-with-a-long-name\nArgs: nginx: worker process', 'UserId: 101\nGroupId: 102', 'ParentPID: 4700\nParentCmd: /usr/sbin/nginx\nParentArgs: nginx', 'ContainerName: web\nContainerId: 3f1c'] },
      { data: pkt(), dir: 'out' },
      { data: pkt(), dir: 'out', comments: [`PID: 9\nCmd: /bin/sh\nArgs: ${LONG}...`] },
    ]);
    const r = await trace(SHOW, [cap]);
    expect(lines(r.out)).toEqual([
      // BEGIN and END fire in the consumer (execname "dtrace" by default), not in a packet's process.
      '[dtrace] 0 0 0 0 [global] [] [] 0 0 0 0',
      // execname is MAXCOMLEN (16) bytes, pr_fname PRFNSZ-1 (15).
      '[nginx-with-a-lon] 4711 4700 101 102 [web] [nginx-with-a-lo] [nginx: worker process] 4711 4700 101 3',
      '[] 0 0 0 0 [global] [] [] 0 0 0 0',
      // pr_psargs holds PRARGSZ-1 (79) bytes of the arguments.
      `[sh] 9 0 0 0 [global] [sh] [${LONG.slice(0, 79)}] 9 0 0 2`,
      '[dtrace] 0 0 0 0 [global] [] [] 0 0 0 0',
    ]);
    expect(r.msgs.filter((m) => m.startsWith('warning'))).toEqual([]);
  });

  it('gives etl2pcapng\'s PID but no name; a lying comment leaves the process empty with a warning', async () => {
    const cap = pcapng([
      { data: pkt(), dir: 'out', comments: ['PID=4 TID=1180'] },
      { data: pkt(), dir: 'out', comments: ['PID: 12x\nCmd: /bin/evil'] },
    ]);
    const r = await trace('udp:::send { printf("[%s] %d\\n", execname, pid); }', [cap]);
    expect(lines(r.out)).toEqual(['[] 4', '[] 0']);
    expect(r.msgs.filter((m) => /frame 2: .*PID "12x" is not a process id/.test(m)).length).toBe(1);
  });
});
