/**
 * The wiretrace command. Behaves like dtrace(1) (messages prefixed with the
 * invoked name, "dtrace" when run through a link of that name) with tcpdump's
 * -r for captures. Exit status: exit()'s value, else 0; 1 for compile errors
 * and unreadable captures; 2 for bad usage.
 */
import { basename } from 'node:path';
import { parseArgs, UsageError, USAGE } from './args.ts';
import { abortText } from '../engine/exhaustion.ts';

const prog = basename(process.argv[1] ?? 'wiretrace').replace(/\.(m?js|ts)$/, '') === 'dtrace' ? 'dtrace' : 'wiretrace';

async function main(argv: string[]): Promise<number> {
  let opts;
  try {
    opts = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`${prog}: ${e.message}\n` + USAGE.replace('%s', prog));
      return 2;
    }
    throw e;
  }
  if (opts.help) {
    process.stdout.write(USAGE.replace('%s', prog));
    return 0;
  }
  if (opts.layers) {
    const { runLayers } = await import('./layers.ts');
    return runLayers(opts, prog);
  }
  const { runDtrace } = await import('./dtrace.ts');
  return runDtrace(opts, prog);
}

main(process.argv.slice(2)).then(
  (status) => { process.exitCode = status; },
  (err: unknown) => {
    // No JavaScript error text reaches the user; WIRETRACE_DEBUG=1 shows the stack (for bug reports).
    process.stderr.write(`${prog}: ${abortText(err)}\n`);
    if (process.env.WIRETRACE_DEBUG === '1') process.stderr.write(`${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
