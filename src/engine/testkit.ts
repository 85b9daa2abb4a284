/**
 * Test helper: run D programs through the engine in-process and collect
 * what dtrace(1) would print (messages prefixed "dtrace: ").
 */
import type { EngineOptions, ProgramText } from './api.ts';
import { run } from './run.ts';

export interface Ran { stdout: string; stderr: string; status: number }

export async function runD(text: string | ProgramText[], options: EngineOptions = {}): Promise<Ran> {
  const programs: ProgramText[] = typeof text === 'string' ? [{ name: 'test.d', text, kind: 'file' }] : text;
  let stdout = '';
  let stderr = '';
  const status = await run(
    { programs, captures: [], options, onEvent: (e) => { if (e.kind === 'text') stdout += e.text; else if (e.kind === 'message') stderr += e.raw ? `${e.text}\n` : `dtrace: ${e.text}\n`; } },
    { wallStartNs: 1_700_000_000_000_000_000n },
  );
  return { stdout, stderr, status };
}
