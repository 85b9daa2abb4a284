/**
 * The hook between the engine and the packet providers (issue 4).
 *
 * A provider module registers its probes (with argument types) in the
 * registry before programs compile. A capture driver, when captures are
 * given, reads them and drives firings through a FiringSink: it fills the
 * sink's one reusable FireCtx (args, time, pid, memory view …) and calls
 * `fire(probe)`. `enabled(probe)` lets it skip building arguments for probes
 * no clause uses, so a packet costs nothing when nothing listens.
 */
import type { ByteSource } from '../capture/types.ts';
import type { FireCtx } from '../d/runtime/context.ts';
import { addProbeModule, probeModuleList, type Probe, type ProbeRegistry } from '../d/types/probes.ts';
import type { EngineEvent } from './events.ts';
import type { EngineOptions } from './api.ts';

export interface ProviderModule {
  name: string;
  register(reg: ProbeRegistry): void;
}

export interface FiringSink {
  readonly ctx: FireCtx;
  readonly registry: ProbeRegistry;
  /** Whether any clause is enabled on this probe (cheap: an array lookup). */
  enabled(probe: Probe): boolean;
  /** Run the clauses of `probe` with ctx as filled by the caller. */
  fire(probe: Probe): void;
  /** exit() was called: stop reading. */
  stopped(): boolean;
  /** Messages (warnings such as the inferred local hosts) for standard error. */
  emit(e: EngineEvent): void;
}

export interface CaptureDriver {
  /** Read the captures and fire probes until the end or until sink.stopped(). Returns an exit status on a read error, else undefined. */
  run(captures: readonly ByteSource[], sink: FiringSink, options: EngineOptions, signal?: AbortSignal, hooks?: CaptureHooks): Promise<number | undefined>;
}

export interface CaptureHooks {
  /**
   * Fires BEGIN. The driver calls it once the capture's start is known (after
   * its header blocks, before the first packet), so BEGIN's walltimestamp is
   * the capture's start; the engine fires it afterwards if the driver never did.
   */
  begin(): void;
}

let driver: CaptureDriver | undefined;

/** Register a provider module: every probe registry created afterwards (runs, -l, diagnostics) includes its probes. */
export function addProviderModule(m: ProviderModule): void {
  addProbeModule(m);
}

export function providerModules(): readonly ProviderModule[] {
  return probeModuleList();
}

export function setCaptureDriver(d: CaptureDriver): void {
  driver = d;
}

export function captureDriver(): CaptureDriver | undefined {
  return driver;
}
