/**
 * Turns parallel runs on for this process: the engine's capture driver
 * becomes the coordinator (driver.ts), which uses `host` for its shards and
 * the one-thread driver whenever a run stays on one worker.
 */
import { captureRunDriver } from '../capture-run.ts';
import { setCaptureDriver } from '../providers.ts';
import { parallelDriver } from './driver.ts';
import type { ShardHost } from './protocol.ts';

export function enableParallel(host: ShardHost): void {
  setCaptureDriver(parallelDriver(host, captureRunDriver));
}

export type { ShardHost } from './protocol.ts';
