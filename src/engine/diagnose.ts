/**
 * Compile-only diagnostics for the editor, with the same probe registry a run
 * sees. src/d/program.ts `diagnose()` builds its registry from the provider
 * modules registered so far; the network providers (ip, tcp, udp …) register
 * when the packet path (capture-run.ts) is imported, as run.ts does. Without
 * that import, `ip:::send` would be reported as matching no probes although a
 * run accepts it.
 */
import type { Diagnostic, ProgramText } from './api.ts';
import { diagnose as compileOnly } from '../d/program.ts';
// Registers the network providers and the capture driver on import (as run.ts does).
import './capture-run.ts';

export function diagnose(program: ProgramText, opts: { macroArgs?: readonly string[] } = {}): Diagnostic[] {
  return compileOnly(program, opts).map((d) => ({
    severity: d.severity, tag: d.tag, message: d.message, program: d.program, line: d.line, column: d.column,
    ...(d.endColumn !== undefined ? { endColumn: d.endColumn } : {}),
  }));
}
