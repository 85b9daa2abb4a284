/**
 * What the providers need from the engine: the per-run firing context they
 * fill in place, whether a probe has any enabled clause (so nothing is built
 * for probes no clause names), and the call that runs a probe's clauses.
 */
import type { FireCtx } from '../d/runtime/context.ts';
import type { Probe } from '../d/types/probes.ts';

export interface FiringSink {
  readonly ctx: FireCtx;
  /** Whether any clause is enabled on the probe (asked once per probe at setup, not per firing). */
  enabled(p: Probe): boolean;
  /** Runs the probe's clauses with `ctx` as filled. */
  fire(p: Probe): void;
}
