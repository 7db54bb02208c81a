import { z } from 'zod';
import type { TemplateText } from '../document/fill-text.js';

/**
 * A controlled form as data (templates/forms/<id>.json): its title, the record it is filled
 * from, and its layout — grids of labels, values, tick boxes and writing areas; repeating tables;
 * paragraphs; signature lines. Texts are {zh, en} or one string for both, and may hold
 * Handlebars expressions ({{customer}}) filled from the record's view.
 */

const text = z.union([z.string(), z.strictObject({ zh: z.string(), en: z.string() })]);
export type { TemplateText };

const width = z.union([z.number().positive(), z.literal('*'), z.literal('auto')]);
const align = z.enum(['left', 'center', 'right']);

const checks = z.strictObject({
  /** Dotted path of the view value the boxes reflect. */
  field: z.string().min(1),
  options: z.array(z.strictObject({ value: z.union([z.string(), z.boolean()]), label: text })).min(1),
  /**
   * Further options from the view (a list of {value, label} at the dotted path `from`), put
   * before the option whose value is `before`, else after the rest: the company's own complaint
   * categories (config vocabulary.categories), blank or filled.
   */
  more: z.strictObject({ from: z.string().min(1), before: z.string().optional() }).optional(),
  /** Kept for template compatibility: a record prints no tool marks, so an empty value stays a blank line. */
  required: z.boolean().default(false),
});

const cellBase = { span: z.number().int().min(1).max(12).default(1), rowSpan: z.number().int().min(1).max(12).default(1) };

const cell = z.union([
  z.strictObject({ ...cellBase, label: text }),
  z.strictObject({
    ...cellBase,
    value: text,
    align: align.default('left'),
    bold: z.boolean().default(false),
    /** Kept for template compatibility: a record prints no tool marks, so an empty value stays a blank line. */
    required: z.boolean().default(false),
  }),
  z.strictObject({ ...cellBase, area: text, height: z.number().positive(), caption: text.optional() }),
  z.strictObject({ ...cellBase, checks }),
  z.strictObject({ ...cellBase, blank: z.literal(true) }),
]);
export type TemplateCell = z.infer<typeof cell>;

/** Starts the section on a new page (a two-page record broken where its parts meet). */
const pageBreakBefore = z.boolean().default(false);

const section = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('grid'),
    title: text.optional(),
    pageBreakBefore,
    widths: z.array(width).min(1).max(12),
    rows: z.array(z.strictObject({ height: z.number().positive().optional(), cells: z.array(cell).min(1) })).min(1),
  }),
  z.strictObject({
    type: z.literal('table'),
    title: text.optional(),
    pageBreakBefore,
    /** Dotted path of the view's array of rows. */
    items: z.string().min(1),
    columns: z
      .array(
        z.strictObject({
          header: text,
          width,
          value: text.optional(),
          checks: checks.optional(),
          align: align.default('left'),
        }),
      )
      .min(1),
    /** Empty rows printed when there are no items (a blank log, say). */
    blankRows: z.number().int().min(0).max(200).default(10),
    /** Empty rows printed after the items, for entries by hand. */
    extraRows: z.number().int().min(0).max(200).default(0),
    rowHeight: z.number().positive().default(22),
  }),
  /** A paragraph; one whose text fills to nothing is left out. */
  z.strictObject({ type: z.literal('paragraph'), text, size: z.enum(['note', 'body', 'notice']).default('body') }),
  z.strictObject({
    type: z.literal('signatures'),
    items: z
      .array(z.strictObject({ label: text, name: text.optional(), date: text.optional() }))
      .min(1)
      .max(6),
  }),
]);
export type TemplateSection = z.infer<typeof section>;

/** The records a form can be filled from; "none" is blank only. */
export const FORM_SOURCES = ['none', 'order', 'liaison', 'complaint', 'capa', 'phone_fax_log', 'survey_invitation', 'customer_list'] as const;
export type FormSource = (typeof FORM_SOURCES)[number];

export const formTemplateSchema = z.strictObject({
  /** Must match the file name and a form register entry. */
  id: z.string().regex(/^[a-z][a-z0-9_]*$/),
  title: text,
  source: z.enum(FORM_SOURCES).default('none'),
  orientation: z.enum(['portrait', 'landscape']).default('portrait'),
  /**
   * Who the form is for: "internal" forms are controlled documents when blank and records when
   * filled; a "customer" form (the survey) is handed to customers and carries no control marks.
   */
  audience: z.enum(['internal', 'customer']).default('internal'),
  /** Name of a filled form's file (made safe for any file system), e.g. "{{complaintNo}}". */
  fileName: z.string().default('{{id}}'),
  sections: z.array(section).min(1),
});
export type FormTemplate = z.infer<typeof formTemplateSchema>;
