import type { Config } from '../config/config.js';
import { controlledDocument } from '../document/controlled-document.js';
import type { CustomersSummary } from '../model/customer-histories.js';
import type { Lang } from '../model/lang.js';
import { renderPdf } from '../render/pdf/pdf-engine.js';
import { layoutCustomerHistories } from './customer-histories-layout.js';
import { loadReportTexts } from './report-texts.js';

/** File name of the customer histories of a year. */
export function customerHistoriesFile(year: string): string {
  return `reports/customers-${year}.pdf`;
}

/** The customer histories of the as-of year (reports/customers-<year>.pdf) from summary.json's `customers`. */
export async function renderCustomerHistories(input: {
  customers: CustomersSummary;
  config: Config;
  lang: Lang;
  logo: string | null;
  workbookName: string | null;
}): Promise<{ pdf: Buffer; missingGlyphs: string[] }> {
  const { customers, config, lang } = input;
  const texts = loadReportTexts('customers', lang);
  const { definition, missingGlyphs } = layoutCustomerHistories({
    customers,
    config,
    texts,
    lang,
    controlled: controlledDocument('customer_histories', texts.title, { config, lang, logo: input.logo }),
    workbookName: input.workbookName,
  });
  return { pdf: await renderPdf(definition), missingGlyphs };
}
