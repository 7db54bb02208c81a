import { z } from 'zod';
import { ORDER_SOURCES, type OrderSource } from '../model/enums.js';
import { OBJECTIVE_METRICS } from '../model/objectives.js';

/**
 * The configuration file (qmsdoc.config.json). Every field is optional; the defaults are the
 * values the procedure and the specs name, so a company can start without any config file.
 */

const text = z.string().trim().min(1);

/** A label in both languages; a plain string is used for both. */
const localized = z.union([text.transform((s) => ({ zh: s, en: s })), z.strictObject({ zh: text, en: text })]);

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), {
    message: 'not a real calendar date',
  });

/**
 * A company setting (time limit or goal): the number alone, or the number with the document the
 * company wrote it in ("营销管理制度"); the source defaults to 公司设定 and is printed with every
 * finding measured against the setting.
 */
function setting(number: z.ZodNumber, fallback: number) {
  return z.union([number, z.strictObject({ value: number, source: localized })]).default(fallback);
}

/** Department ids the order review form has sign-off columns for (5.3.2.3). */
export const SIGNOFF_DEPARTMENTS = ['sales', 'finance', 'operations'] as const;

const objective = z.strictObject({
  /** What is measured; see OBJECTIVE_METRICS. */
  metric: z.enum(OBJECTIVE_METRICS),
  /** The target; rates as fractions (0.95). Default: the goal of that metric in `goals`, or its usual target. */
  target: z.number().min(0).optional(),
  /** The objective's wording in the review; default the metric's own. */
  label: localized.optional(),
  /** Where the objective is set (质量目标 document); default the goal's source, else 公司设定. */
  source: localized.optional(),
});

const departmentId = z.string().regex(/^[a-z][a-z0-9_]*$/, 'department ids are lower-case letters, digits and "_"');

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

/** The company's own labels of one enumeration: label as written → the enumeration's id. */
const labelMap = z.record(text, text).default({});

/** A complaint category of the company's own, counted and reported beside the nine. */
const companyCategory = z.strictObject({
  /** Key used in summary.json's byCategory; lower-case letters, digits, "_". */
  id: z.string().regex(/^[a-z][a-z0-9_]*$/, 'lower-case letters, digits and "_", starting with a letter'),
  /** Its name on reports and forms; its Chinese and English names are also accepted in the ledger. */
  label: localized,
  /** Further labels the ledger may use for it. */
  aliases: z.array(text).default([]),
});

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
    /**
     * Department id → name, merged over the default departments; and the department lists:
     * `distribution` (who receives the reports, 5.7.2), `reviewSignoffs` (who signs a
     * non-standard order's review, 5.3.2.3; rule O4) and `liaisonReceipt` (who receives a 联络单).
     */
    departments: z
      .object({
        distribution: z.array(departmentId).min(1).optional(),
        reviewSignoffs: z.array(z.enum(SIGNOFF_DEPARTMENTS)).min(1).optional(),
        /** Who receives a 联络单 (5.3.4, 5.3.5); default 业务部, 生产部, 品质部, 采购部, 行政财务部. */
        liaisonReceipt: z.array(departmentId).min(1).optional(),
      })
      .catchall(localized)
      .prefault({}),
    /** The company's procedure for customer-related processes, named in the reports' headings. */
    procedure: z
      .strictObject({
        name: localized.default({ zh: '与顾客有关的过程控制程序', en: 'Control Procedure for Customer-Related Processes' }),
        /** Document number, e.g. "QP-XS-01"; empty prints none. */
        number: z.string().trim().default(''),
        /** Version, e.g. "A/0"; empty prints none. */
        version: z.string().trim().default(''),
      })
      .prefault({}),
    orders: z
      .strictObject({
        /**
         * Which changed orders must be re-reviewed (5.3.4.3 says "必要时", when needed; rule O8):
         * non-standard ones (default), all, or none.
         */
        reReviewAfterChange: z.enum(['non_standard', 'all', 'none']).default('non_standard'),
        /** Order sources that must be in the phone/fax log (5.3.1; rule O9): "all" (default) or a list. */
        logSources: z.union([z.literal('all'), z.array(z.enum(ORDER_SOURCES.map((s) => s.id) as [OrderSource, ...OrderSource[]])).min(1)]).default('all'),
      })
      .prefault({}),
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
        /**
         * The 发放日期 printed on pre-filled survey forms: a day of the period they survey (its first
         * or its last day), or null to leave the line for the sender to fill in.
         */
        surveySendDate: z.enum(['periodStart', 'periodEnd']).nullable().default(null),
        /**
         * Days the customer is asked to return the survey in, printed on the survey form. The
         * procedure sets no return time (5.6.2 only says by fax or e-mail): none by default, and
         * the form then asks for no deadline.
         */
        replyWithinDays: z.number().int().min(1).max(366).nullable().default(null),
      })
      .prefault({}),
    goals: z
      .strictObject({
        /** Survey response rate goal (5.6.1 related practice; rule S1); a number or {value, source}. */
        responseRate: setting(z.number().min(0).max(1), 0.9),
        /** Quality objective for the survey mean (rule S2); a number or {value, source}. */
        surveyMean: setting(z.number().min(0).max(100), 85),
      })
      .prefault({}),
    complaints: z
      .strictObject({
        /**
         * The company's time limits (the procedure sets none), in working days unless named hours;
         * each a number or {value, source}.
         */
        limits: z
          .strictObject({
            assignWorkingDays: setting(z.number().int().min(0), 1),
            causeWorkingDays: setting(z.number().int().min(0), 3),
            resolveWorkingDays: setting(z.number().int().min(0), 15),
            notifyWorkingDays: setting(z.number().int().min(0), 2),
            closeWorkingDays: setting(z.number().int().min(0), 18),
            firstReplyHours: setting(z.number().int().min(1), 72),
          })
          .prefault({}),
        /** A complaint of the same customer and category (not "other") within this many calendar days of an earlier one is a repeat. */
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
        /** A Pareto names its "vital few" only for a month with at least this many complaints. */
        paretoMinCount: z.number().int().min(1).default(20),
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
    /**
     * The company's own words (input contract v2): extra labels per enumeration, label → id
     * (e.g. {"category": {"外观": "quality"}}), and the company's own complaint categories.
     */
    vocabulary: z
      .strictObject({
        source: labelMap,
        product_type: labelMap,
        channel: labelMap,
        category: labelMap,
        severity: labelMap,
        responsibility: labelMap,
        action_status: labelMap,
        categories: z.array(companyCategory).default([]),
      })
      .prefault({}),
    /** Bounds that keep hostile or broken input files from exhausting the machine. */
    limits: z
      .strictObject({
        /** Most megabytes one workbook may inflate to, all its parts together (a zip bomb stops here). */
        inflatedMegabytes: z.number().int().min(1).max(2047).default(1024),
      })
      .prefault({}),
    /** Extra header aliases per dataset: field id → headers, e.g. {"orders": {"order_no": ["单号"]}}. */
    headers: z.strictObject({ orders: headerAliases, complaints: headerAliases, surveys: headerAliases, actions: headerAliases }).prefault({}),
    /**
     * The day of this year's internal audit: the year's satisfaction survey is due before it
     * (5.6.1, "before each internal audit"); `qmsdoc due` lists it while not done. Null: not set.
     */
    internalAuditDate: isoDate.nullable().default(null),
  })
  .describe('qmsdoc configuration');

export type ConfigInput = z.input<typeof configSchema>;
export type ParsedConfig = z.output<typeof configSchema>;
