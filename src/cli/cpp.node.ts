/**
 * -C on the command line: the preprocessor with -D/-U/-I and include files
 * read from the file system. Until the front end's preprocessor entry point
 * lands, programs pass through unchanged except for dropping `#` lines that
 * only cpp understands (so -C scripts without macros still run).
 */
import type { EngineOptions, ProgramText } from '../engine/api.ts';
import type { DDiagnostic } from '../d/diagnostics.ts';

export function cliPreprocessor(_options: EngineOptions): (p: ProgramText) => { text: string } | { diagnostic: DDiagnostic } {
  return (p) => ({ text: p.text.replace(/^[ \t]*#[ \t]*(include|define|undef|ifdef|ifndef|if|elif|else|endif|line)\b.*$/gm, '') });
}
