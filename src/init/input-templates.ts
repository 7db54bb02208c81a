import type { Config } from '../config/config.js';
import { ENUMS } from '../model/enums.js';
import { ACTION_FIELDS, COMPLAINT_FIELDS, DATASETS, ORDER_FIELDS, surveyFields, type DatasetId, type FieldKind, type FieldSpec } from '../model/fields.js';
import type { Lang } from '../model/lang.js';
import { DATE_FORMAT, XlsxBook, type CellStyle } from '../render/excel/xlsx-book.js';
import { YES_NO_WORDS } from './template-words.js';

/** A blank input workbook for one dataset. */
export interface InputTemplate {
  readonly dataset: DatasetId;
  /** File name, e.g. 订单评审台账-模板.xlsx. */
  readonly fileName: string;
  readonly bytes: Buffer;
}

const FILE_NAMES: Record<DatasetId, Record<Lang, string>> = {
  orders: { zh: '订单评审台账-模板.xlsx', en: 'orders-template.xlsx' },
  complaints: { zh: '客户投诉台账-模板.xlsx', en: 'complaints-template.xlsx' },
  surveys: { zh: '客户满意度调查回收表-模板.xlsx', en: 'surveys-template.xlsx' },
  actions: { zh: '措施跟踪表-模板.xlsx', en: 'actions-template.xlsx' },
};

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

/** The three blank input workbooks. */
export function inputTemplates(config: Config, lang: Lang): InputTemplate[] {
  return DATASETS.map((dataset) => ({ dataset, fileName: FILE_NAMES[dataset][lang], bytes: inputTemplate(dataset, config, lang) }));
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
  // Not the plain "qmsdoc" application name: that marks the tool's own output, which ingest never reads back,
  // and these templates are made to be filled in and dropped into the input folder.
  const book = new XlsxBook({ date: TEMPLATE_DATE, creator: 'qmsdoc input template', title: FILE_NAMES[dataset][lang].replace(/\.xlsx$/, ''), font: lang === 'zh' ? '等线' : 'Calibri' });
  const data = book.addSheet(lang === 'zh' ? '数据' : 'Data');
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

  const help = book.addSheet(lang === 'zh' ? '填写说明' : 'Instructions');
  const words = lang === 'zh' ? ['列', '必填', '填写说明', '示例'] : ['Column', 'Required', 'How to fill it in', 'Example'];
  help.addRow(words, NOTE_HEADER);
  for (const f of fields) help.addRow([header(f, lang), f.required ? YES_NO_WORDS[lang].yes : '', note(f, config, lang), example(f, config, lang)], NOTE);
  help.freezeRows(1);
  [18, 8, 60, 24].forEach((w, i) => help.setWidth(i + 1, w));
  return book.toBuffer();
}

function header(f: FieldSpec, lang: Lang): string {
  return lang === 'zh' ? f.zh : f.en;
}

function dateFormat(kind: FieldKind): string | null {
  if (kind === 'date') return DATE_FORMAT;
  if (kind === 'datetime') return `${DATE_FORMAT} hh:mm`;
  return null;
}

/** The drop-down of a column: the enumeration's labels (and the company's own categories), or yes/no. */
function choices(f: FieldSpec, config: Config, lang: Lang): readonly string[] | null {
  if (f.kind === 'yesno') return [YES_NO_WORDS[lang].yes, YES_NO_WORDS[lang].no];
  if (f.kind !== 'enum' || f.enum === undefined) return null;
  // The company's own categories (config vocabulary.categories) are offered after the nine.
  const own = f.enum === 'category' ? config.vocabulary.categories.map((c) => c.label[lang]) : [];
  return [...ENUMS[f.enum].map((v) => v[lang]), ...own.filter((label) => !ENUMS.category.some((v) => v[lang] === label))];
}

