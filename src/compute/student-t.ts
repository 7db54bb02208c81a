import { mean, sampleVariance } from 'simple-statistics';

/**
 * Student's t distribution for the report's confidence interval and two-sample test.
 * simple-statistics gives t statistics but no t probabilities, so the CDF is computed from the
 * regularised incomplete beta function (continued fraction, as in Numerical Recipes §6.4).
 */

/** ln Γ(x), Lanczos approximation (accurate to ~1e-15 for x > 0). */
function logGamma(x: number): number {
  const g = [76.18009172947146, -86.50532032941677, 24.01409824083091, -1.231739572450155, 0.1208650973866179e-2, -0.5395239384953e-5];
  let y = x;
  const tmp = x + 5.5 - (x + 0.5) * Math.log(x + 5.5);
  let series = 1.000000000190015;
  for (const c of g) series += c / ++y;
  return -tmp + Math.log((2.5066282746310005 * series) / x);
}

function betaContinuedFraction(a: number, b: number, x: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 300; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-14) break;
  }
  return h;
}

/** The regularised incomplete beta function I_x(a, b). */
function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  return x < (a + 1) / (a + b + 2) ? (front * betaContinuedFraction(a, b, x)) / a : 1 - (front * betaContinuedFraction(b, a, 1 - x)) / b;
}

/** P(T ≤ t) for Student's t with `df` degrees of freedom (df may be fractional, as in Welch's test). */
export function studentTCdf(t: number, df: number): number {
  const tail = 0.5 * incompleteBeta(df / (df + t * t), df / 2, 0.5);
  return t >= 0 ? 1 - tail : tail;
}

/** The t value with P(T ≤ t) = p, by bisection on the CDF. */
export function studentTQuantile(p: number, df: number): number {
  let lo = -1000;
  let hi = 1000;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (studentTCdf(mid, df) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** The two-sided 95 % confidence interval of a mean from a sample (n ≥ 2). */
export function meanConfidenceInterval(sample: readonly number[], level = 0.95): { low: number; high: number; halfWidth: number } | null {
  if (sample.length < 2) return null;
  const m = mean([...sample]);
  const halfWidth = studentTQuantile(1 - (1 - level) / 2, sample.length - 1) * Math.sqrt(sampleVariance([...sample]) / sample.length);
  return { low: m - halfWidth, high: m + halfWidth, halfWidth };
}

/** Welch's two-sample t test (unequal variances): is the difference of two means more than noise? */
export interface WelchTest {
  readonly difference: number;
  readonly t: number;
  readonly df: number;
  /** Two-sided p value. */
  readonly p: number;
}

export function welchTest(current: readonly number[], previous: readonly number[]): WelchTest | null {
  if (current.length < 2 || previous.length < 2) return null;
  const m1 = mean([...current]);
  const m2 = mean([...previous]);
  const v1 = sampleVariance([...current]) / current.length;
  const v2 = sampleVariance([...previous]) / previous.length;
  const se = Math.sqrt(v1 + v2);
  if (se === 0) return { difference: m1 - m2, t: m1 === m2 ? 0 : Infinity, df: current.length + previous.length - 2, p: m1 === m2 ? 1 : 0 };
  const t = (m1 - m2) / se;
  const df = (v1 + v2) ** 2 / (v1 ** 2 / (current.length - 1) + v2 ** 2 / (previous.length - 1));
  return { difference: m1 - m2, t, df, p: 2 * (1 - studentTCdf(Math.abs(t), df)) };
}
