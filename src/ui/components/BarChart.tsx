/**
 * Horizontal SVG bars: one per key (count/sum/avg/min/max aggregations) or
 * per bucket (quantize histograms). Labels are SVG text nodes (never markup).
 */
export interface Bar { label: string; value: number }

export function BarChart({ bars, label, max = 40 }: { bars: Bar[]; label: string; max?: number }) {
  const shown = bars.slice(0, max);
  const top = Math.max(1, ...shown.map((b) => Math.abs(b.value)));
  const rowH = 22;
  // Room for the longest label (12px monospace ≈ 7.3px a character), within bounds.
  const labelW = Math.min(330, Math.max(80, 16 + 7.3 * Math.max(0, ...shown.map((b) => Math.min(44, b.label.length)))));
  const width = 720;
  const barW = width - labelW - 90;
  return (
    <figure className="chart">
      <svg role="img" aria-label={label} viewBox={`0 0 ${width} ${shown.length * rowH + 4}`} width="100%" preserveAspectRatio="xMinYMin meet" className="bar-chart">
        {shown.map((b, i) => {
          const w = Math.max(1, (Math.abs(b.value) / top) * barW);
          return (
            <g key={i} transform={`translate(0, ${i * rowH + 2})`}>
              <text x={labelW - 8} y={rowH / 2 + 4} textAnchor="end" className="bar-label">{b.label.length > 44 ? b.label.slice(0, 43) + '…' : b.label}</text>
              <rect x={labelW} y={3} width={w} height={rowH - 6} className="bar" />
              <text x={labelW + w + 6} y={rowH / 2 + 4} className="bar-value">{b.value.toLocaleString('en-US')}</text>
            </g>
          );
        })}
      </svg>
      {bars.length > max && <figcaption>Showing the top {max} of {bars.length}.</figcaption>}
    </figure>
  );
}
