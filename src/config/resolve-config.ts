import path from 'node:path';
import { z } from 'zod';
import type { Lang } from '../model/lang.js';
import { ACTION_FIELDS, COMPLAINT_FIELDS, DATASETS, ORDER_FIELDS, surveyFields, type DatasetId } from '../model/fields.js';
import { configSchema, type ParsedConfig } from './config-schema.js';
import type { ComplaintLimitName, Config } from './config.js';
import type { Localized } from '../model/lang.js';
import type { Objective } from '../model/objectives.js';
import { metricLabel } from '../text/domain-labels.js';
import {
  DEFAULT_DEPARTMENTS,
  DEFAULT_DIMENSIONS,
  DEFAULT_DISTRIBUTION,
  DEFAULT_LIAISON_RECEIPT,
  DEFAULT_SOURCE,
  DEFAULT_FORM_REGISTER,
  THREE_YEARS,
  DEFAULT_OBJECTIVES,
  USUAL_TARGETS,
  type FormRegisterEntry,
} from './defaults.js';
import { allowedKeysAt } from './allowed-keys.js';
import { type ConfigKey, configText } from './config-text.js';
import type { Messages } from '../text/messages.js';
import { complaintCategories } from './categories.js';
import { COMPLAINT_CATEGORIES, ENUMS, type EnumName, type EnumValue } from '../model/enums.js';
import { normaliseToken } from '../text/fold.js';

/** One problem in a configuration: where (a dotted path) and what is wrong or allowed. */
export interface ConfigIssue {
  readonly path: string;
  readonly message: string;
}

export type ResolveResult = { ok: true; config: Config } | { ok: false; issues: ConfigIssue[] };

const LOCALES = { zh: z.locales.zhCN, en: z.locales.en } as const;

/**
 * Checks a configuration (anything parsed from JSON; undefined = no file) and fills every
 * default. `baseDir` resolves relative paths in it (the logo). All problems are collected.
 */
export function resolveConfig(spec: unknown, baseDir: string, lang: Lang = 'zh'): ResolveResult {
  const parsed = configSchema.safeParse(spec ?? {}, { error: LOCALES[lang]().localeError });
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((issue) => describeZodIssue(issue, lang)),
    };
  }
  const config = fillDefaults(parsed.data, baseDir);
  const issues = crossCheck(config, parsed.data, lang);
  return issues.length > 0 ? { ok: false, issues } : { ok: true, config };
}

function describeZodIssue(issue: z.core.$ZodIssue, lang: Lang): ConfigIssue {
  const at = issue.path.map(String);
  if (issue.code === 'unrecognized_keys') {
    const allowed = allowedKeysAt(configSchema, at);
    return issue.keys.length === 1
      ? { path: joinPath([...at, issue.keys[0] ?? '']), message: unknownKeyMessage(allowed, lang) }
      : { path: joinPath(at), message: `${issue.message}; ${unknownKeyMessage(allowed, lang)}` };
  }
  return { path: joinPath(at), message: issue.message };
}

function unknownKeyMessage(allowed: readonly string[], lang: Lang): string {
  return configText(lang)('unknownKey', { allowed: allowed.join(', ') });
}

function joinPath(parts: readonly string[]): string {
  return parts.length === 0 ? '(top level)' : parts.join('.');
}

/** A setting given as a number or as {value, source}. */
type Setting = number | { readonly value: number; readonly source: Localized };
const valueOf = (s: Setting): number => (typeof s === 'number' ? s : s.value);
const sourceOf = (s: Setting): Localized => (typeof s === 'number' ? DEFAULT_SOURCE : s.source);

