import type { Lang } from '../model/lang.js';
import type { FileProblem, InputError, InputErrorCode } from '../model/input-error.js';
import { fillTemplate } from './fill-template.js';

/**
 * Wording of input errors, one table per language. Placeholders: {value}, {column}, {row} from
 * the error itself, the rest from its params.
 */
const INPUT_MESSAGES: Readonly<Record<Lang, Readonly<Record<InputErrorCode, string>>>> = {
  zh: {
    required_missing: '必填项「{column}」为空',
    required_column_missing: '缺少必填列「{column}」，本表 {rows} 行数据（第 {firstRow}–{lastRow} 行）均未读入',
    bad_date: '「{value}」不是可识别的日期（可写 2025-03-05、2025/3/5、2025.3.5、2025年3月5日、20250305）',
    impossible_date: '「{value}」不是有效的日期或时间',
    bad_number: '「{value}」不是数字',
    number_range: '「{value}」超出范围：{rule}',
    score_range: '得分「{value}」超出 0–100，该行各项得分均不计入统计',
    bad_yes_no: '「{value}」不是是/否（可写 是/否、Y/N、√/×、1/0）',
    bad_enum: '「{value}」不是可选值；可选：{allowed}。如这是本公司的叫法，请在配置中加 {key}: "<上列英文 id 之一>"',
    unknown_category: '投诉类别「{value}」不在类别表中，已按「其他」计入统计，报告中显示为 其他（{value}）；要归入某一类，请在配置中加 {key}: "<类别 id>"，或在 vocabulary.categories 中增加本公司的类别',
    bad_action_source: '来源「{value}」无法识别会议月份或评审年份，应写作 {expected}（如 meeting:2025-11、management_review:2025）',
    duplicate_id: '编号「{value}」与 {earlier} 重复',
    duplicate_column: '列「{column}」与 {first} 列同为「{field}」，已忽略此列',
    totals_row: '合计行「{value}」已跳过',
    ambiguous_sheet: '第 {row} 行表头同样符合 {candidates}，无法判断是哪类台账，已跳过此表',
    text_truncated: '文字超过 {max} 字，已截断',
    too_many_rows: '超过 {max} 行，第 {row} 行起未读入',
    excel_error: '单元格是 Excel 错误值 {code}（公式出错）',
    unsupported_file: '不支持的文件格式，未读取；请另存为 .xlsx 或 .csv',
    csv_format: 'CSV 格式问题：{detail}',
    csv_unclosed_quote: '第 {row} 行的引号没有闭合，从第 {row} 行到文件末尾的 {rows} 行被并入一个单元格，均未读入；请补上引号后重试',
    csv_encoding: '此行有 {count} 处字节不是有效的 UTF-8 文字，显示为 �；请检查原文件',
    beyond_last_column: '单元格 {value} 超出 Excel 最后一列 XFD，未读入',
  },
  en: {
    required_missing: 'required value "{column}" is empty',
    required_column_missing: 'required column "{column}" is missing: all {rows} data rows of this sheet (rows {firstRow}–{lastRow}) not read',
    bad_date: '"{value}" is not a date (write 2025-03-05, 2025/3/5, 2025.3.5, 2025年3月5日 or 20250305)',
    impossible_date: '"{value}" is not a valid date or time',
    bad_number: '"{value}" is not a number',
    number_range: '"{value}" is out of range: {rule}',
    score_range: 'score "{value}" is outside 0–100; none of this row\'s scores are counted',
    bad_yes_no: '"{value}" is not yes/no (write 是/否, Y/N, √/×, 1/0)',
    bad_enum: '"{value}" is not one of the allowed values: {allowed}. If it is your company\'s word for one of them, add {key}: "<one of the ids above>" to the configuration',
    unknown_category: 'complaint category "{value}" is not known: counted as "other" and shown as Other ({value}) in reports; to count it under a category, add {key}: "<category id>" to the configuration, or add your own category under vocabulary.categories',
    bad_action_source: 'source "{value}": no meeting month or review year could be read; write {expected} (e.g. meeting:2025-11, management_review:2025)',
    duplicate_id: 'id "{value}" repeats {earlier}',
    duplicate_column: 'column "{column}" is "{field}" again (first in column {first}); ignored',
    totals_row: 'totals row "{value}" skipped',
    ambiguous_sheet: 'the header in row {row} fits {candidates} equally; sheet skipped',
    text_truncated: 'text longer than {max} characters, cut',
    too_many_rows: 'more than {max} rows; rows from {row} on not read',
    excel_error: 'the cell shows the Excel error {code} (a failed formula)',
    unsupported_file: 'file format not supported, not read; save it as .xlsx or .csv',
    csv_format: 'CSV format problem: {detail}',
    csv_unclosed_quote: 'the quote opened in row {row} never closes: the {rows} rows from row {row} to the end of the file ran into one cell and were not read; close the quote and run again',
    csv_encoding: '{count} byte sequence(s) in this row are not valid UTF-8 text and show as �; check the original file',
    beyond_last_column: 'cell {value} lies beyond Excel\'s last column XFD; not read',
  },
};

