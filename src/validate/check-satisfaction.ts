import type { Config } from '../config/config.js';
import { isoFromCivil, isValidCivil } from '../dates/civil.js';
import type { IsoDate } from '../model/dates.js';
import type { Finding } from '../model/finding.js';
import type { SatisfactionAnalysis } from '../model/satisfaction.js';
import { makeFinding } from './make-finding.js';

/**
 * Satisfaction (5.6–5.7), rules S1–S5: response rate and mean of the current period against the
 * goals, unsatisfied dimensions with their responsible departments, a survey in the last twelve
 * months, and overall scores that disagree with their dimensions.
 */
export function checkSatisfaction(analysis: SatisfactionAnalysis, config: Config, asOf: IsoDate): Finding[] {
  const findings: Finding[] = [];
  const { current } = analysis;
  if (current) {
    if (current.responseRate !== null && current.responseRate < config.goals.responseRate) {
      findings.push(makeFinding('S1', current.period, null, { period: current.period, sent: current.sent, returned: current.returned, rate: current.responseRate, goal: config.goals.responseRate }));
    }
    if (current.mean !== null && current.mean < config.goals.surveyMean) {
      findings.push(makeFinding('S2', current.period, null, { period: current.period, mean: current.mean, goal: config.goals.surveyMean }));
    }
    for (const d of config.satisfaction.dimensions) {
      const value = current.dimensions[d.id];
      if (value !== null && value !== undefined && value < config.satisfaction.unsatisfiedBelow) {
        findings.push(
          makeFinding('S3', `${current.period} ${d.id}`, null, {
            period: current.period,
            dimension: d.id,
            mean: value,
            threshold: config.satisfaction.unsatisfiedBelow,
            department: d.department,
          }),
        );
      }
    }
  }
  const windowStart = twelveMonthsBefore(asOf);
  const recent = analysis.periods.some((p) =>
    p.responses.some((s) => {
      const date = s.response.returnedDate ?? s.response.sentDate;
      return s.returned && date !== null && date > windowStart && date <= asOf;
    }),
  );
  if (!recent) {
    const last = analysis.periods.flatMap((p) => (p.lastReturned ? [p.lastReturned] : [])).sort().pop() ?? null;
    findings.push(makeFinding('S4', asOf, null, { from: windowStart, asOf, lastReturned: last }));
  }
  for (const period of analysis.periods) {
    for (const s of period.responses) {
      const given = s.response.overall;
      if (!s.returned || given === null || s.dimensionMean === null) continue;
      if (Math.abs(given - s.dimensionMean) > config.satisfaction.overallTolerance) {
        findings.push(
          makeFinding('S5', `${s.response.customer} ${s.response.period}`, s.response.provenance, {
            period: s.response.period,
            given,
            dimensionMean: s.dimensionMean,
            tolerance: config.satisfaction.overallTolerance,
          }),
        );
      }
    }
  }
  return findings;
}

/** The same day one year earlier (29 February → 28 February). */
export function twelveMonthsBefore(date: IsoDate): IsoDate {
  const y = Number(date.slice(0, 4)) - 1;
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  return isValidCivil(y, m, d) ? isoFromCivil(y, m, d) : isoFromCivil(y, m, d - 1);
}
