import { DATASETS, type DatasetId } from '../model/fields.js';
import { FINDING_SEVERITIES, type FindingSeverity } from '../model/finding.js';
import type { Localized } from '../model/lang.js';
import { localizedTexts } from '../text/messages.js';

/** Severities as an ISO 9001 auditor writes them in Chinese (templates/messages/labels.*.json). */
export const SEVERITY_LABELS: Readonly<Record<FindingSeverity, Localized>> = localizedTexts('labels', 'severity', FINDING_SEVERITIES);

/** The bases of a finding, as the audit report groups them. */
export const BASIS_LABELS: Readonly<Record<'procedure' | 'company_limit' | 'objective' | 'data', Localized>> = localizedTexts('labels', 'basis', [
  'procedure',
  'company_limit',
  'objective',
  'data',
] as const);

export const DATASET_LABELS: Readonly<Record<DatasetId, Localized>> = localizedTexts('labels', 'dataset', DATASETS);
