/**
 * Process information carried in packet comments by ptcpdump (Linux, eBPF).
 * Its pcapng writer (internal/writer/pcapng.go) adds, per packet, the comment
 *
 *   PID: <pid>\nCmd: <command path>\nArgs: <arguments>
 *
 * followed by optional separate comments ("ThreadId: …", "ParentPID: …",
 * container and pod details) that we do not need. The pid and the command's
 * basename (DTrace's execname is the short name) become the record's process.
 */
import type { PacketRecord } from './types.ts';

/** Fills r.pid/procName (and the effective ones: ptcpdump has one process) from a ptcpdump comment; false if it is not one. */
export function parsePtcpdumpComment(c: string, r: PacketRecord): boolean {
  if (!c.startsWith('PID: ')) return false;
  let i = 5;
  let pid = 0;
  let digits = 0;
  while (i < c.length) {
    const d = c.charCodeAt(i) - 48;
    if (d < 0 || d > 9) break;
    pid = pid * 10 + d;
    digits++;
    i++;
  }
  if (digits === 0 || digits > 10 || (i < c.length && c[i] !== '\n' && c[i] !== '\r')) return false;
  let name = '';
  const k = c.indexOf('\nCmd: ', i);
  if (k >= 0) {
    let e = c.indexOf('\n', k + 6);
    if (e < 0) e = c.length;
    const cmd = c.slice(k + 6, e).replace(/\r$/, '');
    const slash = cmd.lastIndexOf('/');
    name = slash >= 0 ? cmd.slice(slash + 1) : cmd;
  }
  r.pid = pid;
  r.procName = name;
  r.effPid = pid;
  r.effProcName = name;
  return true;
}
