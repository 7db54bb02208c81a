import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(import.meta.dirname, '../../src');

/**
 * Files that may still choose by language inline, and why: formatting that is not wording (fonts,
 * widths, sizes, the page's lang attribute), or wording not yet moved to the message files.
 */
const ALLOWED: Readonly<Record<string, string>> = {
  'server/pages/layout.ts': 'the html lang attribute and the switch link: not wording',
  'server/config-form.ts': 'the id of a localized input and a value shown in either language: not wording',
  'init/input-templates.ts': 'font and column width: not wording',
  'document/controlled-page.ts': 'stamp size: not wording',
  'reports/satisfaction-workbook.ts': 'font: not wording',
  'render/excel/findings-workbook.ts': 'font: not wording',
  'reports/complaint-month-layout.ts': 'month names: date formatting',
  'reports/render-complaint-month.ts': 'month labels of the chart: date formatting',
  'reports/render-management-review.ts': 'month names: date formatting',
};

/**
 * Files that may hold a `{ zh: '…', en: '…' }` literal, and why: they are not wording of qmsdoc
 * but values a company configures or words its input accepts. Any other bilingual literal is a
 * text and belongs in templates/messages (a label table: localizedTexts, text/domain-labels.ts).
 */
const BILINGUAL_LITERALS_ALLOWED: Readonly<Record<string, string>> = {
  'config/defaults.ts': "the company configuration's defaults (departments, forms, sources): values qmsdoc.config.json overrides",
  'config/config-schema.ts': 'the default procedure name, a company configuration value',
  'model/enums.ts': "the input contract's accepted words of each enumeration value (parsing, docs/input-contract.md)",
};

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : [],
  );
}

describe('texts live in the message files', () => {
  it('no other source file picks a text with an inline language test', () => {
    const found = sources(SRC)
      .map((file) => path.relative(SRC, file).split(path.sep).join('/'))
      .filter((file) => !(file in ALLOWED))
      .flatMap((file) =>
        readFileSync(path.join(SRC, file), 'utf8')
          .split('\n')
          .flatMap((line, i) => (/lang === ['"](zh|en)['"]|\bzh \?/.test(line) ? [`${file}:${i + 1}: ${line.trim().slice(0, 100)}`] : [])),
      );
    expect(found).toEqual([]);
  });

  it('no other source file holds a bilingual literal { zh: …, en: … }', () => {
    const files = sources(SRC).map((file) => path.relative(SRC, file).split(path.sep).join('/'));
    const found = files
      .filter((file) => !(file in BILINGUAL_LITERALS_ALLOWED))
      .flatMap((file) =>
        readFileSync(path.join(SRC, file), 'utf8')
          .split('\n')
          // A text, or a block of texts per language ({ zh: { title: '…' }, en: { … } }).
          .flatMap((line, i) => (/\bzh:\s*(['"`]|\{\s*$)/.test(line) ? [`${file}:${i + 1}: ${line.trim().slice(0, 100)}`] : [])),
      );
    expect(found).toEqual([]);
    // Every entry of the allow-list still holds such a literal: remove it when it no longer does.
    const stale = Object.keys(BILINGUAL_LITERALS_ALLOWED).filter((file) => !/\bzh:\s*['"`]/.test(readFileSync(path.join(SRC, file), 'utf8')));
    expect(stale).toEqual([]);
  });
});
