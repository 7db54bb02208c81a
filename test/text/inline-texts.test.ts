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
});
