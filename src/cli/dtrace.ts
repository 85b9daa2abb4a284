/**
 * The D side of the command line: turns parsed options into a RunRequest,
 * runs the engine, and prints its events as dtrace(1) does — text on
 * standard output (or -o FILE, appended as dtrace opens it), messages on
 * standard error prefixed with the invoked program name.
 *
 * Exit status: exit()'s value, else 0; 1 for compile errors and unreadable
 * files; 2 for bad usage.
 *
 * SIGINT and SIGTERM are dtrace's Ctrl-C (dtrace.c installs the same handler
 * for both): the first interrupts the run whatever it waits on (a FIFO with
 * no writer yet, a pipe that stays open, a tick catch-up), END fires and the
 * unprinted aggregations print, then the process exits even if a read of
 * the input is still pending. The handler is installed once: a second signal
 * finds the default action and ends the process at once (dtrace's
 * "impatient" second Ctrl-C).
 */
import { readFileSync, appendFileSync, openSync, closeSync, writeSync, writeFileSync } from 'node:fs';
import { optionIsSet } from '../engine/options.ts';
import { spawnSync } from 'node:child_process';
import type { CliOptions } from './args.ts';
import { USAGE } from './args.ts';
import type { EngineOptions, ProgramText, RunRequest } from '../engine/api.ts';
import type { EngineEvent } from '../engine/events.ts';
import { run } from '../engine/run.ts';
import { listProbes } from '../engine/list.ts';
import { openCaptures } from './captures.node.ts';
import { enableParallel } from '../engine/parallel/index.ts';
import { cliShardHost } from './workers.node.ts';
import { readSourceFile } from './read-source.node.ts';
import { errnoText } from '../capture/errno.node.ts';
import { SourceTooLarge } from '../d/limits.ts';
import { raceAbort } from '../engine/input-wait.ts';
import { CaptureError } from '../capture/types.ts';
import { readKeyFiles } from './keyfiles.ts';

/** Bytes of standard output buffered before a write. */
const OUT_CHUNK = 1 << 20;

