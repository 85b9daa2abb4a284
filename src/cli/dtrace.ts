/**
 * The D side of the command line: turns parsed options into a RunRequest,
 * runs the engine, and prints its events as dtrace(1) does — text on
 * standard output (or -o FILE, appended as dtrace opens it), messages on
 * standard error prefixed with the invoked program name.
 *
 * Exit status: exit()'s value, else 0; 1 for compile errors and unreadable
 * files; 2 for bad usage.
 */
import { readFileSync, appendFileSync, openSync, closeSync, writeSync, writeFileSync } from 'node:fs';
import { optionIsSet } from '../engine/options.ts';
import type { CliOptions } from './args.ts';
import { USAGE } from './args.ts';
import type { EngineOptions, ProgramText, RunRequest } from '../engine/api.ts';
import type { EngineEvent } from '../engine/events.ts';
import { run } from '../engine/run.ts';
import { listProbes } from '../engine/list.ts';
import { openCaptures } from './captures.node.ts';
import { enableParallel } from '../engine/parallel/index.ts';
import { cliShardHost } from './workers.node.ts';
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
      text = readFileSync(src.path === '-' ? 0 : src.path, 'latin1');
    } catch (e) {
      process.stderr.write(`${prog}: failed to open ${src.path}: ${errnoText(e)}\n`);
      return 1;
    }
    programs.push({ name: src.path, text, kind: 'file' });
  }
  const options: EngineOptions = {
    quiet: opts.quiet, cpp: opts.cpp, defines: opts.defines, undefs: opts.undefs, includeDirs: opts.includeDirs,
    xopts: opts.xopts, macroArgs: opts.macroArgs, allowZeroMatch: opts.allowZeroMatch, destructive: opts.destructive,
    compileOnly: opts.compileOnly, locals: opts.locals, quietInference: opts.quietInference, testing: process.env['_DTRACE_TESTING'] !== undefined,
    verbose: opts.verbose,
    timeZone: 'local',
    consumer: { pid: process.pid, execname: prog },
    readInclude: (p) => { try { return readFileSync(p, 'latin1'); } catch { return undefined; } },
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
  if (opts.outFile !== undefined && partialFile === undefined) {
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
  let buf = Buffer.allocUnsafe(OUT_CHUNK);
  let pos = 0;
  let flushQueued = false;
  const flushOut = (): void => {
    flushQueued = false;
    if (pos === 0) return;
    const n = pos;
    pos = 0;
    if (closed) return;
    if (outFd !== undefined) { writeSync(outFd, buf, 0, n); return; }
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
        if (outFd !== undefined) writeSync(outFd, b);
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
      case 'message': flushOut(); process.stderr.write(Buffer.from(e.raw ? `${e.text}\n` : `${prog}: ${e.text}\n`, 'latin1')); break;
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
    const captures = await openCaptures(opts.captures);
    // -x ncpu=N: flow-hashed workers (README, "Scale"); the engine decides whether the program allows it.
    enableParallel(cliShardHost());
    const req: RunRequest = { programs, captures, options, onEvent };
    if (opts.merge.length > 0) req.partials = partials;
    const onInt = (): void => ac.abort();
    process.once('SIGINT', onInt);
    req.signal = ac.signal;
    void live;
    if (closed) return 0;
    const status = await run(req);
    process.removeListener('SIGINT', onInt);
    flushOut();
    return partialFailed ? 1 : status;
  } finally {
    flushOut();
    if (outFd !== undefined) closeSync(outFd);
    void appendFileSync;
  }
}

function errnoText(e: unknown): string {
  const code = (e as { code?: string }).code;
  switch (code) {
    case 'ENOENT': return 'No such file or directory';
    case 'EACCES': return 'Permission denied';
    case 'EISDIR': return 'Is a directory';
    default: return e instanceof Error ? e.message : String(e);
  }
}
