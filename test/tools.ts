/**
 * The outside reference tools (tshark, tcpdump) that tests compare against.
 * They are never optional: `npm test` installs them first
 * (scripts/test-setup.mjs), and a test file that needs one that is missing
 * fails at once with the command that installs it, rather than skipping the
 * comparison.
 */
import { spawnSync } from 'node:child_process';

const PACKAGES: Record<string, string> = {
  tshark: 'tshark',
  editcap: 'tshark',
  text2pcap: 'tshark',
  tcpdump: 'tcpdump',
  chromium: 'chromium',
};
const checked = new Set<string>();

/** Throws, naming the install command, unless `tool --version` runs. */
export function requireTool(tool: string): void {
  if (checked.has(tool)) return;
  if (spawnSync(tool, ['--version'], { stdio: 'ignore' }).status !== 0) {
    throw new Error(`${tool} is not installed, and the tests that compare against it must run: ` +
      `\`npm test\` installs it (scripts/test-setup.mjs), or: sudo apt-get install -y ${PACKAGES[tool] ?? tool}`);
  }
  checked.add(tool);
}

export const requireTshark = (): void => requireTool('tshark');