export async function runDtrace(opts: CliOptions, prog: string): Promise<number> {
  if (opts.version) {
    process.stdout.write(`${prog}: Sun D 1.13\n`);
    return 0;
  }
  const programs: ProgramText[] = [];
  for (const src of opts.programs) {
    if (src.kind === 'inline') { programs.push({ name: src.text, text: src.text, kind: 'inline' }); continue; }
    let text: string;
    try {
      text = readSourceFile(src.path === '-' ? 0 : src.path);
    } catch (e) {
      process.stderr.write(`${prog}: failed to open ${src.path}: ${errnoText(e)}\n`);
      return 1;
    }
    programs.push({ name: src.path, text, kind: 'file' });
  }
  const options: EngineOptions = {
    quiet: opts.quiet, cpp: opts.cpp, defines: opts.defines, undefs: opts.undefs, includeDirs: opts.includeDirs,
    xopts: opts.xopts, macroArgs: opts.macroArgs, allowZeroMatch: opts.allowZeroMatch, destructive: opts.destructive, hostActions: true, parquetFiles: true, aggRows: false,
    compileOnly: opts.compileOnly, locals: opts.locals, quietInference: opts.quietInference, testing: process.env['_DTRACE_TESTING'] !== undefined,
    verbose: opts.verbose,
    timeZone: 'local',
    consumer: { pid: process.pid, execname: prog },
    // A file that cannot be read is not found (the search goes on); one past the bound is an error.
    readInclude: (p) => { try { return readSourceFile(p); } catch (e) { if (e instanceof SourceTooLarge) throw e; return undefined; } },
  };
  const espSa = readKeyFiles(opts.espSa, prog);
  if (espSa === null) return 1;
  options.espSa = espSa;
  if (programs.length === 0 && !opts.list) {
    process.stderr.write(USAGE.replace('%s', prog));
    return 2;
  }

  // -x aggpartial: -o names the Parquet partial; text stays on standard output.
  const partialSet = opts.xopts.filter(([n]) => n === 'aggpartial').pop();
  const partialFile = partialSet !== undefined && optionIsSet(partialSet[1], true) ? opts.outFile : undefined;
  if (partialSet !== undefined && optionIsSet(partialSet[1], true) && partialFile === undefined) {
    process.stderr.write(`${prog}: -x aggpartial writes a Parquet file: name it with -o FILE\n`);
    return 2;
  }
  // -x recfmt=parquet: -o names the records' Parquet file; other text stays on standard output.
  const recSet = opts.xopts.filter(([n]) => n === 'recfmt').pop();
  const recordsFile = recSet !== undefined && recSet[1] === 'parquet' ? opts.outFile : undefined;
  if (recSet !== undefined && recSet[1] === 'parquet' && recordsFile === undefined) {
    process.stderr.write(`${prog}: -x recfmt=parquet writes a Parquet file: name it with -o FILE\n`);
    return 2;
  }
  if (opts.merge.length > 0 && opts.captures.length > 0) {
    process.stderr.write(`${prog}: --merge reads partials, not captures: drop the -r options\n`);
    return 2;
  }
  const partials: { name: string; bytes: Uint8Array }[] = [];
  for (const f of opts.merge) {
    try { partials.push({ name: f, bytes: readFileSync(f) }); } catch (e) {
      process.stderr.write(`${prog}: failed to open ${f}: ${errnoText(e)}\n`);
      return 1;
    }
  }

  let outFd: number | undefined;
  if (opts.outFile !== undefined && partialFile === undefined && recordsFile === undefined) {
    try { outFd = openSync(opts.outFile, 'a'); } catch (e) {
      process.stderr.write(`${prog}: failed to open output file '${opts.outFile}': ${errnoText(e)}\n`);
      return 1;
    }
  }
  // A closed pipe (`| head`) ends the run quietly, as SIGPIPE ends dtrace.
  const ac = new AbortController();
  let closed = false;
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') { closed = true; ac.abort(); return; }
    throw e;
  });
  // Text goes into one reused byte buffer (D strings are byte strings: latin1 is one byte per char)
  // and out in large chunks: when full, before anything on stderr (so the two interleave as
  // dtrace's do), at the end, and at the first await after it was written to — the reader's
  // next fill(), so live input shows its firings chunk by chunk without a write per line.
  // freopen(path): the output goes to `path` (appended) until freopen("") restores it.
  let reopenFd: number | undefined;
  let hostFailed = false;
  let buf = Buffer.allocUnsafe(OUT_CHUNK);
  let pos = 0;
  let flushQueued = false;
  const flushOut = (): void => {
    flushQueued = false;
    if (pos === 0) return;
    const n = pos;
    pos = 0;
    if (closed) return;
    const fd = reopenFd ?? outFd;
    if (fd !== undefined) { writeSync(fd, buf, 0, n); return; }
    // process.stdout may keep the chunk (an async pipe): hand it over and start a fresh buffer.
    process.stdout.write(buf.subarray(0, n));
    buf = Buffer.allocUnsafe(OUT_CHUNK);
  };
  const writeOut = (s: string): void => {
    if (closed) return;
    if (s.length > OUT_CHUNK - pos) {
      flushOut();
      if (s.length > OUT_CHUNK) {
        const b = Buffer.from(s, 'latin1');
        const fd = reopenFd ?? outFd;
        if (fd !== undefined) writeSync(fd, b);
        else process.stdout.write(b);
        return;
      }
    }
    pos += buf.write(s, pos, 'latin1');
    if (!flushQueued) { flushQueued = true; queueMicrotask(flushOut); }
  };
  const live = opts.captures.includes('-');
  let partialFailed = false;
  const onEvent = (e: EngineEvent): void => {
    switch (e.kind) {
      case 'text': writeOut(e.text); break;
      case 'aggpartial':
        try { writeFileSync(partialFile!, e.bytes); } catch (err) {
          flushOut();
          process.stderr.write(`${prog}: failed to write ${partialFile!}: ${errnoText(err)}\n`);
          partialFailed = true;
        }
        break;
      case 'records':
        if (partialFailed) break;
        try {
          // The file is written as the rows come (row group by row group): memory stays bounded.
          if (e.first) writeFileSync(recordsFile!, e.bytes);
          else if (e.bytes.length > 0) appendFileSync(recordsFile!, e.bytes);
        } catch (err) {
          flushOut();
          process.stderr.write(`${prog}: failed to write ${recordsFile!}: ${errnoText(err)}\n`);
          partialFailed = true;
        }
        break;
      case 'message': flushOut(); process.stderr.write(Buffer.from(e.raw ? `${e.text}\n` : `${prog}: ${e.text}\n`, 'latin1')); break;
      case 'system': {
        // dtrace_system: flush, then system(3C); the command writes to standard output, which
        // freopen() reopened (with -o, dtrace's output file is another stream: the terminal's stays).
        flushOut();
        if (hostFailed) break;
        const stdoutFd = outFd === undefined ? reopenFd ?? 1 : 1;
        spawnSync('/bin/sh', ['-c', e.arg], { stdio: [0, stdoutFd, 2] });
        break;
      }
      case 'freopen': {
        flushOut();
        if (hostFailed) break;
        if (reopenFd !== undefined) { closeSync(reopenFd); reopenFd = undefined; }
        if (e.arg === '') break;
        try { reopenFd = openSync(e.arg, 'a'); } catch (err) {
          // dtrace_freopen fails the consumer: dtrace.c reports "processing aborted" and exits 1.
          hostFailed = true;
          closed = true;
          process.stderr.write(Buffer.from(`${prog}: processing aborted: ${errnoText(err)}\n`, 'latin1'));
          ac.abort();
        }
        break;
      }
      default: break;
    }
  };
  try {
    if (opts.list) {
      const r = listProbes(programs, options);
      if (r.error) { process.stderr.write(`${prog}: ${r.error}\n`); return 1; }
      writeOut(r.text);
      flushOut();
      return 0;
    }
    // -x ncpu=N: flow-hashed workers (README, "Scale"); the engine decides whether the program allows it.
    enableParallel(cliShardHost());
    let interrupted = false;
    const onInt = (): void => { interrupted = true; ac.abort(); };
    process.once('SIGINT', onInt);
    process.once('SIGTERM', onInt);
    // Opening a FIFO blocks until a writer opens it: an interrupt then runs BEGIN and END without packets.
    const opening = openCaptures(opts.captures);
    let opened;
    try {
      opened = await raceAbort(opening, ac.signal);
    } catch (e) {
      if (!(e instanceof CaptureError)) throw e;
      process.stderr.write(`${prog}: ${e.message}\n`);
      return 1;
    }
    const captures = opened === 'abort' ? [] : opened;
    if (opened === 'abort') opening.then((cs) => cs.forEach((c) => void c.close().catch(() => undefined)), () => undefined);
    const req: RunRequest = { programs, captures, options, onEvent };
    if (opts.merge.length > 0) req.partials = partials;
    req.signal = ac.signal;
    void live;
    if (closed) return 0;
    const status = await run(req);
    process.removeListener('SIGINT', onInt);
    process.removeListener('SIGTERM', onInt);
    flushOut();
    if (interrupted) {
      // A read of a pipe or FIFO may still be pending in the thread pool and would keep the process
      // alive: exit once standard output has taken what was written.
      exitAfterOutput(partialFailed || hostFailed ? 1 : status);
    }
    return partialFailed || hostFailed ? 1 : status;
  } finally {
    flushOut();
    if (reopenFd !== undefined) closeSync(reopenFd);
    if (outFd !== undefined) closeSync(outFd);
    void appendFileSync;
  }
}

/** Exits with `status` once standard output (and error) have been handed everything written. */
function exitAfterOutput(status: number): void {
  let n = 2;
  const done = (): void => { if (--n === 0) process.exit(status); };
  process.stdout.write('', done);
  process.stderr.write('', done);
}

