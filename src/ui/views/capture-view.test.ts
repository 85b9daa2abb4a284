import { describe, expect, it } from 'vitest';
import { spanOf } from './CaptureView.tsx';

describe('spanOf', () => {
  it('subtracts exact nanosecond times past 2^53', () => {
    expect(spanOf('1700000000.999999999', '1700000002.000000001')).toBe('1.000000002 s');
    expect(spanOf('5.5', '5.5')).toBe('0.000000000 s');
  });
});
