/**
 * Horizontal SVG bars: one per key (count/sum/avg/min/max aggregations) or
 * per bucket (quantize histograms). Labels are SVG text nodes (never markup).
 *
 * The SVG is drawn at its container's real pixel width (one viewBox unit = one
 * CSS pixel), never scaled: a fixed viewBox squeezed into a 320px histogram
 * cell shrank 12px labels to 5px. Text takes the figure's font size
 * (--fs-mono, 20px in classroom mode; at least 12px), and rows grow with it.
 */
import { useLayoutEffect, useRef, useState } from 'react';

export interface Bar { label: string; value: number }

/** Label, bar and value columns for a chart `width` px wide at font size `fs` px (monospace ≈ 0.62em a character). */
export function barLayout(bars: Bar[], width: number, fs: number): { rowH: number; labelW: number; barW: number; labelChars: number } {
  const ch = 0.62 * fs;
  const longest = Math.max(0, ...bars.map((b) => Math.min(44, b.label.length)));
  const valueW = 10 + ch * Math.max(1, ...bars.map((b) => b.value.toLocaleString('en-US').length));
  const labelW = Math.min(Math.max(4 * ch, width * 0.45), Math.max(5 * ch, 12 + ch * longest));
  return { rowH: Math.round(fs * 1.7), labelW, barW: Math.max(20, width - labelW - valueW), labelChars: Math.max(4, Math.floor((labelW - 10) / ch)) };
}

export function BarChart({ bars, label, max = 40 }: { bars: Bar[]; label: string; max?: number }) {
  const ref = useRef<HTMLElement>(null);
  const [box, setBox] = useState({ width: 720, fs: 13 });
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = (): void => {
      const width = Math.max(200, Math.floor(el.clientWidth));
      const fs = Math.max(12, parseFloat(getComputedStyle(el).fontSize) || 12);
      setBox((b) => (b.width === width && b.fs === fs ? b : { width, fs }));
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  const shown = bars.slice(0, max);
  const top = Math.max(1, ...shown.map((b) => Math.abs(b.value)));
  const { width, fs } = box;
  const { rowH, labelW, barW, labelChars } = barLayout(shown, width, fs);
  const height = shown.length * rowH + 4;
  const baseline = rowH / 2 + fs * 0.35;
  return (
    <figure className="chart" ref={ref}>
      <svg role="img" aria-label={label} viewBox={`0 0 ${width} ${height}`} width={width} height={height} className="bar-chart">
        {shown.map((b, i) => {
          const w = Math.max(1, (Math.abs(b.value) / top) * barW);
          return (
            <g key={i} transform={`translate(0, ${i * rowH + 2})`}>
              <text x={labelW - 8} y={baseline} textAnchor="end" className="bar-label">{b.label.length > labelChars ? b.label.slice(0, labelChars - 1) + '…' : b.label}</text>
              <rect x={labelW} y={3} width={w} height={rowH - 6} className="bar" />
              <text x={labelW + w + 6} y={baseline} className="bar-value">{b.value.toLocaleString('en-US')}</text>
            </g>
          );
        })}
      </svg>
      {bars.length > max && <figcaption>Showing the top {max} of {bars.length}.</figcaption>}
    </figure>
  );
}
