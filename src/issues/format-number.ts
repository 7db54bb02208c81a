/** Display formatting; summary.json keeps numbers unrounded. */

/** A score with one decimal: 84.25 → "84.3". */
export function formatScore(value: number | null): string {
  return value === null ? '—' : (Math.round(value * 10) / 10).toFixed(1);
}

/** A rate as a percentage with one decimal: 0.8636 → "86.4%". */
export function formatRate(value: number | null): string {
  return value === null ? '—' : `${(Math.round(value * 1000) / 10).toFixed(1)}%`;
}

/** A signed difference with one decimal: "+1.2", "−0.8". */
export function formatDelta(value: number | null): string {
  if (value === null) return '—';
  const rounded = Math.round(value * 10) / 10;
  return rounded > 0 ? `+${rounded.toFixed(1)}` : rounded < 0 ? `−${Math.abs(rounded).toFixed(1)}` : '0.0';
}
