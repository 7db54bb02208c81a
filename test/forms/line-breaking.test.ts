import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { fitFontSize, measureLines } from '../../src/render/pdf/fit-text.js';
import { FontSet } from '../../src/render/pdf/font-set.js';
import { tempFolder } from '../helpers/fixtures.js';
import { pdfPages } from '../helpers/pdf.js';

describe('fitting text to its box', () => {
  it('shrinks Chinese text rather than leave one character alone on its last line', () => {
    const text = '延期经客户书面确认';
    // A width that holds eight of the nine characters at 10 pt.
    const width = FontSet.get().measure('延期经客户书面确', 10) + 0.5;
    expect(measureLines(text, width, 10)).toMatchObject({ lines: 2, orphan: true });
    const size = fitFontSize(text, width, 10);
    expect(size).toBeLessThan(10);
    expect(measureLines(text, width, size)).toMatchObject({ lines: 1, orphan: false });
  });

  it('shrinks an English word rather than cut it, and leaves text that fits as it is', () => {
    const width = FontSet.get().measure('Catego', 9.5);
    expect(measureLines('Category', width, 9.5).cutWord).toBe(true);
    const size = fitFontSize('Category', width, 9.5, { minSize: 6 });
    expect(measureLines('Category', width, size).cutWord).toBe(false);
    expect(fitFontSize('Quality', 200, 9.5)).toBe(9.5);
  });
});

/**
 * The English words a document is made of: every word of its report texts and the category labels.
 * A line that ends in the start of one of them while the next line begins with its rest is a cut word.
 */
function wordList(): Set<string> {
  const texts = readFileSync(path.join(PACKAGE_ROOT, 'templates', 'reports', 'complaints-month.en.json'), 'utf8');
  return new Set(
    [...texts.matchAll(/[A-Za-z]{3,}/g)]
      .map((m) => m[0].toLowerCase())
      .concat(['quality', 'delivery', 'service', 'quantity', 'specification', 'transport', 'packaging', 'weight', 'other']),
  );
}

function cutWords(pages: readonly string[], words: ReadonlySet<string>): string[] {
  const cuts: string[] = [];
  for (const page of pages) {
    const lines = page.split('\n');
    for (let i = 0; i + 1 < lines.length; i++) {
      const head = /([A-Za-z]+)$/.exec(lines[i]!)?.[1];
      const tail = /^([a-z]+)/.exec(lines[i + 1]!)?.[1];
      if (head && tail && words.has(`${head}${tail}`.toLowerCase()) && !words.has(head.toLowerCase())) cuts.push(`${head}/${tail}`);
    }
  }
  return cuts;
}

describe('English monthly pack', () => {
  let pages: string[] = [];
  beforeAll(async () => {
    const out = tempFolder();
    const code = await main(
      ['report', 'complaints', '--input', path.join(PACKAGE_ROOT, 'input'), '--output', out, '--as-of', '2025-12-31', '--month', '2025-03', '--lang', 'en'],
      { stdout: () => {}, stderr: () => {} },
    );
    expect(code).toBe(0);
    pages = await pdfPages(readFileSync(path.join(out, 'reports', 'complaints-2025-03.pdf')));
  }, 120_000);

  it('breaks lines between words only (no word of its texts cut across two lines)', () => {
    expect(pages.length).toBeGreaterThan(1);
    expect(cutWords(pages, wordList())).toEqual([]);
    expect(pages.join('\n')).toMatch(/\bCategory\b/);
  });

  it('the word-list check finds a cut word when there is one', () => {
    expect(cutWords(['No. Received Catego\nry Severity'], wordList())).toEqual(['Catego/ry']);
  });
});

describe('English wording', () => {
  it('counts in the singular for one and the plural for more', async () => {
    const { fillText } = await import('../../src/document/fill-text.js');
    const text = 'The input has {{plural errors "error" "errors"}} and {{plural warnings "warning" "warnings"}}.';
    expect(fillText(text, 'en', { errors: 9, warnings: 1 })).toBe('The input has 9 errors and 1 warning.');
    expect(fillText(text, 'en', { errors: 1, warnings: 0 })).toBe('The input has 1 error and 0 warnings.');
  });
});
