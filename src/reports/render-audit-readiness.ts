import type { Config } from '../config/config.js';
import { controlledDocument } from '../document/controlled-document.js';
import type { Lang } from '../model/lang.js';
import type { Summary } from '../model/summary.js';
import { renderPdf } from '../render/pdf/pdf-engine.js';
import { layoutAuditReadiness } from './audit-readiness-layout.js';
import { loadReportTexts } from './report-texts.js';

/** The internal-audit readiness report as of the run's date (reports/audit-readiness-<as-of>.pdf). */
export async function renderAuditReadiness(input: {
  summary: Summary;
  config: Config;
  lang: Lang;
  logo: string | null;
}): Promise<{ pdf: Buffer; missingGlyphs: readonly string[] }> {
  const { summary, config, lang } = input;
  const texts = loadReportTexts('audit-readiness', lang);
  const { definition, missingGlyphs } = layoutAuditReadiness({
    summary,
    config,
    texts,
    lang,
    controlled: controlledDocument('audit_readiness', texts.title, { config, lang, logo: input.logo }),
  });
  return { pdf: await renderPdf(definition), missingGlyphs };
}
