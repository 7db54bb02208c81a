import type { Lang } from '../model/lang.js';
import type { FileProblem, InputError, InputErrorCode } from '../model/input-error.js';
import { type MessageKey, type MessageValue, messages } from '../text/messages.js';

/** The keys of templates/messages/input.<lang>.json: the wording of input errors and unreadable files. */
type InputKey = MessageKey<typeof import('../../templates/messages/input.zh.json', { with: { type: 'json' }})>;

/** Codes whose message already says what happens to the row. */
const SELF_EXPLAINING = new Set<InputErrorCode>([
  'required_column_missing',
  'totals_row',
  'ambiguous_sheet',
  'unsupported_file',
  'duplicate_column',
  'too_many_rows',
  'text_truncated',
  'csv_format',
  'csv_unclosed_quote',
  'csv_encoding',
  'beyond_last_column',
]);

/** The input error as a sentence in `lang`, saying what is wrong and what became of the row. */
export function formatInputError(error: InputError, lang: Lang): string {
  const t = messages<InputKey>('input', lang);
  const context: Record<string, MessageValue | undefined> = { ...error.params, value: error.value, column: error.column, row: error.row };
  if (error.code === 'number_range') {
    const rule = String(error.params.rule);
    const key = `rangeRule.${rule}`;
    context.rule = t.has(key) ? t(key) : rule;
  }
  if (error.code === 'duplicate_id') {
    const where = [error.params.earlierFile, error.params.earlierSheet].filter((s) => s !== '' && s !== undefined).join(' › ');
    context.earlier = t('earlier', { where, row: error.params.earlierRow ?? null });
  }
  const text = t.fromContext(`code.${error.code}`, context);
  if (error.level === 'warning' || SELF_EXPLAINING.has(error.code)) return text;
  // The score message already says what happens to the row's scores.
  if (error.code === 'score_range' && !error.rejected) return text;
  return text + t(error.rejected ? 'consequence.rejected' : 'consequence.kept');
}

/** A file that cannot be read, as the sentence that names it and says what to do. */
export function formatFileProblem(problem: FileProblem, lang: Lang): string {
  // Not every code's text shows the detail (a password needs no technical detail): take what it reads.
  return messages<InputKey>('input', lang).fromContext(`file.${problem.code}`, { file: problem.file, detail: problem.detail });
}
