import type { Finding } from '../model/finding.js';

/**
 * The satisfaction findings that ask a department for a corrective action (5.7.2.3–5.7.3, and the
 * related practice of a CAPA request when a figure falls below its objective): a missed response
 * rate or mean (S1, S2), an unsatisfied item (S3), no survey (S4). A data check (S5) asks for a
 * correction of the record, not a CAPA. The management review counts them and the satisfaction
 * report lists them: one definition, one number.
 */
export const SATISFACTION_CAPA_RULES = ['S1', 'S2', 'S3', 'S4'] as const;

/** The CAPA requests of a survey period (S4, about the whole input, belongs to every period). */
export function satisfactionCapaRequests(findings: readonly Finding[], period: string | null): Finding[] {
  return findings.filter((f) => (SATISFACTION_CAPA_RULES as readonly string[]).includes(f.rule) && (!('period' in f.params) || f.params.period === period));
}
