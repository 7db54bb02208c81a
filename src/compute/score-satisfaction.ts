import { mean, median, sampleStandardDeviation } from 'simple-statistics';
import type { Config } from '../config/config.js';
import type { IsoDate } from '../model/dates.js';
import type { SurveyResponse } from '../model/records.js';
import { BANDS, type Band, type CompetitorComparison, type PeriodStats, type SatisfactionAnalysis, type ScoredResponse } from '../model/satisfaction.js';

/** The band of a score; lower bounds inclusive, no rounding first (5.7.6). */
export function bandOf(score: number, bands: Config['satisfaction']['bands']): Band {
  if (score >= bands.verySatisfied) return 'very_satisfied';
  if (score >= bands.satisfied) return 'satisfied';
  if (score >= bands.dissatisfied) return 'dissatisfied';
  return 'very_dissatisfied';
}

/** Surveys sent on or before the as-of date (or without a sent date) count. */
export function surveysInScope(surveys: readonly SurveyResponse[], asOf: IsoDate): SurveyResponse[] {
  return surveys.filter((s) => s.sentDate === null || s.sentDate <= asOf);
}

/**
 * Scores every response and gives each period its statistics: sent, returned, response rate,
 * mean, median, sample standard deviation, bands, dimension means, competitor comparison.
 * Periods are ordered by their earliest sent date when every period has one, else by the natural
 * order of their labels. The current period is the latest, or `period` when given.
 */
export function scoreSatisfaction(surveys: readonly SurveyResponse[], config: Config, asOf: IsoDate, period?: string): SatisfactionAnalysis {
  const byPeriod = new Map<string, SurveyResponse[]>();
  for (const s of surveysInScope(surveys, asOf)) {
    const list = byPeriod.get(s.period) ?? [];
    list.push(s);
    byPeriod.set(s.period, list);
  }
  const periods = [...byPeriod].map(([label, responses]) => periodStats(label, responses, config, asOf));
  sortPeriods(periods);
  const index = period === undefined ? periods.length - 1 : periods.findIndex((p) => p.period === period);
  return {
    periods,
    current: periods[index] ?? null,
    previous: index > 0 ? (periods[index - 1] ?? null) : null,
  };
}

function sortPeriods(periods: PeriodStats[]): void {
  const collator = new Intl.Collator('en', { numeric: true });
  const byLabel = (a: PeriodStats, b: PeriodStats) => collator.compare(a.period, b.period);
  if (periods.every((p) => p.firstSent !== null)) {
    periods.sort((a, b) => (a.firstSent! < b.firstSent! ? -1 : a.firstSent! > b.firstSent! ? 1 : byLabel(a, b)));
  } else periods.sort(byLabel);
}

/** A response's overall score: the sheet's overall, else the weighted mean of its dimensions. */
export function scoreResponse(response: SurveyResponse, config: Config, asOf: IsoDate): ScoredResponse {
  const returned = response.returned && (response.returnedDate === null || response.returnedDate <= asOf);
  let weighted = 0;
  let weights = 0;
  for (const d of config.satisfaction.dimensions) {
    const score = response.scores[d.id];
    if (score !== undefined) {
      weighted += score * d.weight;
      weights += d.weight;
    }
  }
  const dimensionMean = weights > 0 ? weighted / weights : null;
  const overall = returned ? (response.overall ?? dimensionMean) : null;
  return { response, returned, overall, dimensionMean, band: overall === null ? null : bandOf(overall, config.satisfaction.bands) };
}

function periodStats(period: string, responses: readonly SurveyResponse[], config: Config, asOf: IsoDate): PeriodStats {
  const dimensionIds = config.satisfaction.dimensions.map((d) => d.id);
  const scored: ScoredResponse[] = [];
  const returned: ScoredResponse[] = [];
  const scores: number[] = [];
  const perDimension: number[][] = dimensionIds.map(() => []);
  const bands = Object.fromEntries(BANDS.map((b) => [b, 0])) as Record<Band, number>;
  let firstSent: IsoDate | null = null;
  let lastReturned: IsoDate | null = null;
  for (const response of responses) {
    const s = scoreResponse(response, config, asOf);
    scored.push(s);
    if (response.sentDate !== null && (firstSent === null || response.sentDate < firstSent)) firstSent = response.sentDate;
    if (!s.returned) continue;
    returned.push(s);
    if (response.returnedDate !== null && (lastReturned === null || response.returnedDate > lastReturned)) lastReturned = response.returnedDate;
    if (s.overall !== null) scores.push(s.overall);
    if (s.band) bands[s.band]++;
    for (let k = 0; k < dimensionIds.length; k++) {
      const v = response.scores[dimensionIds[k]!];
      if (v !== undefined) perDimension[k]!.push(v);
    }
  }
  const dimensions: Record<string, number | null> = {};
  const dimensionCounts: Record<string, number> = {};
  dimensionIds.forEach((id, k) => {
    const values = perDimension[k]!;
    dimensions[id] = values.length > 0 ? mean(values) : null;
    dimensionCounts[id] = values.length;
  });
  return {
    period,
    firstSent,
    lastReturned,
    sent: responses.length,
    returned: returned.length,
    responseRate: responses.length > 0 ? returned.length / responses.length : null,
    scores,
    mean: scores.length > 0 ? mean(scores) : null,
    median: scores.length > 0 ? median(scores) : null,
    stdev: scores.length > 1 ? sampleStandardDeviation(scores) : null,
    min: scores.length > 0 ? scores.reduce((a, b) => Math.min(a, b)) : null,
    max: scores.length > 0 ? scores.reduce((a, b) => Math.max(a, b)) : null,
    bands,
    dimensions,
    dimensionCounts,
    competitors: competitorComparisons(returned),
    responses: scored,
  };
}

function competitorComparisons(returned: readonly ScoredResponse[]): CompetitorComparison[] {
  const groups = new Map<string, { theirs: number[]; ours: number[] }>();
  for (const s of returned) {
    const { competitor, competitorScore } = s.response;
    if (competitor === null || competitorScore === null || s.overall === null) continue;
    const g = groups.get(competitor) ?? { theirs: [], ours: [] };
    g.theirs.push(competitorScore);
    g.ours.push(s.overall);
    groups.set(competitor, g);
  }
  return [...groups]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([competitor, g]) => ({ competitor, responses: g.theirs.length, competitorMean: mean(g.theirs), ourMean: mean(g.ours) }));
}
