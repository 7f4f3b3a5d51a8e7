import { describe, expect, it } from 'vitest';
import { wilsonInterval } from '../../scripts/lib/metrics.js';

describe('wilsonInterval', () => {
  it('gives the textbook 95% intervals, inside 0..1 even at a share of zero', () => {
    const half = wilsonInterval(5, 10);
    expect(half.low).toBeCloseTo(0.2366, 3);
    expect(half.high).toBeCloseTo(0.7634, 3);
    const none = wilsonInterval(0, 10);
    expect(none.low).toBe(0);
    expect(none.high).toBeCloseTo(0.2775, 3);
  });

  it('narrows as the questions grow: 50% of 108 is about ±9 points, of 1,080 about ±3', () => {
    const small = wilsonInterval(54, 108);
    const large = wilsonInterval(540, 1080);
    expect(small.high - small.low).toBeGreaterThan(0.18);
    expect(small.high - small.low).toBeLessThan(0.19);
    expect(large.high - large.low).toBeLessThan(0.06);
  });
});
