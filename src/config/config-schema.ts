import { z } from 'zod';
import { OBJECTIVE_METRICS } from '../model/objectives.js';

/**
 * The configuration file (qmsdoc.config.json). Every field is optional; the defaults are the
 * values the procedure and the specs name, so a company can start without any config file.
 */

const text = z.string().trim().min(1);

/** A label in both languages; a plain string is used for both. */
const localized = z.union([
  text.transform((s) => ({ zh: s, en: s })),
  z.strictObject({ zh: text, en: text }),
]);

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), {
    message: 'not a real calendar date',
  });

/** One line of the form register: how a controlled form is numbered and kept. */
const objective = z.strictObject({
  /** What is measured; see OBJECTIVE_METRICS. */
  metric: z.enum(OBJECTIVE_METRICS),
  /** The target; rates as fractions (0.95). Default: the goal of that metric in `goals`, or its usual target. */
  target: z.number().min(0).optional(),
  /** The objective's wording in the review; default the metric's own. */
  label: localized.optional(),
});

const formRegisterEntry = z.strictObject({
  /** Form number printed in the header, e.g. "QR-XS-02". */
  number: text.optional(),
  /** Overrides the form template's own title. */
  title: localized.optional(),
  /** 版本/版次, e.g. "A/0". */
  version: text.optional(),
  /** 发放号; empty leaves a line to write it in by hand. */
  issueNo: z.string().trim().optional(),
  /** 生效日期; null leaves a line to write it in. */
  effectiveDate: isoDate.nullable().optional(),
  /** 保存期限, e.g. "3年". */
  retention: localized.optional(),
});

const dimension = z.strictObject({
  /** Key used in summary.json ("quality"); lower case letters, digits, "_". */
  id: z.string().regex(/^[a-z][a-z0-9_]*$/, 'lower-case letters, digits and "_", starting with a letter'),
  label: localized,
  /** Further headers accepted for this dimension's score column. */
  headers: z.array(text).default([]),
  /** Weight in the overall score when the sheet gives no overall; weights need not sum to 1. */
  weight: z.number().positive().default(1),
  /** Department id (see `departments`) answerable for this item when it is unsatisfied (5.7.2.3). */
  department: text,
});

const closure = z.union([
  isoDate.transform((d) => ({ from: d, to: d, name: '' })),
  z.strictObject({ from: isoDate, to: isoDate, name: z.string().default('') }),
]);

const headerAliases = z.record(z.string(), z.array(text)).default({});

export const configSchema = z
  .strictObject({
    company: z
      .strictObject({
        /** Printed at the top of every form and report. Empty prints no company line. */
        name: z.union([z.literal(''), localized]).default(''),
        /** PNG or JPEG, relative to the config file. */
        logo: z.string().trim().min(1).nullable().default(null),
      })
      .prefault({}),
    /** Language of messages and documents; `--lang` overrides it. */
    language: z.enum(['zh', 'en']).default('zh'),
    /** Form id → register entry; merged over the default register. */
    forms: z.record(z.string().regex(/^[a-z][a-z0-9_]*$/, 'form ids are lower-case letters, digits and "_"'), formRegisterEntry).default({}),
    /** Department id → name; merged over the default departments. */
    departments: z.record(z.string().regex(/^[a-z][a-z0-9_]*$/, 'department ids are lower-case letters, digits and "_"'), localized).default({}),
    satisfaction: z
      .strictObject({
        /** Lower bounds, inclusive (5.7.6: "含90分，以下类同"). */
        bands: z
          .strictObject({
            verySatisfied: z.number().min(0).max(100).default(90),
            satisfied: z.number().min(0).max(100).default(75),
            dissatisfied: z.number().min(0).max(100).default(60),
          })
          .prefault({})
          .refine((b) => b.verySatisfied > b.satisfied && b.satisfied > b.dissatisfied, {
            message: 'bands must fall: verySatisfied > satisfied > dissatisfied',
          }),
        /** The surveyed dimensions, in the order reports list them. Default: quality, service, price, delivery. */
        dimensions: z.array(dimension).min(1).optional(),
        /** A given overall score further than this from the dimension mean is a warning (S5). */
        overallTolerance: z.number().min(0).default(1),
        /** A dimension mean below this is an unsatisfied item (S3); default the 不满意 band's top. */
        unsatisfiedBelow: z.number().min(0).max(100).default(75),
      })
      .prefault({}),
    goals: z
      .strictObject({
        /** Survey response rate goal (5.6.1 related practice). */
        responseRate: z.number().min(0).max(1).default(0.9),
        /** Quality objective for the survey mean. */
        surveyMean: z.number().min(0).max(100).default(85),
      })
      .prefault({}),
    complaints: z
      .strictObject({
        /** Time limits of related practice, in working days unless named hours. */
        limits: z
          .strictObject({
            assignWorkingDays: z.number().int().min(0).default(1),
            causeWorkingDays: z.number().int().min(0).default(3),
            resolveWorkingDays: z.number().int().min(0).default(15),
            notifyWorkingDays: z.number().int().min(0).default(2),
            closeWorkingDays: z.number().int().min(0).default(18),
            firstReplyHours: z.number().int().min(1).default(72),
          })
          .prefault({}),
        /** Complaints of the same customer and category, or product and category, within this many days are repeats. */
        repeatWindowDays: z.number().int().min(1).default(90),
      })
      .prefault({}),
    /** Quality objectives (质量目标) judged in the management review; default the list in defaults.ts. */
    objectives: z.array(objective).optional(),
    reports: z
      .strictObject({
        /** Longest table a PDF report prints; the rest is counted and left to the workbooks. */
        maxTableRows: z.number().int().min(10).default(200),
        /** Monthly complaint packs written by build: the last N months up to the as-of date (0 = every month). */
        monthlyPacks: z.number().int().min(0).default(12),
      })
      .prefault({}),
    calendar: z
      .strictObject({
        /** Company closures (days off) added to China's official calendar. */
        closures: z.array(closure).default([]),
        /** Extra company working days (e.g. a Saturday shift that counts). */
        workdays: z.array(isoDate).default([]),
      })
      .prefault({}),
    /** Extra header aliases per dataset: field id → headers, e.g. {"orders": {"order_no": ["单号"]}}. */
    headers: z
      .strictObject({ orders: headerAliases, complaints: headerAliases, surveys: headerAliases, actions: headerAliases })
      .prefault({}),
  })
  .describe('qmsdoc configuration');

export type ConfigInput = z.input<typeof configSchema>;
export type ParsedConfig = z.output<typeof configSchema>;
