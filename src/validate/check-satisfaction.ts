import type { Config } from '../config/config.js';
import { isoFromCivil, isValidCivil } from '../dates/civil.js';
import type { IsoDate } from '../model/dates.js';
import type { Finding, FindingLimit } from '../model/finding.js';
import { surveyItemRecord } from '../issues/finding-record.js';
import type { PeriodStats, SatisfactionAnalysis } from '../model/satisfaction.js';
import { defineRule, runRuleSet, type DefinedRule, type RuleContext, type Subject } from './rule-definition.js';

/** A quality objective as findings name it: its value, key and source. */
export function objectiveLimit(config: Config, goal: 'responseRate' | 'surveyMean'): FindingLimit {
  return goal === 'responseRate'
    ? { key: 'objectives.surveyResponseRate', value: config.goals.responseRate, unit: 'rate', source: config.goalSources.responseRate }
    : { key: 'objectives.satisfactionMean', value: config.goals.surveyMean, unit: 'points', source: config.goalSources.surveyMean };
}

const currentPeriod = (ctx: RuleContext, has: (p: PeriodStats) => boolean): Subject<PeriodStats>[] => {
  const current = ctx.satisfaction.current;
  return current && has(current) ? [{ subject: current, record: current.period, provenance: null }] : [];
};

/**
 * Satisfaction (5.6–5.7), rules S1–S5 of rules.md version 2: the response rate and mean of the
 * current period against the company's objectives (目标未达成, not nonconformities), unsatisfied
 * dimensions with their responsible departments, a survey in the last twelve months, and overall
 * scores that disagree with their dimensions (a data check).
 */
export const SURVEY_RULES: readonly DefinedRule[] = [
  defineRule({
    id: 'S1',
    dataset: 'surveys',
    clause: null,
    basis: 'objective',
    severity: 'target',
    limit: (config) => objectiveLimit(config, 'responseRate'),
    appliesTo: (ctx) => currentPeriod(ctx, (p) => p.responseRate !== null),
    check: (p, ctx) =>
      p.responseRate !== null && p.responseRate < ctx.config.goals.responseRate
        ? { params: { period: p.period, sent: p.sent, returned: p.returned, rate: p.responseRate, goal: ctx.config.goals.responseRate } }
        : null,
  }),
  defineRule({
    id: 'S2',
    dataset: 'surveys',
    clause: null,
    basis: 'objective',
    severity: 'target',
    limit: (config) => objectiveLimit(config, 'surveyMean'),
    appliesTo: (ctx) => currentPeriod(ctx, (p) => p.mean !== null),
    check: (p, ctx) =>
      p.mean !== null && p.mean < ctx.config.goals.surveyMean ? { params: { period: p.period, mean: p.mean, goal: ctx.config.goals.surveyMean } } : null,
  }),
  defineRule({
    id: 'S3',
    dataset: 'surveys',
    clause: '5.7.2.3, 5.7.3',
    basis: 'procedure',
    severity: 'minor',
    appliesTo: (ctx) => {
      const current = ctx.satisfaction.current;
      if (!current) return [];
      return ctx.config.satisfaction.dimensions.flatMap((d) => {
        const mean = current.dimensions[d.id];
        return mean === null || mean === undefined
          ? []
          : [{ subject: { period: current.period, dimension: d, mean }, record: surveyItemRecord(current.period, d.id), provenance: null }];
      });
    },
    check: ({ period, dimension, mean }, ctx) =>
      mean < ctx.config.satisfaction.unsatisfiedBelow
        ? { params: { period, dimension: dimension.id, mean, threshold: ctx.config.satisfaction.unsatisfiedBelow, department: dimension.department } }
        : null,
  }),
  defineRule({
    id: 'S4',
    dataset: 'surveys',
    clause: '5.6.1',
    basis: 'procedure',
    severity: 'major',
    // No survey file is itself the gap 5.6.1 asks about: checked, and the message says the input holds none.
    notChecked: () => null,
    // Two checks: a survey returned in the 12 months before the as-of date; and, once the internal
    // audit of config internalAuditDate has taken place (on or before the as-of date), a survey of
    // that year returned before it (5.6.1: 在内审前进行). An audit still ahead is a due item, not a gap.
    appliesTo: (ctx) => {
      const audit = ctx.config.internalAuditDate;
      const subjects = [{ subject: { asOf: ctx.asOf, audit: null as IsoDate | null }, record: ctx.asOf, provenance: null }];
      if (audit !== null && audit <= ctx.asOf) subjects.push({ subject: { asOf: ctx.asOf, audit }, record: audit, provenance: null });
      return subjects;
    },
    check: ({ asOf, audit }, ctx) => {
      const windowStart = twelveMonthsBefore(asOf);
      const periods = ctx.satisfaction.periods;
      if (audit !== null) {
        const yearStart = `${audit.slice(0, 4)}-01-01`;
        const before = periods.some((p) =>
          p.responses.some((s) => {
            const date = s.response.returnedDate ?? s.response.sentDate;
            return s.returned && date !== null && date >= yearStart && date <= audit;
          }),
        );
        return before ? null : { params: { from: yearStart, asOf, lastReturned: null, noSurveyFile: !ctx.input.datasets.surveys, auditDate: audit } };
      }
      const recent = periods.some((p) =>
        p.responses.some((s) => {
          const date = s.response.returnedDate ?? s.response.sentDate;
          return s.returned && date !== null && date > windowStart && date <= asOf;
        }),
      );
      if (recent) return null;
      const last =
        periods
          .flatMap((p) => (p.lastReturned ? [p.lastReturned] : []))
          .sort()
          .pop() ?? null;
      return { params: { from: windowStart, asOf, lastReturned: last, noSurveyFile: !ctx.input.datasets.surveys, auditDate: null } };
    },
  }),
  defineRule({
    id: 'S5',
    dataset: 'surveys',
    clause: null,
    basis: 'data',
    severity: 'observation',
    appliesTo: (ctx) =>
      ctx.satisfaction.periods.flatMap((p) =>
        p.responses.flatMap((s) =>
          s.returned && s.response.overall !== null && s.dimensionMean !== null
            ? [{ subject: s, record: `${s.response.customer} ${s.response.period}`, provenance: s.response.provenance }]
            : [],
        ),
      ),
    check: (s, ctx) => {
      const given = s.response.overall;
      const tolerance = ctx.config.satisfaction.overallTolerance;
      if (given === null || s.dimensionMean === null || Math.abs(given - s.dimensionMean) <= tolerance) return null;
      return { params: { period: s.response.period, given, dimensionMean: s.dimensionMean, tolerance } };
    },
  }),
];

/** Runs S1–S5 over a satisfaction analysis (tests and tools); `surveysPresent` false: the input held no survey file. */
export function checkSatisfaction(analysis: SatisfactionAnalysis, config: Config, asOf: IsoDate, surveysPresent = true): Finding[] {
  return runRuleSet(SURVEY_RULES, {
    config,
    asOf,
    satisfaction: analysis,
    input: { datasets: { orders: true, complaints: true, surveys: surveysPresent, actions: false }, phoneLogColumn: true },
  });
}

/** The same day one year earlier (29 February → 28 February). */
export function twelveMonthsBefore(date: IsoDate): IsoDate {
  const y = Number(date.slice(0, 4)) - 1;
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  return isValidCivil(y, m, d) ? isoFromCivil(y, m, d) : isoFromCivil(y, m, d - 1);
}
