/**
 * Whether an outside reference tool (tshark) can be run, for the tests that
 * compare against it. Outside CI a missing tool skips those tests with a
 * notice; in CI (which installs it, see .ci/run) a missing tool is an error,
 * so the comparisons can never be skipped silently where they must run.
 */
import { spawnSync } from 'node:child_process';

const known = new Map<string, boolean>();

export function toolAvailable(tool: string): boolean {
  let ok = known.get(tool);
  if (ok === undefined) {
    ok = spawnSync(tool, ['--version'], { stdio: 'ignore' }).status === 0;
    known.set(tool, ok);
    if (!ok) {
      if (process.env.CI) throw new Error(`${tool} is not installed, but CI must run the tests that compare against it (.ci/run installs it)`);
      console.warn(`${tool} is not installed: the tests comparing against it are skipped`);
    }
  }
  return ok;
}

export const tsharkAvailable = (): boolean => toolAvailable('tshark');
