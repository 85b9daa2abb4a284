import { describe, expect, it } from 'vitest';
import { barLayout } from './BarChart.tsx';

describe('barLayout', () => {
  it('rows grow with the font, so 20px classroom labels do not overlap', () => {
    expect(barLayout([{ label: '1024', value: 3 }], 320, 13).rowH).toBeGreaterThanOrEqual(20);
    expect(barLayout([{ label: '1024', value: 3 }], 320, 20).rowH).toBeGreaterThanOrEqual(30);
  });
  it('a label longer than its column is cut to what fits, never drawn past the left edge', () => {
    const bars = [{ label: '2606:2800:220:1:248:1893:25c8:1946', value: 2121 }];
    const l = barLayout(bars, 360, 13);
    expect(l.labelChars * 0.62 * 13).toBeLessThanOrEqual(l.labelW);
    expect(l.labelChars).toBeLessThan(bars[0]!.label.length);
    expect(l.labelW + l.barW).toBeLessThanOrEqual(360);
  });
});
