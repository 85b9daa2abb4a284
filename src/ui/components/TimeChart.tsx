/**
 * A uPlot time chart (x in seconds). With onSelect, dragging across the plot
 * selects a time range (the Timeline's brush); double-click resets.
 *
 * The plot is built once per series shape (labels, scales), height and style;
 * new data only calls setData. Building a uPlot (style reads, canvas set-up)
 * costs tens of ms, which a view updated several times a second while a run
 * streams must not pay each time (e2e/longtask.spec.ts).
 */
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

/** A series; `scale` 'right' puts it on its own axis at the right (bytes beside packets). */
export interface Series { label: string; values: number[]; scale?: 'right' }

export function TimeChart({ x, series, label, onSelect, height = 180, stepped = false }: { x: number[]; series: Series[]; label: string; onSelect?: (from: number, to: number) => void; height?: number; stepped?: boolean }) {
  const host = useRef<HTMLDivElement>(null);
  const onSelectRef = useRef(onSelect);
  useEffect(() => { onSelectRef.current = onSelect; }, [onSelect]);

  const plotRef = useRef<uPlot | null>(null);
  const data = [x, ...series.map((s) => s.values)] as uPlot.AlignedData;
  const dataRef = useRef(data);
  useEffect(() => { dataRef.current = data; });
  const shape = JSON.stringify(series.map((s) => [s.label, s.scale ?? '']));
  const empty = x.length === 0;

  useEffect(() => {
    const el = host.current;
    if (!el || empty) return;
    // Built in a task of its own, after the next frame: effects of a store update run in the task that
    // rendered it, and the plot's style reads and canvas set-up would lengthen that task; after the frame,
    // style and layout are clean, so those reads cost nothing extra (e2e/longtask.spec.ts).
    let plot: uPlot | null = null;
    let ro: ResizeObserver | null = null;
    let build: ReturnType<typeof setTimeout> | undefined;
    const raf = requestAnimationFrame(() => { build = setTimeout(create, 0); });
    function create(): void {
      if (!el) return;
      const shaped = JSON.parse(shape) as [string, string][];
      const css = getComputedStyle(el);
      const fg = css.getPropertyValue('--fg').trim() || '#222';
      const colors = ['--chart-1', '--chart-2', '--chart-3'].map((v) => css.getPropertyValue(v).trim() || '#1565c0');
      const opts: uPlot.Options = {
        width: Math.max(300, el.clientWidth),
        height,
        scales: { x: { time: false } },
        axes: [
          { stroke: fg, grid: { stroke: 'rgba(128,128,128,0.2)' }, label: 'seconds', labelSize: 18 },
          { stroke: fg, grid: { stroke: 'rgba(128,128,128,0.2)' }, label: shaped.find((s) => !s[1])?.[0], labelSize: 18 },
          ...(shaped.some((s) => s[1] === 'right') ? [{ scale: 'right', side: 1 as const, stroke: fg, grid: { show: false }, label: shaped.find((s) => s[1] === 'right')?.[0], labelSize: 18 }] : []),
        ],
        series: [{ label: 's' }, ...shaped.map(([lab, scale], i) => ({
          label: lab, scale: scale || 'y', stroke: colors[i % colors.length], width: 1.5,
          fill: i === 0 ? colors[0] + '33' : undefined,
          paths: stepped ? uPlot.paths.stepped!({ align: 1 }) : undefined,
          points: { show: false },
        }))],
        cursor: { drag: { x: true, y: false, setScale: false } },
        legend: { show: true },
        hooks: {
          setSelect: [(u) => {
            if (u.select.width > 2 && onSelectRef.current) {
              const a = u.posToVal(u.select.left, 'x');
              const b = u.posToVal(u.select.left + u.select.width, 'x');
              onSelectRef.current(a, b);
            }
          }],
        },
      };
      const p = new uPlot(opts, dataRef.current, el);
      plot = p;
      plotRef.current = p;
      ro = new ResizeObserver(() => p.setSize({ width: Math.max(300, el.clientWidth), height }));
      ro.observe(el);
    }
    return () => { cancelAnimationFrame(raf); clearTimeout(build); ro?.disconnect(); plot?.destroy(); plotRef.current = null; };
  }, [shape, height, stepped, empty]);

  // New data for the same plot: setData rescales and redraws (no rebuild).
  // In a task of its own too: a redraw would lengthen the task that rendered the new data.
  useEffect(() => {
    const id = setTimeout(() => {
      const p = plotRef.current;
      if (p && p.data[0] !== dataRef.current[0]) p.setData(dataRef.current);
    }, 0);
    return () => clearTimeout(id);
  }, [x, series]);

  return <div ref={host} className="time-chart" role="img" aria-label={label} />;
}
