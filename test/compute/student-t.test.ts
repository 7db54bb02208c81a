import { describe, expect, it } from 'vitest';
import { meanConfidenceInterval, studentTCdf, studentTQuantile, welchTest } from '../../src/compute/student-t.js';

describe("Student's t", () => {
  it.each([
    // Critical values from standard t tables (two-sided 95 %).
    [1, 12.706],
    [5, 2.571],
    [10, 2.228],
    [18, 2.101],
    [30, 2.042],
    [120, 1.98],
  ])('with %d degrees of freedom the 97.5th percentile is %d', (df, t) => {
    expect(studentTQuantile(0.975, df)).toBeCloseTo(t, 3);
  });

  it('is symmetric around 0', () => {
    expect(studentTCdf(0, 7)).toBeCloseTo(0.5, 12);
    expect(studentTCdf(-2, 7) + studentTCdf(2, 7)).toBeCloseTo(1, 12);
  });

  it('gives the interval mean ± t·s/√n', () => {
    // mean 80, sample variance 200/3, n 4: half width 3.1824 × √(66.67/4) = 12.99
    const ci = meanConfidenceInterval([70, 80, 80, 90])!;
    expect(ci.halfWidth).toBeCloseTo(12.992, 2);
    expect([ci.low, ci.high].map((x) => Math.round(x * 100) / 100)).toEqual([67.01, 92.99]);
    expect(meanConfidenceInterval([1])).toBeNull();
  });

  it("matches Welch's test on Wikipedia's first example (t = −2.46, df = 25.0, p = 0.021)", () => {
    const a = [27.5, 21.0, 19.0, 23.6, 17.0, 17.9, 16.9, 20.1, 21.9, 22.6, 23.1, 19.6, 19.0, 21.7, 21.4];
    const b = [27.1, 22.0, 20.8, 23.4, 23.4, 23.5, 25.8, 22.0, 24.8, 20.2, 21.9, 22.1, 22.9, 20.5, 24.4];
    const result = welchTest(a, b)!;
    expect(result.t).toBeCloseTo(-2.4554, 3);
    expect(result.df).toBeCloseTo(24.99, 2);
    expect(result.p).toBeCloseTo(0.0214, 3);
  });
});
