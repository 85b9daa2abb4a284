/**
 * The decode-only pass of the bench: read the capture and decode every
 * frame, with no output. Prints one JSON line on stderr: packets, IP layers
 * and peak RSS (bytes) of this process.
 */
import { openCaptureFile } from '../src/capture/open.node.ts';
import { Decoder } from '../src/decode/index.ts';

async function main(path: string): Promise<void> {
  const r = await openCaptureFile(path);
  const dec = new Decoder();
  let packets = 0;
  let layers = 0;
  for (;;) {
    for (let p = r.nextSync(); p !== null; p = r.nextSync()) {
      layers += dec.decode(p, r.interfaces).ipCount;
      packets++;
    }
    if (!(await r.fill())) break;
  }
  await r.close();
  process.stderr.write(JSON.stringify({ packets, layers, maxRssBytes: process.resourceUsage().maxRSS * 1024 }) + '\n');
}

void main(process.argv[2]!);