function fillDefaults(parsed: ParsedConfig, baseDir: string): Config {
  const { distribution, reviewSignoffs, liaisonReceipt, ...departmentNames } = parsed.departments;
  const limits = parsed.complaints.limits;
  const limitNames = Object.keys(limits) as ComplaintLimitName[];
  const limitValues = Object.fromEntries(limitNames.map((n) => [n, valueOf(limits[n])])) as Record<ComplaintLimitName, number>;
  const goals = { responseRate: valueOf(parsed.goals.responseRate), surveyMean: valueOf(parsed.goals.surveyMean) };
  const goalSources = { responseRate: sourceOf(parsed.goals.responseRate), surveyMean: sourceOf(parsed.goals.surveyMean) };
  const forms: Record<string, FormRegisterEntry> = { ...DEFAULT_FORM_REGISTER };
  for (const [id, given] of Object.entries(parsed.forms)) {
    const base = forms[id];
    forms[id] = {
      number: given.number ?? base?.number ?? '',
      title: given.title ?? base?.title ?? null,
      version: given.version ?? base?.version ?? 'A/0',
      issueNo: given.issueNo ?? base?.issueNo ?? '',
      effectiveDate: given.effectiveDate === undefined ? (base?.effectiveDate ?? null) : given.effectiveDate,
      retention: given.retention ?? base?.retention ?? THREE_YEARS,
    };
  }
  return {
    company: {
      name: parsed.company.name === '' ? null : parsed.company.name,
      logo: parsed.company.logo === null ? null : path.resolve(baseDir, parsed.company.logo),
    },
    language: parsed.language,
    internalAuditDate: parsed.internalAuditDate,
    forms,
    departments: { ...DEFAULT_DEPARTMENTS, ...(departmentNames as Record<string, Localized>) },
    departmentLists: {
      distribution: distribution ?? DEFAULT_DISTRIBUTION,
      reviewSignoffs: reviewSignoffs ?? ['sales', 'finance', 'operations'],
      liaisonReceipt: liaisonReceipt ?? DEFAULT_LIAISON_RECEIPT,
    },
    procedure: parsed.procedure,
    orders: parsed.orders,
    satisfaction: {
      bands: parsed.satisfaction.bands,
      dimensions: parsed.satisfaction.dimensions ?? DEFAULT_DIMENSIONS,
      overallTolerance: parsed.satisfaction.overallTolerance,
      unsatisfiedBelow: parsed.satisfaction.unsatisfiedBelow,
      surveySendDate: parsed.satisfaction.surveySendDate,
      replyWithinDays: parsed.satisfaction.replyWithinDays,
    },
    goals,
    goalSources,
    complaints: {
      limits: limitValues,
      limitSources: Object.fromEntries(limitNames.map((n) => [n, sourceOf(limits[n])])) as Record<ComplaintLimitName, Localized>,
      repeatWindowDays: parsed.complaints.repeatWindowDays,
    },
    objectives: (parsed.objectives ?? DEFAULT_OBJECTIVES.map((o) => ({ metric: o.metric, target: undefined, label: undefined, source: undefined }))).map(
      (o): Objective => ({
        metric: o.metric,
        target:
          o.target ??
          (o.metric === 'satisfaction_mean' ? goals.surveyMean : o.metric === 'survey_response_rate' ? goals.responseRate : (USUAL_TARGETS[o.metric] ?? 0)),
        label: o.label ?? metricLabel(o.metric, limitValues),
        source:
          o.source ??
          (o.metric === 'satisfaction_mean' ? goalSources.surveyMean : o.metric === 'survey_response_rate' ? goalSources.responseRate : DEFAULT_SOURCE),
      }),
    ),
    reports: parsed.reports,
    calendar: parsed.calendar,
    limits: parsed.limits,
    headers: parsed.headers,
    vocabulary: {
      labels: {
        source: parsed.vocabulary.source,
        product_type: parsed.vocabulary.product_type,
        channel: parsed.vocabulary.channel,
        category: parsed.vocabulary.category,
        severity: parsed.vocabulary.severity,
        responsibility: parsed.vocabulary.responsibility,
        action_status: parsed.vocabulary.action_status,
      },
      categories: parsed.vocabulary.categories,
    },
  };
}

