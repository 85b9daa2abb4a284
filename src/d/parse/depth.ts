/**
 * A bound on how deeply a parsed program nests. The parser's recursive
 * rules are bounded like yacc's stack (stream.ts: "yacc stack overflow"),
 * but left-associative chains are built by loops: a 100,000-term sum, a
 * chain of subscripts or an `a ? b : c ? …` ladder parse fine and make a
 * tree 100,000 levels deep, which every later pass (checking, cooking,
 * compiling to closures) walks recursively. dtrace walks such trees
 * recursively too (dt_node_cook) and overflows its C stack; here a tree
 * deeper than MAX_EXPR_DEPTH is a compile-time error at the node where the
 * bound is crossed. Measured: the compiler runs out of JavaScript stack
 * between 2,000 and 4,000 levels of `+` (Node 20, default stack).
 */
import type { Program } from '../ast.ts';

export const MAX_EXPR_DEPTH = 1000;

interface Located { loc?: { line: number; column: number; file?: string } }

/** The first node deeper than `max` (in walk order), or null. Iterative: never deep itself. */
export function tooDeep(root: Program, max = MAX_EXPR_DEPTH): Located | null {
  const nodes: unknown[] = [root];
  const depths: number[] = [0];
  while (nodes.length > 0) {
    const n = nodes.pop();
    const d = depths.pop()!;
    if (n === null || typeof n !== 'object') continue;
    if (Array.isArray(n)) {
      for (const x of n) { nodes.push(x); depths.push(d); }
      continue;
    }
    const isNode = typeof (n as { kind?: unknown }).kind === 'string';
    const nd = isNode ? d + 1 : d;
    if (nd > max) return n as Located;
    for (const k in n) {
      if (k === 'loc') continue;
      const v = (n as Record<string, unknown>)[k];
      if (v !== null && typeof v === 'object') { nodes.push(v); depths.push(nd); }
    }
  }
  return null;
}
