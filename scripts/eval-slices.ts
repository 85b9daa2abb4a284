/**
 * A build plugin that lets a big library evaluate in slices, so that loading it is not one long task on
 * the page's thread.
 *
 * Evaluating Monaco's editor core (2.7 MB, some 700 modules) took 260-510 ms in one task, and its D
 * editor's setup 130-160 ms: the page could not paint or take a key meanwhile. Each module the filter
 * matches gets a top-level `await` of `slice()` before its own code: `slice()` returns nothing until the
 * current slice has run for `budgetMs`, then a promise that a MessageChannel message resolves, which is a
 * new task (a message is not clamped as nested timers are). The bundler keeps modules in their
 * evaluation order with the awaits between them, so the library runs as it did, in tasks of about the
 * budget (one module's own code is never cut). Only the page's build uses it: a worker must install
 * its message handler in its first task.
 */
import type { Plugin } from 'vite';

const HELPER = '\0wiretrace-eval-slice';

/** The helper module: `slice()` is nothing within the budget, else a promise resolved in a new task. */
export function helperSource(budgetMs: number): string {
  return `let start = 0;
const channel = new MessageChannel();
let waiting = [];
channel.port1.onmessage = () => { start = performance.now(); const w = waiting; waiting = []; for (const r of w) r(); };
export function slice() {
  if (performance.now() - start < ${budgetMs}) return undefined;
  return new Promise((r) => { if (waiting.push(r) === 1) channel.port2.postMessage(0); });
}`;
}

export function evalSlices(filter: RegExp, budgetMs = 25): Plugin {
  return {
    name: 'wiretrace-eval-slices',
    apply: 'build',
    resolveId(id) { return id === HELPER ? HELPER : null; },
    load(id) {
      if (id !== HELPER) return null;
      return helperSource(budgetMs);
    },
    transform(code, id) {
      if (!filter.test(id) || !/\.js$/.test(id.split('?')[0]!)) return null;
      // On the module's first line, so its source map stays true (every line where it was; the first
      // line's columns shift, and Monaco's modules start with a licence comment).
      return { code: `import { slice as __wtSlice } from ${JSON.stringify(HELPER)}; await __wtSlice(); ${code}`, map: null };
    },
  };
}
