/**
 * Compile errors as data. dtrace stops a compile at its first error
 * (longjmp out of the cooking pass); the checker does the same by throwing
 * a CompileError, which the pipeline turns into one DDiagnostic.
 */
import type { Span } from '../ast.ts';
import type { ErrTag } from '../diagnostics.ts';

export class CompileError extends Error {
  /** Printed as the message alone (failPlain). */
  plain = false;

  constructor(readonly tag: ErrTag, message: string, readonly loc: Span | undefined, readonly region?: string) {
    super(message);
  }
}

export function fail(tag: ErrTag, message: string, loc?: Span): never {
  throw new CompileError(tag, message, loc);
}

/**
 * A compile that gives up with an errno rather than a parse error (longjmp
 * with EDT_*): dtrace prints the errno's text alone, with no line, region or tag.
 */
export function failPlain(message: string): never {
  const e = new CompileError('D_UNKNOWN', message, undefined);
  e.plain = true;
  throw e;
}
