import { UsageError } from '../usage-error.js';
import { DEFAULT_DUE_DAYS, dueSoon, type DueItem, type DueNotChecked } from '../../pipeline/check.js';
import type { CliIo } from '../main.js';
import { type CliKey, cliText } from '../cli-text.js';
import type { Messages } from '../../text/messages.js';
import { parseOptions } from '../options.js';
import { CHECK_OPTIONS, prepareRun } from '../run-check-command.js';
import { formatTable } from '../text-table.js';

function whatOf(item: DueItem, t: Messages<CliKey>, qa: string): { kind: string; what: string; owner: string } {
  switch (item.kind) {
    case 'complaint_stage': {
      const stage = `due.stage.${item.stage ?? ''}`;
      return { kind: t('due.complaintStage', { stage: t.has(stage) ? t(stage) : '' }), what: item.what, owner: item.owner ?? '' };
    }
    case 'action':
      return { kind: t('due.action'), what: item.what, owner: item.owner ?? '' };
    case 'capa_verification':
      return { kind: t('due.capaVerification'), what: t('due.capaWhat', { complaint: item.what, since: item.since }), owner: qa };
    case 'survey_before_audit':
      return { kind: t('due.survey'), what: t('due.surveyWhat', { year: item.ref, audit: item.what }), owner: '' };
  }
}

/** Why a kind of deadline is not in the list, in the run's language. */
export function notCheckedText(n: DueNotChecked, t: Messages<CliKey>): string {
  return t.fromContext(`due.notChecked.${n.reason}`, { auditDate: n.auditDate });
}

/**
 * `qmsdoc due`: the coming deadlines within --days working days (default 10) of the as-of date,
 * overdue ones first — complaint stages by the company limits, open actions by their own due
 * dates, CAPA verifications, the year's survey before the internal audit — and what it could
 * not check. Exit 0; --json for scripts.
 */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const values = parseOptions(argv, { ...CHECK_OPTIONS, days: { type: 'string' }, json: { type: 'boolean' } });
  const daysText = typeof values.days === 'string' ? values.days : String(DEFAULT_DUE_DAYS);
  if (!/^\d{1,3}$/.test(daysText)) throw new UsageError('days', { value: daysText });
  const { lang, asOf, loaded, result } = prepareRun(values);
  const list = dueSoon(result, loaded.config, asOf, Number(daysText));
  if (values.json === true) {
    io.stdout(`${JSON.stringify(list, null, 2)}\n`);
    return 0;
  }
  const qa = loaded.config.departments.qa?.[lang] ?? 'QA';
  const overdue = list.items.filter((i) => i.overdue).length;
  const t = cliText(lang);
  const waiting = list.items.filter((i) => i.due === null).length;
  const head = t('due.head', { asOf, days: list.days, until: list.until, due: list.items.length - overdue - waiting, overdue, waiting });
  const rows = list.items.map((i) => {
    const w = whatOf(i, t, qa);
    const when = i.due === null ? t('due.waiting') : i.overdue ? t('due.overdue', { due: i.due }) : i.due;
    return [when, w.kind, i.ref, w.owner, w.what];
  });
  const columns = (['due', 'what', 'no', 'owner', 'detail'] as const).map((c) => t(`due.columns.${c}`));
  const notes = list.notChecked.map((n) => `${t('due.note', { text: notCheckedText(n, t) })}\n`).join('');
  io.stdout(
    `${head}\n${
      rows.length === 0
        ? ''
        : `${formatTable(
            columns.map((title, i) => ({ title, ...(i === 4 ? {} : { max: 24 }) })),
            rows,
          )}\n`
    }${notes}`,
  );
  return 0;
}
