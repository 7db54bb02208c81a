import type { Config } from '../config/config.js';
import { ENUMS } from '../model/enums.js';
import { ACTION_FIELDS, COMPLAINT_FIELDS, DATASETS, ORDER_FIELDS, surveyFields, type DatasetId, type FieldKind, type FieldSpec } from '../model/fields.js';
import type { Lang } from '../model/lang.js';
import { DATE_FORMAT, XlsxBook, type CellStyle } from '../render/excel/xlsx-book.js';
import { type MessageKey, type Messages, messages } from '../text/messages.js';

/** The keys of templates/messages/init.<lang>.json: the words of the blank input templates. */
type InitKey = MessageKey<typeof import('../../templates/messages/init.zh.json', { with: { type: 'json' }})>;

const initText = (lang: Lang): Messages<InitKey> => messages<InitKey>('init', lang);

/** A blank input workbook for one dataset. */
export interface InputTemplate {
  readonly dataset: DatasetId;
  /** File name, e.g. 订单评审台账-模板.xlsx. */
  readonly fileName: string;
  readonly bytes: Buffer;
}

/** Rows the drop-downs and formats cover below the header (Excel's whole column would bloat nothing, but WPS is slow on it). */
const TEMPLATE_ROWS = 5000;
/** Fixed so the same configuration always gives the same bytes. */
const TEMPLATE_DATE = '2025-01-01';

const HEADER: CellStyle = { bold: true, fill: 'FFD9E1F2', grid: true, vertical: 'middle', wrap: true };
const REQUIRED_HEADER: CellStyle = { ...HEADER, fill: 'FFFCE4D6' };
const NOTE_HEADER: CellStyle = { bold: true, fill: 'FFD9E1F2', grid: true };
const NOTE: CellStyle = { grid: true, wrap: true, vertical: 'top' };

/** The columns of a dataset as the contract defines them, survey dimensions from the configuration. */
export function templateFields(dataset: DatasetId, config: Config): readonly FieldSpec[] {
  if (dataset === 'orders') return ORDER_FIELDS;
  if (dataset === 'complaints') return COMPLAINT_FIELDS;
  if (dataset === 'actions') return ACTION_FIELDS;
  return surveyFields(config.satisfaction.dimensions.map((d) => ({ id: d.id, zh: d.label.zh, en: d.label.en, aliases: d.headers })));
}

/** A dataset's template file name, e.g. 订单评审台账-模板.xlsx. */
export function templateFileName(dataset: DatasetId, lang: Lang): string {
  return initText(lang)(`fileName.${dataset}`);
}

/** The three blank input workbooks. */
export function inputTemplates(config: Config, lang: Lang): InputTemplate[] {
  return DATASETS.map((dataset) => ({ dataset, fileName: templateFileName(dataset, lang), bytes: inputTemplate(dataset, config, lang) }));
}

/**
 * One blank input workbook: a data sheet with the contract's headers (required ones shaded),
 * the header row frozen, a drop-down for every enumeration and yes/no column, date formats on
 * the date columns and each column's note as the input message Excel and WPS show on selecting a
 * cell; and an instructions sheet listing every column with its note and an example value. The
 * example stands on the instructions sheet, one line per column, so that it is never read as a
 * record (its header row matches no dataset).
 */
export function inputTemplate(dataset: DatasetId, config: Config, lang: Lang): Buffer {
  const fields = templateFields(dataset, config);
  const t = initText(lang);
  // Not the plain "qmsdoc" application name: that marks the tool's own output, which ingest never reads back,
  // and these templates are made to be filled in and dropped into the input folder.
  const book = new XlsxBook({
    date: TEMPLATE_DATE,
    creator: 'qmsdoc input template',
    title: t(`fileName.${dataset}`).replace(/\.xlsx$/, ''),
    font: lang === 'zh' ? '等线' : 'Calibri',
  });
  const data = book.addSheet(t('sheet.data'));
  data.addRow(
    fields.map((f) => header(f, lang)),
    fields.map((f) => (f.required ? REQUIRED_HEADER : HEADER)),
  );
  data.freezeRows(1);
  fields.forEach((f, i) => {
    const column = i + 1;
    data.setWidth(column, Math.max(10, Math.min(24, header(f, lang).length * (lang === 'zh' ? 2.2 : 1.1) + 2)));
    const format = dateFormat(f.kind);
    if (format) data.setColumnStyle(column, { numFmt: format });
    const list = choices(f, config, lang);
    const range = { column, fromRow: 2, toRow: TEMPLATE_ROWS + 1 };
    const prompt = { title: header(f, lang), text: note(f, config, lang) };
    data.addValidation(list ? { kind: 'list', values: list, range, prompt } : { kind: 'note', range, prompt });
  });
  data.print({ landscape: true, fitToWidth: true, titleRows: [1, 1] });

  const help = book.addSheet(t('sheet.help'));
  const words = (['column', 'required', 'note', 'example'] as const).map((w) => t(`helpColumns.${w}`));
  help.addRow(words, NOTE_HEADER);
  for (const f of fields) help.addRow([header(f, lang), f.required ? t('yes') : '', note(f, config, lang), example(f, config, lang)], NOTE);
  help.freezeRows(1);
  [18, 8, 60, 24].forEach((w, i) => help.setWidth(i + 1, w));
  return book.toBuffer();
}

function header(f: FieldSpec, lang: Lang): string {
  return f[lang];
}

function dateFormat(kind: FieldKind): string | null {
  if (kind === 'date') return DATE_FORMAT;
  if (kind === 'datetime') return `${DATE_FORMAT} hh:mm`;
  return null;
}

/** The drop-down of a column: the enumeration's labels (and the company's own categories), or yes/no. */
function choices(f: FieldSpec, config: Config, lang: Lang): readonly string[] | null {
  if (f.kind === 'yesno') return [initText(lang)('yes'), initText(lang)('no')];
  if (f.kind !== 'enum' || f.enum === undefined) return null;
  // The company's own categories (config vocabulary.categories) are offered after the nine.
  const own = f.enum === 'category' ? config.vocabulary.categories.map((c) => c.label[lang]) : [];
  // The input contract's own words, so that a value picked from the list reads back as its id.
  return [...ENUMS[f.enum].map((v) => v.words[lang]), ...own.filter((label) => !ENUMS.category.some((v) => v.words[lang] === label))];
}

function note(f: FieldSpec, config: Config, lang: Lang): string {
  const t = initText(lang);
  const required = f.required ? t('required') : '';
  const list = choices(f, config, lang);
  const fieldNote = `fieldNote.${f.id}`;
  const own = t.has(fieldNote) ? t(fieldNote) : t(`kindNote.${f.kind}`);
  return `${required}${own}${list && f.kind === 'enum' ? t('choices', { list: list.join(t('listSeparator')) }) : ''}`;
}

function example(f: FieldSpec, config: Config, lang: Lang): string {
  const t = initText(lang);
  const given = `example.${f.id}`;
  if (t.has(given)) return t(given);
  switch (f.kind) {
    case 'date':
      return '2025-03-05';
    case 'datetime':
      return '2025-03-05 14:30';
    case 'positive':
    case 'nonNegative':
      return '100';
    case 'score':
      return '90';
    case 'period':
      return '2025H1';
    case 'actionSource':
      return 'meeting:2025-11';
    case 'yesno':
      return t('yes');
    case 'enum':
      return choices(f, config, lang)?.[0] ?? '';
    case 'text':
      return f.id.startsWith('signoff') || f.id.endsWith('_by') || f.id === 'handler' || f.id === 'responsible_person' || f.id === 'respondent'
        ? t('exampleName')
        : '';
  }
}
