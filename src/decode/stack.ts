/**
 * The frame's layer path as stack() prints it: one layer a line, innermost
 * first (DESIGN.md: "stack(): the frame's layer path ... innermost first").
 */
import { type DecodedFrame, KIND_NAMES } from './types.ts';

/** Layer names, innermost first. Allocates: for stack() and the UI, not the hot path. */
export function stackNames(f: DecodedFrame): string[] {
  const out: string[] = [];
  for (let i = f.pathLen - 1; i >= 0; i--) out.push(KIND_NAMES[f.pathKind[i]!] ?? '?');
  return out;
}
