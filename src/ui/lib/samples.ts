/**
 * The bundled samples (samples/manifest.json, samples/captures/*, and the
 * sample D scripts), found at build time with import.meta.glob so a missing
 * manifest or folder simply yields an empty list: the app degrades to "no
 * examples" rather than failing to build. Captures are emitted as files (URLs)
 * and fetched by the worker; scripts are bundled as text, loaded on demand.
 */

export interface SampleScript { name: string; title: string; description: string; capture?: string; load(): Promise<string> }
export interface SampleCapture { name: string; title: string; description: string; url: string }
export interface Samples { scripts: SampleScript[]; captures: SampleCapture[]; defaultScript?: string; defaultCapture?: string }

const manifestGlob = import.meta.glob<unknown>('../../../samples/manifest.json', { import: 'default' });
const scriptGlob = import.meta.glob<string>(['../../../samples/**/*.d', '!../../../samples/gen/**', '!../../../samples/out/**'], { query: '?raw', import: 'default' });
const captureGlob = import.meta.glob<string>(['../../../samples/captures/*.pcapng', '../../../samples/captures/*.pcap', '../../../samples/captures/*.gz'], { query: '?url', import: 'default', eager: true });

const base = (p: string): string => p.slice(p.lastIndexOf('/') + 1);

interface Entry { file: string; title: string; description: string; capture?: string }

/** Reads a manifest entry that may be a bare file name or an object naming one; anything else is skipped. */
function entry(x: unknown): Entry | null {
  if (typeof x === 'string') return { file: base(x), title: base(x), description: '' };
  if (typeof x !== 'object' || x === null) return null;
  const o = x as Record<string, unknown>;
  const file = [o.file, o.path, o.name, o.script].find((v): v is string => typeof v === 'string');
  if (!file) return null;
  const str = (v: unknown): string => (typeof v === 'string' ? v : '');
  const cap = [o.capture, o.captures].map((v) => (Array.isArray(v) ? v[0] : v)).find((v): v is string => typeof v === 'string');
  return { file: base(file), title: str(o.title) || str(o.name) || base(file), description: str(o.description), capture: cap ? base(cap) : undefined };
}

function list(x: unknown): Entry[] {
  return Array.isArray(x) ? x.map(entry).filter((e): e is Entry => e !== null) : [];
}

let cached: Promise<Samples> | undefined;

export function loadSamples(): Promise<Samples> {
  cached ??= (async () => {
    const scriptsByName = new Map(Object.entries(scriptGlob).map(([p, load]) => [base(p), load]));
    const capturesByName = new Map(Object.entries(captureGlob).map(([p, url]) => [base(p), url]));
    let manifest: Record<string, unknown> = {};
    const m = Object.values(manifestGlob)[0];
    if (m) {
      try {
        const v = await m();
        if (typeof v === 'object' && v !== null) manifest = v as Record<string, unknown>;
      } catch { /* a broken manifest means no metadata, not no samples */ }
    }
    const sEntries = list(manifest.scripts);
    const cEntries = list(manifest.captures);
    // Files the manifest does not mention are still offered, after the listed ones.
    for (const n of scriptsByName.keys()) if (!sEntries.some((e) => e.file === n)) sEntries.push({ file: n, title: n, description: '' });
    for (const n of capturesByName.keys()) if (!cEntries.some((e) => e.file === n)) cEntries.push({ file: n, title: n, description: '' });

    const scripts: SampleScript[] = sEntries.flatMap((e) => {
      const load = scriptsByName.get(e.file);
      return load ? [{ name: e.file, title: e.title, description: e.description, capture: e.capture, load }] : [];
    });
    const captures: SampleCapture[] = cEntries.flatMap((e) => {
      const url = capturesByName.get(e.file);
      return url ? [{ name: e.file, title: e.title, description: e.description, url }] : [];
    });
    const def = typeof manifest.default === 'object' && manifest.default !== null ? (manifest.default as Record<string, unknown>) : {};
    const defaultScript = (typeof def.script === 'string' ? base(def.script) : undefined) ?? scripts.find((s) => s.name === 'ipio.d')?.name;
    const defaultCapture = (typeof def.capture === 'string' ? base(def.capture) : undefined)
      ?? scripts.find((s) => s.name === defaultScript)?.capture
      ?? captures.find((c) => /tun|ipio/i.test(c.name))?.name ?? captures[0]?.name;
    return { scripts, captures, defaultScript, defaultCapture };
  })();
  return cached;
}
