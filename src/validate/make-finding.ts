import type { Finding, FindingParam, RuleId } from '../model/finding.js';
import type { Provenance } from '../model/provenance.js';
import { RULES } from './rule-table.js';

/** A finding of `rule` about a record (or a period, with no location). */
export function makeFinding(rule: RuleId, record: string, provenance: Provenance | null, params: Readonly<Record<string, FindingParam>>): Finding {
  const spec = RULES[rule];
  return {
    rule,
    clause: spec.clause,
    severity: spec.severity,
    dataset: spec.dataset,
    record,
    location: provenance ? { file: provenance.file, sheet: provenance.sheet, row: provenance.row } : null,
    params,
  };
}