const RANGE_RULES: Readonly<Record<Lang, Readonly<Record<string, string>>>> = {
  zh: { positive: '应大于 0', nonNegative: '不能为负数', magnitude: '绝对值不能超过 10^15' },
  en: { positive: 'must be greater than 0', nonNegative: 'must not be negative', magnitude: 'must not exceed 10^15 in size' },
};

const CONSEQUENCE: Readonly<Record<Lang, { rejected: string; kept: string }>> = {
  zh: { rejected: '（该行未读入）', kept: '（按未填处理，该行保留）' },
  en: { rejected: ' (row not read)', kept: ' (treated as empty; row kept)' },
};

/** Codes whose message already says what happens to the row. */
const SELF_EXPLAINING = new Set<InputErrorCode>(['required_column_missing', 'totals_row', 'ambiguous_sheet', 'unsupported_file', 'duplicate_column', 'too_many_rows', 'text_truncated', 'csv_format', 'csv_unclosed_quote', 'csv_encoding', 'beyond_last_column']);

/** The input error as a sentence in `lang`, saying what is wrong and what became of the row. */
export function formatInputError(error: InputError, lang: Lang): string {
  const params: Record<string, string | number | null> = { ...error.params, value: error.value, column: error.column, row: error.row };
  if (error.code === 'number_range') params.rule = RANGE_RULES[lang][String(error.params.rule)] ?? String(error.params.rule);
  if (error.code === 'duplicate_id') {
    const where = [error.params.earlierFile, error.params.earlierSheet].filter((s) => s !== '' && s !== undefined).join(' › ');
    params.earlier = lang === 'zh' ? `${where} 第 ${error.params.earlierRow} 行` : `${where} row ${error.params.earlierRow}`;
  }
  const text = fillTemplate(INPUT_MESSAGES[lang][error.code], params);
  if (error.level === 'warning' || SELF_EXPLAINING.has(error.code)) return text;
  // The score message already says what happens to the row's scores.
  if (error.code === 'score_range' && !error.rejected) return text;
  return text + (error.rejected ? CONSEQUENCE[lang].rejected : CONSEQUENCE[lang].kept);
}

const FILE_MESSAGES: Readonly<Record<Lang, Readonly<Record<FileProblem['code'], string>>>> = {
  zh: {
    encrypted_workbook: '{file}：工作簿有密码保护（或是改了扩展名的旧版 .xls），无法读取；请去掉密码另存为 .xlsx 后重试',
    not_xlsx: '{file}：不是有效的 Excel 工作簿（{detail}）；请用 Excel 打开后另存为 .xlsx',
    unreadable_file: '{file}：无法读取文件（{detail}）',
    file_too_large: '{file}：文件过大（{detail}），上限 512 MB',
    damaged_workbook: '{file}：工作簿已损坏，无法完整读取（{detail}）；请用 Excel 打开修复后另存为 .xlsx，或换用备份',
    workbook_too_large: '{file}：解压后超出上限（{detail}），未读取；可能是恶意文件（"zip 炸弹"）；确需读取请调高配置 limits.inflatedMegabytes，或拆分文件',
  },
  en: {
    encrypted_workbook: '{file}: the workbook is password-protected (or an old .xls renamed to .xlsx) and cannot be read; remove the password and save it as .xlsx',
    not_xlsx: '{file}: not a valid Excel workbook ({detail}); open it in Excel and save it as .xlsx',
    unreadable_file: '{file}: cannot read the file ({detail})',
    file_too_large: '{file}: file too large ({detail}); the limit is 512 MB',
    damaged_workbook: '{file}: the workbook is damaged and cannot be read whole ({detail}); open it in Excel to repair it and save it as .xlsx, or use a backup',
    workbook_too_large: '{file}: inflates past the limit ({detail}) and was not read; it may be a hostile file (a "zip bomb"); if it is genuine, raise limits.inflatedMegabytes in the configuration or split the file',
  },
};

export function formatFileProblem(problem: FileProblem, lang: Lang): string {
  return fillTemplate(FILE_MESSAGES[lang][problem.code], { file: problem.file, detail: problem.detail });
}
