import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import type { Summary } from '../../src/model/summary.js';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { departmentNames } from '../../src/reports/department-names.js';
import { filesUnder, run } from '../helpers/cli.js';
import { tempFolder } from '../helpers/fixtures.js';
import { pdfPages } from '../helpers/pdf.js';
import { SAMPLE_AS_OF } from '../helpers/sample-build.js';

/**
 * The bundled sample built in English (without the per-record forms, which print the data's
 * Chinese): the words qmsdoc writes are English throughout — its punctuation, its plurals, its
 * department names — while the data's own text (customer names, descriptions) stays as written.
 */
describe('qmsdoc build --lang en on the bundled sample', () => {
  const output = tempFolder();
  const texts = new Map<string, string[]>();
  let summary: Summary;
  beforeAll(async () => {
    const result = await run([
      'build',
      '--input',
      path.join(PACKAGE_ROOT, 'input'),
      '--output',
      output,
      '--as-of',
      SAMPLE_AS_OF,
      '--lang',
      'en',
      '--no-filled-forms',
      // The packs with a count of one in each of their sentences (one complaint, action, major
      // complaint, return): the other months say the same sentences with other counts.
      ...['2025-01', '2025-03', '2025-04', '2025-09', '2025-12'].flatMap((m) => ['--month', m]),
    ]);
    expect(result.code, result.stderr).toBe(0);
    summary = JSON.parse(readFileSync(path.join(output, 'summary.json'), 'utf8')) as Summary;
    for (const file of filesUnder(output).filter((f) => f.endsWith('.pdf'))) texts.set(file, await pdfPages(readFileSync(path.join(output, file))));
  }, 300_000);

  it('writes no Chinese punctuation of its own: a full-width bracket, colon or comma only inside the data’s Chinese text', () => {
    expect(texts.size).toBeGreaterThan(15);
    const strays: string[] = [];
    // The data's text has Chinese next to its punctuation ("运输途中跌落，外壳变形"); ours would stand between Latin letters or figures.
    const ours = /(?<!\p{Script=Han})[（）：，。、；](?!\p{Script=Han})/u;
    for (const [file, pages] of texts)
      for (const [i, page] of pages.entries()) for (const line of page.split('\n')) if (ours.test(line)) strays.push(`${file} p${i + 1}: ${line}`);
    expect(strays).toEqual([]);
  });

  it('says one of anything in the singular', () => {
    const wrong: string[] = [];
    for (const [file, pages] of texts)
      for (const [i, page] of pages.entries())
        for (const m of page.matchAll(/(?<![\d.,])\b1 (?!was\b|has\b|is\b|of\b)[a-z]+s\b|\bThese 1\b|\w\(s\)/g)) wrong.push(`${file} p${i + 1}: ${m[0]}`);
    expect(wrong).toEqual([]);
  });

  it('names departments in English where the data writes a configured department in Chinese', async () => {
    const { config } = loadConfig(path.join(PACKAGE_ROOT, 'input', 'qmsdoc.config.json'));
    const english = departmentNames(config.departments, 'en');
    const review = texts.get('reports/management-review-2025.pdf')!.join('\n');
    const prev = summary.actions.previousReview.items.filter((a) => a.owner !== null && a.department !== null);
    expect(prev.length).toBeGreaterThan(0);
    for (const a of prev) {
      expect(english(a.department!)).not.toBe(a.department);
      expect(review).toMatch(new RegExp(`^${a.actionNo} .*${a.owner} \\(${english(a.department!).replace('.', '\\.')}\\)`, 'm'));
    }
  });

  it('names in English the departments of the monthly packs (complaints, by department, CAPA, actions)', async () => {
    const { config } = loadConfig(path.join(PACKAGE_ROOT, 'input', 'qmsdoc.config.json'));
    const chinese = Object.values(config.departments).map((d) => d.zh);
    for (const [file, pages] of texts) {
      if (!file.startsWith('reports/complaints-')) continue;
      const text = pages.join('\n');
      expect(text, file).toContain(config.departments.qa!.en);
      expect(
        chinese.filter((name) => text.includes(name)),
        file,
      ).toEqual([]);
    }
  });

  it('keeps the customer ranking’s headers and the latest score’s round whole in their cells', () => {
    const text = texts.get('reports/customers-2025.pdf')!.join('\n');
    expect(text).toMatch(/^# Customer Score Orders Review Complaints Open Major Repeats Returns Latest This$/m);
    // The round stands on the cell's second line, which starts a line of the page's text.
    const rounds = [...text.matchAll(/^\(\d{4}H\d.*$/gm)].map((m) => m[0]);
    expect(rounds.length).toBeGreaterThan(0);
    expect(rounds.filter((line) => !/^\(\d{4}H\d\)/.test(line))).toEqual([]);
    expect(text).not.toMatch(/^\)/m);
  });
});
