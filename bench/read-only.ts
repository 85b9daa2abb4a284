/**
 * The read-only pass of the bench: the capture reader alone (every record
 * delivered, nothing decoded), so the table shows what decoding adds on top
 * of reading. Prints one JSON line on stderr: packets and peak RSS (bytes).
 */
import { openCaptureFile } from '../src/capture/open.node.ts';

async function main(path: string): Promise<void> {
  const r = await openCaptureFile(path);
  let packets = 0;
  for (;;) {
    for (let p = r.nextSync(); p !== null; p = r.nextSync()) packets++;
    if (!(await r.fill())) break;
  }
  await r.close();
  process.stderr.write(JSON.stringify({ packets, maxRssBytes: process.resourceUsage().maxRSS * 1024 }) + '\n');
}

void main(process.argv[2]!);
