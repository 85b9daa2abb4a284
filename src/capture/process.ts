/**
 * Process information carried in packet comments (pcapng opt_comment).
 *
 * ptcpdump (Linux, eBPF; internal/writer/pcapng.go) writes, per packet, one
 * comment per context it knows, each a set of "Key: value" lines:
 *
 *   PID: <pid>\nCmd: <command path>\nArgs: <argv joined by spaces>
 *   ThreadId: <tid>\nThreadName: <comm>
 *   UserId: <uid>\nGroupId: <gid>         (older versions: UserId only; none for uid 0)
 *   ParentPID: <ppid>\nParentCmd: <path>\nParentArgs: <argv>
 *   ContainerName: …\nContainerId: …\nContainerImage: …\nContainerLabels: …
 *   PodName: …\nPodNamespace: …\nPodUID: …\nPodLabels: …\nPodAnnotations: …
 *
 * A command or argument list the kernel cut short ends in "..." (its own
 * reader, internal/types/context.go, strips it and marks it truncated; so do
 * we). Its reader also accepts "Command"/"ParentCommand" and "TID". The short
 * process name is the command's basename, or argv[0]'s when the command is a
 * /dev/fd/N script (ptcpdump's ProcessBase.Comm).
 *
 * Windows etl2pcapng (microsoft/etl2pcapng src/main.c) writes
 * "PID=<pid> TID=<tid>[ more key=value pairs]": the ids of the thread that
 * was running when ndiscap logged the packet, which its README warns is
 * often not the process the packet belongs to. We expose them, flagged by
 * source, and name no process.
 *
 * A comment that starts like one of these but does not parse (a "PID:" that
 * is not a number) is "lying": the process fields stay empty and the caller
 * warns with the frame number. Every value is cut at MAX_VALUE characters:
 * what a capture can make us keep is bounded.
 */
import type { PacketRecord, ProcessDetail } from './types.ts';

/** Longest comment value kept (characters); D bounds its strings further (strsize, PRARGSZ, ...). */
export const MAX_VALUE = 4096;

/** Result of looking at a packet's comments: none of ours, parsed, or a malformed one (with why). */
export type ProcessCommentResult = '' | 'ok' | string;

function cut(v: string): string {
  return v.length > MAX_VALUE ? v.slice(0, MAX_VALUE) : v;
}

/** A decimal integer (optionally negative), or null. */
function int(v: string): number | null {
  if (!/^-?\d{1,10}$/.test(v)) return null;
  const n = Number(v);
  return n >= -2147483648 && n <= 4294967295 ? n : null;
}

function basename(p: string): string {
  const i = p.lastIndexOf('/');
  return i >= 0 ? p.slice(i + 1) : p;
}

function newDetail(source: ProcessDetail['source']): ProcessDetail {
  return {
    source, cmd: '', cmdTruncated: false, args: '', argsTruncated: false, tid: -1, threadName: '', uid: -1, gid: -1,
    ppid: -1, parentCmd: '', parentArgs: '', container: '', containerId: '', containerImage: '', pod: '', podNamespace: '',
  };
}

/** Strips ptcpdump's truncation mark. */
function untrunc(v: string): [string, boolean] {
  return v.endsWith('...') ? [v.slice(0, -3), true] : [v, false];
}

/**
 * Reads ptcpdump or etl2pcapng process comments into `r` (pid, procName,
 * the effective process, and r.proc). Returns '' when no comment is one of
 * theirs, 'ok' when parsed, else what was wrong (r's process fields are then
 * left empty).
 */
export function parseProcessComments(comments: readonly string[], r: PacketRecord): ProcessCommentResult {
  let first = -1;
  for (let i = 0; i < comments.length; i++) {
    const c = comments[i]!;
    if (c.startsWith('PID:') || c.startsWith('PID=')) { first = i; break; }
  }
  if (first < 0) return '';
  const head = comments[first]!;
  if (head.startsWith('PID=')) return etl2pcapng(head, r);
  const d = newDetail('ptcpdump');
  let pid: number | null = null;
  for (let i = first; i < comments.length; i++) {
    for (const raw of comments[i]!.trim().split('\n')) {
      const line = raw.trim();
      const colon = line.indexOf(':');
      if (colon < 0) continue;
      const key = line.slice(0, colon).trim();
      const value = cut(line.slice(colon + 1).trim());
      switch (key) {
        case 'PID':
          if (pid === null) {
            pid = int(value);
            if (pid === null || pid < 0) return `ptcpdump comment: PID "${value.slice(0, 32)}" is not a process id`;
          }
          break;
        case 'Cmd': case 'Command': [d.cmd, d.cmdTruncated] = untrunc(value); break;
        case 'Args': [d.args, d.argsTruncated] = untrunc(value); break;
        case 'ThreadId': case 'TID': d.tid = int(value) ?? -1; break;
        case 'ThreadName': d.threadName = value; break;
        case 'UserId': d.uid = int(value) ?? -1; break;
        case 'GroupId': d.gid = int(value) ?? -1; break;
        case 'ParentPID': d.ppid = int(value) ?? -1; break;
        case 'ParentCmd': case 'ParentCommand': d.parentCmd = untrunc(value)[0]; break;
        case 'ParentArgs': d.parentArgs = untrunc(value)[0]; break;
        case 'ContainerName': d.container = value; break;
        case 'ContainerId': d.containerId = value; break;
        case 'ContainerImage': d.containerImage = value; break;
        case 'PodName': d.pod = value; break;
        case 'PodNamespace': d.podNamespace = value; break;
        default: break;
      }
    }
  }
  if (pid === null) return '';
  let name = basename(d.cmd);
  if (d.cmd.startsWith('/dev/fd/') && d.args !== '') name = basename(d.args.split(' ')[0]!);
  r.pid = pid;
  r.procName = name;
  r.effPid = pid;
  r.effProcName = name;
  r.proc = d;
  return 'ok';
}

function etl2pcapng(c: string, r: PacketRecord): ProcessCommentResult {
  const m = /^PID=(-?\d{1,10}) TID=(-?\d{1,10})(?:\s|$)/.exec(c);
  if (m === null) return `etl2pcapng comment: "${c.slice(0, 32)}" does not start with PID=<n> TID=<n>`;
  const pid = int(m[1]!);
  const tid = int(m[2]!);
  if (pid === null || pid < 0 || tid === null) return `etl2pcapng comment: "${c.slice(0, 32)}" has an impossible PID or TID`;
  const d = newDetail('etl2pcapng');
  d.tid = tid;
  r.pid = pid;
  r.procName = '';
  r.effPid = pid;
  r.effProcName = '';
  r.proc = d;
  return 'ok';
}
