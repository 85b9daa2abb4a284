/**
 * A uPlot time chart (x in seconds). With onSelect, dragging across the plot
 * selects a time range (the Timeline's brush); double-click resets.
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

  useEffect(() => {
    const el = host.current;
    if (!el || x.length === 0) return;
    const css = getComputedStyle(el);
    const fg = css.getPropertyValue('--fg').trim() || '#222';
    const colors = ['--chart-1', '--chart-2', '--chart-3'].map((v) => css.getPropertyValue(v).trim() || '#1565c0');
    const opts: uPlot.Options = {
      width: Math.max(300, el.clientWidth),
      height,
      scales: { x: { time: false } },
      axes: [
        { stroke: fg, grid: { stroke: 'rgba(128,128,128,0.2)' }, label: 'seconds', labelSize: 18 },
        { stroke: fg, grid: { stroke: 'rgba(128,128,128,0.2)' }, label: series.find((s) => !s.scale)?.label, labelSize: 18 },
        ...(series.some((s) => s.scale === 'right') ? [{ scale: 'right', side: 1 as const, stroke: fg, grid: { show: false }, label: series.find((s) => s.scale === 'right')?.label, labelSize: 18 }] : []),
      ],
      series: [{ label: 's' }, ...series.map((s, i) => ({
        label: s.label, scale: s.scale ?? 'y', stroke: colors[i % colors.length], width: 1.5,
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
    const plot = new uPlot(opts, [x, ...series.map((s) => s.values)], el);
    const ro = new ResizeObserver(() => plot.setSize({ width: Math.max(300, el.clientWidth), height }));
    ro.observe(el);
    return () => { ro.disconnect(); plot.destroy(); };
  }, [x, series, height, stepped]);

  return <div ref={host} className="time-chart" role="img" aria-label={label} />;
}
