/**
 * Compile errors as data. dtrace stops a compile at its first error
 * (longjmp out of the cooking pass); the checker does the same by throwing
 * a CompileError, which the pipeline turns into one DDiagnostic.
 */
import type { Span } from '../ast.ts';
import type { ErrTag } from '../diagnostics.ts';

export class CompileError extends Error {
  constructor(readonly tag: ErrTag, message: string, readonly loc: Span | undefined, readonly region?: string) {
    super(message);
  }
}

export function fail(tag: ErrTag, message: string, loc?: Span): never {
  throw new CompileError(tag, message, loc);
}