const KIND_NOTES: Record<FieldKind, Record<Lang, string>> = {
  text: { zh: '文字', en: 'text' },
  date: { zh: '日期，如 2025-03-05', en: 'a date, e.g. 2025-03-05' },
  datetime: { zh: '日期，可带时间，如 2025-03-05 14:30', en: 'a date, with the time if known, e.g. 2025-03-05 14:30' },
  positive: { zh: '大于 0 的数', en: 'a number above 0' },
  nonNegative: { zh: '0 或更大的数', en: 'a number, 0 or more' },
  score: { zh: '0–100 分', en: 'a score 0–100' },
  yesno: { zh: '从下拉列表选：是 / 否', en: 'choose from the list: Yes / No' },
  enum: { zh: '从下拉列表选', en: 'choose from the list' },
  period: { zh: '调查期次，如 2025H1、2025Q3、2025', en: 'the survey period, e.g. 2025H1, 2025Q3, 2025' },
  actionSource: { zh: '来源：meeting:2025-11（月度会议）、management_review:2025（管理评审）、audit（内审），或投诉编号、纠正预防措施单号', en: 'source: meeting:2025-11 (monthly meeting), management_review:2025, audit, or a complaint or CAPA number' },
};

const FIELD_NOTES: Readonly<Record<string, Record<Lang, string>>> = {
  order_no: { zh: '每个订单一个编号，不可重复', en: 'one number per order, never repeated' },
  complaint_no: { zh: '每个投诉一个编号，不可重复', en: 'one number per complaint, never repeated' },
  signoff_sales: { zh: '签字人姓名（有姓名即视为已签）', en: "the signer's name (a name counts as signed)" },
  signoff_finance: { zh: '签字人姓名（有姓名即视为已签）', en: "the signer's name (a name counts as signed)" },
  signoff_operations: { zh: '签字人姓名（有姓名即视为已签）', en: "the signer's name (a name counts as signed)" },
  sales_head_confirm: { zh: '负责人姓名，或 是/否', en: "the head's name, or yes/no" },
  returned_date: { zh: '日期；未回收留空', en: 'a date; empty when not returned' },
  closed_at: { zh: '日期；未结案留空', en: 'a date; empty while open' },
  overall: { zh: '0–100 分；留空则按各项平均计算', en: 'a score 0–100; empty: the mean of the items' },
};

function note(f: FieldSpec, config: Config, lang: Lang): string {
  const required = f.required ? (lang === 'zh' ? '必填。' : 'Required. ') : '';
  const list = choices(f, config, lang);
  const own = FIELD_NOTES[f.id]?.[lang] ?? KIND_NOTES[f.kind][lang];
  return `${required}${own}${list && f.kind === 'enum' ? (lang === 'zh' ? `：${list.join('、')}` : `: ${list.join(', ')}`) : ''}`;
}

const EXAMPLES: Readonly<Record<string, Record<Lang, string>>> = {
  order_no: { zh: 'SO-2025-001', en: 'SO-2025-001' },
  complaint_no: { zh: 'TS-2025-001', en: 'TS-2025-001' },
  customer: { zh: '示例客户有限公司', en: 'Example Customer Ltd.' },
  product: { zh: '精密轴承座', en: 'Bearing housing' },
  product_code: { zh: 'ZC-100', en: 'ZC-100' },
  description: { zh: '外观有划痕', en: 'scratches on the surface' },
  responsible_dept: { zh: '生产部', en: 'Production' },
  capa_no: { zh: 'CAPA-2025-001', en: 'CAPA-2025-001' },
  change_notice: { zh: 'LL-2025-001', en: 'LL-2025-001' },
  cancel_notice: { zh: 'LL-2025-002', en: 'LL-2025-002' },
  phone_log_no: { zh: 'DH-2025-001', en: 'DH-2025-001' },
  batch_no: { zh: '20250301-01', en: '20250301-01' },
  competitor: { zh: '某竞争对手', en: 'A competitor' },
};

function example(f: FieldSpec, config: Config, lang: Lang): string {
  const given = EXAMPLES[f.id]?.[lang];
  if (given) return given;
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
      return YES_NO_WORDS[lang].yes;
    case 'enum':
      return choices(f, config, lang)?.[0] ?? '';
    case 'text':
      return f.id.startsWith('signoff') || f.id.endsWith('_by') || f.id === 'handler' || f.id === 'responsible_person' || f.id === 'respondent'
        ? lang === 'zh'
          ? '张三'
          : 'Zhang San'
        : '';
  }
}
