import type { Config } from '../config/config.js';
import type { DueList } from '../compute/due-list.js';
import { controlledDocument } from '../document/controlled-document.js';
import { fillText } from '../document/fill-text.js';
import type { Lang } from '../model/lang.js';
import { renderPdf } from '../render/pdf/pdf-engine.js';
import { ReportBuilder } from './report-builder.js';
import { loadReportTexts } from './report-texts.js';
import { fillPlaceholders } from '../text/template-engine.js';

/**
 * The printed list of what falls due (reports/due-<as-of>.pdf): the coming deadlines within the
 * window and the overdue ones first, as `qmsdoc due` prints them.
 */
export async function renderDue(input: { list: DueList; config: Config; lang: Lang; logo: string | null }): Promise<{ pdf: Buffer; missingGlyphs: string[] }> {
  const { list, config, lang } = input;
  const t = loadReportTexts('due', lang);
  const b = new ReportBuilder(t, lang, config.reports.maxTableRows);
  const w = (key: string) => b.word(key);
  const context = {
    asOf: list.asOf,
    days: list.days,
    until: list.until,
    overdue: list.items.filter((i) => i.overdue).length,
    due: list.items.filter((i) => !i.overdue && i.due !== null).length,
    // CAPA verifications: nothing sets their time, so they wait, neither due nor overdue.
    waiting: list.items.filter((i) => i.due === null).length,
  };
  b.push(b.text(fillText(t.subtitle, lang, context), { alignment: 'center', fontSize: 10, margin: [0, 0, 0, 4] }));
  b.heading('list');
  if (list.items.length === 0) b.sentence('none', context);
  else {
    const qa = config.departments.qa?.[lang] ?? '';
    b.sentence('intro', context).table(
      'list',
      list.items.map((i) => [
        i.due === null ? w('waiting') : i.overdue ? `${i.due}\n${w('overdue')}` : i.due,
        i.kind === 'complaint_stage' ? fillPlaceholders(w('complaint_stage'), { stage: w(`stage_${i.stage ?? ''}`) }) : w(i.kind),
        i.ref,
        i.kind === 'capa_verification' ? qa : (i.owner ?? ''),
        i.kind === 'capa_verification'
          ? fillPlaceholders(w('capaWhat'), { no: i.what, since: i.since ?? '' })
          : i.kind === 'survey_before_audit'
            ? fillPlaceholders(w('surveyWhat'), { year: i.ref, audit: i.what })
            : i.what,
      ]),
      { widths: [62, 90, 72, 50, '*'], fontSize: 9 },
    );
  }
  // What the list does not cover is said, so it never reads as complete when it is not.
  if (list.notChecked.length > 0) {
    b.heading('notChecked');
    for (const n of list.notChecked) b.sentence(`notChecked_${n.reason}`, { auditDate: n.auditDate ?? '' });
  }
  const { definition, missingGlyphs } = b.document(controlledDocument('due_list', t.title, { config, lang, logo: input.logo }), list.asOf, list.asOf);
  return { pdf: await renderPdf(definition), missingGlyphs };
}
