/**
 * The bundled samples: samples/manifest.json's "examples" (script + capture +
 * dtrace options + macro arguments, one marked default), the sample scripts
 * and captures. Found at build time with import.meta.glob, so a missing
 * manifest or folder yields empty lists: the app degrades to "no examples"
 * rather than failing to build. Captures are emitted as files (URLs) and
 * fetched by the worker; scripts are bundled as text, loaded on demand.
 */

export interface SampleScript { name: string; load(): Promise<string> }
export interface SampleCapture { name: string; url: string }
/** An ESP key file (samples/keys/), bundled as text. */
export interface SampleKeys { name: string; load(): Promise<string> }
export interface Example {
  id: string; title: string; description: string;
  script: SampleScript; capture?: SampleCapture;
  /** The ESP keys the example runs with (the manifest's "keys", the CLI's --esp-sa). */
  keys?: SampleKeys;
  /** dtrace options, then macro arguments, as the CLI takes them. */
  argv: string[];
  isDefault: boolean;
}
export interface Samples { examples: Example[]; scripts: SampleScript[]; captures: SampleCapture[]; defaultExample?: Example }

const manifestGlob = import.meta.glob<unknown>('../../../samples/manifest.json', { import: 'default' });
const scriptGlob = import.meta.glob<string>('../../../samples/scripts/*.d', { query: '?raw', import: 'default' });
const keysGlob = import.meta.glob<string>('../../../samples/keys/*', { query: '?raw', import: 'default' });
const captureGlob = import.meta.glob<string>(['../../../samples/captures/*.pcapng', '../../../samples/captures/*.pcap', '../../../samples/captures/*.gz'], { query: '?url', import: 'default', eager: true });

const base = (p: string): string => p.slice(p.lastIndexOf('/') + 1);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const strs = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** Reads the manifest's examples, skipping any entry whose script is not bundled (or whose shape is unknown). */
export function readExamples(manifest: unknown, scripts: Map<string, SampleScript>, captures: Map<string, SampleCapture>, keys: Map<string, SampleKeys> = new Map()): Example[] {
  if (typeof manifest !== 'object' || manifest === null) return [];
  const list = (manifest as Record<string, unknown>).examples;
  if (!Array.isArray(list)) return [];
  const out: Example[] = [];
  for (const x of list) {
    if (typeof x !== 'object' || x === null) continue;
    const o = x as Record<string, unknown>;
    const script = scripts.get(base(str(o.script)));
    if (!script) continue;
    const capName = base(str(o.capture));
    const keyName = base(str(o.keys));
    // An example whose key file is not bundled would run without its keys: skip it, as one without its script.
    if (keyName && !keys.has(keyName)) continue;
    out.push({
      id: str(o.id) || script.name,
      title: str(o.title) || script.name,
      description: str(o.description),
      script,
      capture: capName ? captures.get(capName) : undefined,
      keys: keyName ? keys.get(keyName) : undefined,
      argv: [...strs(o.options), ...strs(o.args)],
      isDefault: o.default === true,
    });
  }
  return out;
}

let cached: Promise<Samples> | undefined;

export function loadSamples(): Promise<Samples> {
  cached ??= (async () => {
    const scripts = new Map(Object.entries(scriptGlob).map(([p, load]) => [base(p), { name: base(p), load }]));
    const captures = new Map(Object.entries(captureGlob).map(([p, url]) => [base(p), { name: base(p), url }]));
    const keys = new Map(Object.entries(keysGlob).map(([p, load]) => [base(p), { name: base(p), load }]));
    let manifest: unknown = null;
    const m = Object.values(manifestGlob)[0];
    if (m) {
      try { manifest = await m(); } catch { /* a broken manifest means no examples, not no samples */ }
    }
    const examples = readExamples(manifest, scripts, captures, keys);
    const defaultExample = examples.find((e) => e.isDefault)
      ?? examples.find((e) => e.script.name === 'ipio.d')
      ?? (scripts.has('ipio.d') ? { id: 'ipio', title: 'ipio.d', description: '', script: scripts.get('ipio.d')!, capture: [...captures.values()].find((c) => /tun/.test(c.name)), argv: [], isDefault: true } : undefined);
    return { examples, scripts: [...scripts.values()], captures: [...captures.values()], defaultExample };
  })();
  return cached;
}