/** Checks that need more than one field: references between sections, field ids, date ranges. */
function crossCheck(config: Config, parsed: ParsedConfig, lang: Lang): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const say = configText(lang);
  const departmentIds = Object.keys(config.departments);
  for (const id of Object.keys(parsed.departments)) {
    if (id !== 'distribution' && id !== 'reviewSignoffs' && id !== 'liaisonReceipt' && !/^[a-z][a-z0-9_]*$/.test(id)) {
      issues.push({ path: `departments.${id}`, message: say('departmentId') });
    }
  }
  for (const list of ['distribution', 'liaisonReceipt'] as const) {
    config.departmentLists[list].forEach((id, i) => {
      if (!(id in config.departments)) {
        issues.push({ path: `departments.${list}.${i}`, message: say('unknownDepartment', { id, allowed: departmentIds.join(', ') }) });
      }
    });
  }
  config.satisfaction.dimensions.forEach((d, i) => {
    if (!(d.department in config.departments)) {
      issues.push({
        path: `satisfaction.dimensions.${i}.department`,
        message: say('unknownDepartment', { id: d.department, allowed: departmentIds.join(', ') }),
      });
    }
  });
  const dimensionIds = config.satisfaction.dimensions.map((d) => d.id);
  const duplicate = dimensionIds.find((id, i) => dimensionIds.indexOf(id) !== i);
  if (duplicate !== undefined) {
    issues.push({ path: 'satisfaction.dimensions', message: say('duplicateDimension', { id: duplicate }) });
  }
  for (const [id, entry] of Object.entries(config.forms)) {
    if (entry.number === '') {
      issues.push({ path: `forms.${id}.number`, message: say('formNumber') });
    }
  }
  parsed.objectives?.forEach((o, i) => {
    if (o.target === undefined && o.metric === 'complaints_per_month') {
      issues.push({ path: `objectives.${i}.target`, message: say('objectiveTarget') });
    }
  });
  config.calendar.closures.forEach((c, i) => {
    if (c.to < c.from) {
      issues.push({ path: `calendar.closures.${i}`, message: say('closureDates') });
    }
  });
  const fieldIds: Record<DatasetId, readonly string[]> = {
    orders: ORDER_FIELDS.map((f) => f.id),
    complaints: COMPLAINT_FIELDS.map((f) => f.id),
    surveys: surveyFields(config.satisfaction.dimensions.map((d) => ({ id: d.id, zh: d.label.zh, en: d.label.en, aliases: d.headers }))).map((f) => f.id),
    actions: ACTION_FIELDS.map((f) => f.id),
  };
  for (const dataset of DATASETS) {
    for (const id of Object.keys(parsed.headers[dataset])) {
      if (!fieldIds[dataset].includes(id)) {
        issues.push({
          path: `headers.${dataset}.${id}`,
          message: say('unknownField', { allowed: fieldIds[dataset].join(', ') }),
        });
      }
    }
  }
  issues.push(...checkVocabulary(config, say));
  return issues;
}

/**
 * The company's categories must not reuse an id or name of the nine (or of each other), and
 * every label must map to an id its enumeration has — else a label would count nowhere.
 */
function checkVocabulary(config: Config, say: Messages<ConfigKey>): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const seen = new Map<string, string>();
  for (const c of COMPLAINT_CATEGORIES as readonly EnumValue[])
    for (const name of [c.id, c.words.zh, c.words.en, ...(c.aliases ?? [])]) seen.set(normaliseToken(name), c.id);
  config.vocabulary.categories.forEach((c, i) => {
    if (COMPLAINT_CATEGORIES.some((b) => b.id === c.id)) {
      issues.push({ path: `vocabulary.categories.${i}.id`, message: say('builtInCategory', { id: c.id }) });
      return;
    }
    for (const name of [c.id, c.label.zh, c.label.en, ...c.aliases]) {
      const key = normaliseToken(name);
      const taken = seen.get(key);
      if (taken !== undefined && taken !== c.id) issues.push({ path: `vocabulary.categories.${i}`, message: say('categoryNameTaken', { name, taken }) });
      else seen.set(key, c.id);
    }
  });
  for (const [name, labels] of Object.entries(config.vocabulary.labels) as [EnumName, Readonly<Record<string, string>>][]) {
    const ids = (name === 'category' ? complaintCategories(config) : (ENUMS[name] as readonly EnumValue[])).map((v) => v.id);
    for (const [label, id] of Object.entries(labels)) {
      if (!ids.includes(id)) {
        issues.push({ path: `vocabulary.${name}.${label}`, message: say('unknownValue', { id, allowed: ids.join(', ') }) });
      }
    }
  }
  return issues;
}
