import type { Finding } from '../model/finding.js';

/**
 * Orders whose review is incomplete (rules.md version 2): a major or minor finding of O1–O8 or
 * O10. O9 (not logged, 5.3.1) is counted apart as `notLogged`; an O2 observation after a GM
 * ruling is a note, not a gap in the review.
 */
export function reviewIncompleteOrders(findings: readonly Finding[]): Set<string> {
  const incomplete = new Set<string>();
  for (const f of findings) {
    if (f.dataset === 'orders' && f.rule !== 'O9' && (f.severity === 'major' || f.severity === 'minor')) incomplete.add(f.record);
  }
  return incomplete;
}
