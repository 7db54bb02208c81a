import type { Config } from '../config/config.js';
import type { IngestResult } from '../ingest/ingest-result.js';
import { COMPLAINT_CATEGORIES } from '../model/enums.js';
import type { Lang } from '../model/lang.js';
import type { ComplaintsSummary, OrdersSummary, SatisfactionSummary, Summary } from '../model/summary.js';
import { summariseInputErrors, summariseInputs, summariseSkipped } from './summarise-inputs.js';

/** summary.json for a run. The rule blocks are present with zero counts until the rules stage fills them. */
export function buildSummary(ingest: IngestResult, config: Config, asOf: string, lang: Lang): Summary {
  return {
    schemaVersion: 1,
    asOf,
    lang,
    inputs: summariseInputs(ingest),
    inputErrors: summariseInputErrors(ingest, lang),
    orders: emptyOrders(),
    complaints: emptyComplaints(),
    satisfaction: emptySatisfaction(config),
    findings: [],
    skipped: summariseSkipped(ingest),
  };
}

function emptyOrders(): OrdersSummary {
  return { total: 0, standard: 0, nonStandard: 0, reviewComplete: 0, reviewIncomplete: 0, signedBeforeReview: 0, changedNotReReviewed: 0 };
}

function emptyComplaints(): ComplaintsSummary {
  return {
    total: 0,
    open: 0,
    closed: 0,
    major: 0,
    byMonth: {},
    byCategory: Object.fromEntries(COMPLAINT_CATEGORIES.map((c) => [c.id, 0])),
    overdue: 0,
    firstReplyWithin72h: 0,
    firstReplyLate: 0,
    firstReplyMissing: 0,
    majorNotEscalated: 0,
  };
}

function emptySatisfaction(config: Config): SatisfactionSummary {
  return {
    period: null,
    previousPeriod: null,
    sent: 0,
    returned: 0,
    responseRate: null,
    mean: null,
    median: null,
    stdev: null,
    bands: { very_satisfied: 0, satisfied: 0, dissatisfied: 0, very_dissatisfied: 0 },
    dimensions: Object.fromEntries(config.satisfaction.dimensions.map((d) => [d.id, null])),
    previousMean: null,
    deltaMean: null,
    periods: [],
  };
}
