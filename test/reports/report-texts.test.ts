import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fillTextStrict } from '../../src/document/fill-text.js';
import { TemplateFileError } from '../../src/document/template-file-error.js';
import { TEMPLATES_DIR } from '../../src/paths.js';
import { ReportBuilder } from '../../src/reports/report-builder.js';
import { loadReportTexts } from '../../src/reports/report-texts.js';
import { tempFolder } from '../helpers/fixtures.js';

const REPORTS = path.join(TEMPLATES_DIR, 'reports');
const reports = [...new Set(readdirSync(REPORTS).flatMap((f) => /^(.+)\.(zh|en)\.json$/.exec(f)?.[1] ?? []))];

/** A copy of a report's texts in a temp folder, the English file changed by `edit`. */
function editedCopy(report: string, edit: (texts: Record<string, Record<string, unknown>>) => void): string {
  const folder = tempFolder();
  copyFileSync(path.join(REPORTS, `${report}.zh.json`), path.join(folder, `${report}.zh.json`));
  const en = JSON.parse(readFileSync(path.join(REPORTS, `${report}.en.json`), 'utf8')) as Record<string, Record<string, unknown>>;
  edit(en);
  writeFileSync(path.join(folder, `${report}.en.json`), JSON.stringify(en));
  return folder;
}

describe('report texts (templates/reports/<report>.<lang>.json)', () => {
  it.each(reports)('%s has every key in Chinese and English, each sentence compiling', (report) => {
    expect(() => loadReportTexts(report, 'zh')).not.toThrow();
    expect(() => loadReportTexts(report, 'en')).not.toThrow();
  });

  it('refuses a file that lacks a key the other language has, naming it', () => {
    const folder = editedCopy('complaints-month', (en) => {
      delete en.sentences!.overview;
    });
    const error = (() => {
      try {
        loadReportTexts('complaints-month', 'zh', folder);
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(TemplateFileError);
    expect((error as TemplateFileError).problems).toEqual([{ path: 'sentences.overview', message: 'missing from complaints-month.en.json' }]);
  });

  it('refuses a table whose headers differ in number between the languages', () => {
    const folder = editedCopy('complaints-month', (en) => {
      const [first] = Object.keys(en.tables!);
      en.tables![first!] = ['only one'];
    });
    expect(() => loadReportTexts('complaints-month', 'zh', folder)).toThrow(/tables\.\S+: \d+ columns here, 1 columns in complaints-month\.en\.json/);
  });
});

describe('counts in English report texts', () => {
  it('refuses plural and word in a Chinese report text', () => {
    const folder = tempFolder();
    copyFileSync(path.join(REPORTS, 'due.en.json'), path.join(folder, 'due.en.json'));
    const zh = JSON.parse(readFileSync(path.join(REPORTS, 'due.zh.json'), 'utf8')) as { sentences: Record<string, string> };
    zh.sentences.none = `${zh.sentences.none}{{word days "天" "天"}}`;
    writeFileSync(path.join(folder, 'due.zh.json'), JSON.stringify(zh));
    expect(() => loadReportTexts('due', 'zh', folder)).toThrow(TemplateFileError);
    try {
      loadReportTexts('due', 'zh', folder);
    } catch (e) {
      expect((e as TemplateFileError).problems).toContainEqual({
        path: 'sentences.none',
        message: 'plural and word are for English counts; this language has no plural',
      });
    }
  });

  it('reads "1 complaint", "1 working day" in English, and the plural for other counts', () => {
    const en = loadReportTexts('complaints-month', 'en');
    const b = (values: Record<string, string | number>) => fillTextStrict(en.sentences.headlineCount!, values);
    expect(b({ count: 1, hasPrevious: '', previousCount: 0, change: '', previousAverage: 0, historyMonths: 1 })).toBe('1 complaint received this month.');
    expect(b({ count: 2, hasPrevious: 'x', previousCount: 1, change: '+1', previousAverage: 1, historyMonths: 1 })).toBe(
      '2 complaints received this month, against 1 last month (+1) and an average of 1 over the previous 1 month.',
    );
    expect(fillTextStrict(en.words.overdueDays!, { n: 1 })).toBe('overdue 1 working day');
    expect(fillTextStrict(en.words.overdueDays!, { n: 3 })).toBe('overdue 3 working days');
  });
});

describe('a report’s sentences in a document', () => {
  const texts = {
    title: 'T',
    subtitle: 'S',
    headings: { h: '一、概况' },
    sentences: { total: '本月共受理客户投诉 {{n}} 件' },
    tables: { t: ['类别', '件数'] },
    words: { w: '合计' },
    actions: {},
  };
  const builder = () => new ReportBuilder(texts, 'zh', 30);

  it('fills every placeholder', () => {
    expect(builder().say('total', { n: 7 })).toBe('本月共受理客户投诉 7 件');
  });

  it('is an error, never "[key]" or a blank, when a key or a placeholder’s value is missing', () => {
    expect(() => builder().say('absent')).toThrow(TemplateFileError);
    expect(() => builder().say('absent')).toThrow('sentences.absent: missing');
    expect(() => builder().say('total', {})).toThrow(/sentences\.total: .*"n" not defined/);
    expect(() => builder().word('absent')).toThrow('words.absent: missing');
    expect(() => builder().heading('absent')).toThrow('headings.absent: missing');
    expect(() => builder().table('absent', [['a', '1']])).toThrow('tables.absent: missing');
  });
});
