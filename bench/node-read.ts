/**
 * The floor under any capture reader written for Node: read the file through
 * one 128 KiB buffer with synchronous reads and nothing else (no framing, no
 * decoding), as `cat` does. 128 KiB measured best here (64 KiB and 256 KiB
 * both slower: more calls, or a buffer that no longer stays in cache).
 * Comparing decode-only with this row separates what our code costs from
 * what starting node and copying the file into its heap cost. Prints one JSON
 * line on stderr: bytes read and peak RSS (bytes).
 */
import { closeSync, openSync, readSync } from 'node:fs';

const fd = openSync(process.argv[2]!, 'r');
const buf = new Uint8Array(128 * 1024);
let total = 0;
for (let n = readSync(fd, buf, 0, buf.length, null); n > 0; n = readSync(fd, buf, 0, buf.length, null)) total += n;
closeSync(fd);
process.stderr.write(JSON.stringify({ bytes: total, maxRssBytes: process.resourceUsage().maxRSS * 1024 }) + '\n');
