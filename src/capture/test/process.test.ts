import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { newRecord } from '../chunked.ts';
import { MAX_VALUE, parseProcessComments } from '../process.ts';
import { PcapngWriter } from '../write.ts';
import { drain, udpFrame } from './util.ts';
import { openCapture } from '../open.ts';
import { bytesSource } from '../sources.ts';

/** ptcpdump's comments for one packet, as internal/writer/pcapng.go writes them (every context on). */
const PTCPDUMP = [
  'PID: 5120\nCmd: /usr/local/bin/python3.12\nArgs: python3 /app/server.py --tim...',
  'ThreadId: 5133\nThreadName: resolver',
  'UserId: 10001\nGroupId: 10002',
  'ParentPID: 5101\nParentCmd: /usr/bin/tini\nParentArgs: tini -- python3',
  'ContainerName: api\nContainerId: 8e7f\nContainerImage: registry.local/api:2.4.1\nContainerLabels: {}',
  'PodName: api-5f6c9d8b7-qq4lz\nPodNamespace: shop\nPodUID: 1a2b\nPodLabels: {}\nPodAnnotations: {}',
];

describe('process comments', () => {
  it('reads every ptcpdump context, the truncation mark removed and remembered', () => {
    const r = newRecord();
    expect(parseProcessComments(PTCPDUMP, r)).toBe('ok');
    expect([r.pid, r.procName, r.effPid, r.effProcName]).toEqual([5120, 'python3.12', 5120, 'python3.12']);
    expect(r.proc).toMatchObject({
      source: 'ptcpdump', cmd: '/usr/local/bin/python3.12', cmdTruncated: false,
      args: 'python3 /app/server.py --tim', argsTruncated: true, tid: 5133, threadName: 'resolver',
      uid: 10001, gid: 10002, ppid: 5101, parentCmd: '/usr/bin/tini', container: 'api',
      containerImage: 'registry.local/api:2.4.1', pod: 'api-5f6c9d8b7-qq4lz', podNamespace: 'shop',
    });
  });

  it('leaves what ptcpdump left out unknown (-1, "")', () => {
    const r = newRecord();
    expect(parseProcessComments(['PID: 7\nCmd: /bin/sh\nArgs: sh'], r)).toBe('ok');
    expect(r.proc).toMatchObject({ uid: -1, gid: -1, ppid: -1, tid: -1, container: '', pod: '' });
  });

  it('names a /dev/fd script by its argv[0], as ptcpdump does', () => {
    const r = newRecord();
    parseProcessComments(['PID: 9\nCmd: /dev/fd/3\nArgs: /usr/bin/backup.sh --now'], r);
    expect(r.procName).toBe('backup.sh');
  });

  it('ignores comments that are none of ours', () => {
    const r = newRecord();
    expect(parseProcessComments(['hello', 'ParentPID: 1'], r)).toBe('');
    expect(r.pid).toBe(-1);
    expect(r.proc).toBeNull();
  });

  it('reads etl2pcapng PID/TID and names no process (often not the packet\'s owner)', () => {
    const r = newRecord();
    expect(parseProcessComments(['PID=4 TID=1180'], r)).toBe('ok');
    expect([r.pid, r.procName]).toEqual([4, '']);
    expect(r.proc).toMatchObject({ source: 'etl2pcapng', tid: 1180 });
  });

  it('says what is wrong with a lying comment and keeps no process', () => {
    for (const c of ['PID: 12x\nCmd: /bin/x', 'PID: -3', 'PID=abc TID=1', 'PID=1 TID=99999999999']) {
      const r = newRecord();
      const res = parseProcessComments([c], r);
      expect(res, c).not.toBe('ok');
      expect(res, c).not.toBe('');
      expect([r.pid, r.procName, r.proc], c).toEqual([-1, '', null]);
    }
  });

  it('bounds every value it keeps', () => {
    const r = newRecord();
    parseProcessComments([`PID: 1\nCmd: /x\nArgs: ${'a'.repeat(100_000)}`], r);
    expect(r.proc!.args.length).toBe(MAX_VALUE);
  });

  it('never throws on any comment text', () => {
    fc.assert(fc.property(fc.array(fc.oneof(fc.string(), fc.constantFrom(...PTCPDUMP), fc.string().map((s) => `PID: ${s}`), fc.string().map((s) => `PID=${s}`))), (cs) => {
      const r = newRecord();
      const res = parseProcessComments(cs, r);
      if (res !== 'ok') expect(r.proc).toBeNull();
    }), { numRuns: 2000 });
  });

  it('a pcapng reader warns with the frame number for a lying comment', async () => {
    const w = new PcapngWriter().shb().idb(1);
    w.epb(0, 1n, udpFrame(1), undefined, { comments: PTCPDUMP });
    w.epb(0, 2n, udpFrame(2), undefined, { comments: ['PID: nope'] });
    const reader = await openCapture(bytesSource(w.take(), 'x', 0));
    const recs = await drain(reader);
    expect(recs.map((x) => x.pid)).toEqual([5120, -1]);
    expect(reader.warnings.map((x) => [x.frame, /PID "nope" is not a process id; process fields left empty/.test(x.message)])).toEqual([[2, true]]);
  });
});
