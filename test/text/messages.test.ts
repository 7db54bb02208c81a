import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGS, loadMessageTable, MESSAGES_DIR, MessageFileError, MessageLookupError, messages, messageTables } from '../../src/text/messages.js';
import { placeholdersOf } from '../../src/text/template-engine.js';
import { tempFolder } from '../helpers/fixtures.js';

/** The texts of a message file, flattened to dotted keys, read here independently of the loader. */
function flatTexts(file: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (node: unknown, prefix: string): void => {
    if (typeof node === 'string') out.set(prefix, node);
    else for (const [key, child] of Object.entries(node as Record<string, unknown>)) if (key !== '_comment') walk(child, prefix ? `${prefix}.${key}` : key);
  };
  walk(JSON.parse(readFileSync(file, 'utf8')), '');
  return out;
}

/** Names in {{…}} as a reader sees them: `{{name}}`, `{{#if name}}`, `{{plural name "a" "b"}}`, `{{word name "a" "b"}}`. */
function namesByEye(text: string): string[] {
  const names = new Set<string>();
  for (const m of text.matchAll(/\{\{\s*(?:#if|#unless|plural|word)?\s*([A-Za-z_]\w*)/g)) if (!['else'].includes(m[1]!)) names.add(m[1]!);
  return [...names].sort();
}

describe('message files', () => {
  const tables = messageTables();

  it('are found in templates/messages, each with a Chinese and an English file', () => {
    expect(tables).toContain('cli');
    for (const table of tables) for (const lang of LANGS) expect(() => readFileSync(path.join(MESSAGES_DIR, `${table}.${lang}.json`))).not.toThrow();
  });

  for (const table of tables) {
    it(`${table}: every key in zh is in en and back, with the same placeholders`, () => {
      const zh = flatTexts(path.join(MESSAGES_DIR, `${table}.zh.json`));
      const en = flatTexts(path.join(MESSAGES_DIR, `${table}.en.json`));
      expect([...en.keys()].sort()).toEqual([...zh.keys()].sort());
      for (const [key, text] of zh) expect({ key, names: namesByEye(en.get(key)!) }).toEqual({ key, names: namesByEye(text) });
      // …and the loader agrees: it loads without a problem.
      expect(() => loadMessageTable(table)).not.toThrow();
    });
  }
});

describe('loading a message table', () => {
  const write = (files: Record<string, unknown>) => tempFolder(Object.fromEntries(Object.entries(files).map(([name, data]) => [name, JSON.stringify(data)])));

  it('names a key missing from one language', () => {
    const folder = write({ 't.zh.json': { a: '甲', group: { b: '乙' } }, 't.en.json': { a: 'A' } });
    expect(() => loadMessageTable('t', folder)).toThrow(MessageFileError);
    expect(() => loadMessageTable('t', folder)).toThrow('group.b: in t.zh.json, missing from t.en.json');
  });

  it('names a text whose placeholders differ between the languages', () => {
    const folder = write({ 't.zh.json': { row: '第{{row}}行' }, 't.en.json': { row: 'line {{line}}' } });
    expect(() => loadMessageTable('t', folder)).toThrow('row: placeholders {row} in zh, {line} in en');
  });

  it('names a text that does not compile, and a missing file', () => {
    expect(() => loadMessageTable('t', write({ 't.zh.json': { a: '{{#if x}}甲' }, 't.en.json': { a: '{{#if x}}A{{/if}}' } }))).toThrow(/t\.zh\.json: a: /);
    expect(() => loadMessageTable('t', write({ 't.zh.json': { a: '甲' } }))).toThrow(/t\.en\.json: ENOENT/);
  });

  it('refuses plural and word in a Chinese text: Chinese has no plural', () => {
    const folder = write({ 't.zh.json': { n: '{{plural n "件" "件"}}' }, 't.en.json': { n: '{{plural n "complaint" "complaints"}}' } });
    expect(() => loadMessageTable('t', folder)).toThrow('t.zh.json: n: plural and word are for English counts; this language has no plural');
  });

  it('no Chinese message or report text uses plural or word', () => {
    const folders = [MESSAGES_DIR, path.join(MESSAGES_DIR, '..', 'reports')];
    const offenders = folders.flatMap((folder) =>
      readdirSync(folder)
        .filter((f) => f.endsWith('.zh.json'))
        .flatMap((f) => [...flatTexts(path.join(folder, f))].filter(([, text]) => /\{\{~?\s*(plural|word)\s/.test(text)).map(([key]) => `${f}: ${key}`)),
    );
    expect(offenders).toEqual([]);
  });

  it('refuses a value that is not a text', () => {
    expect(() => loadMessageTable('t', write({ 't.zh.json': { a: 1 }, 't.en.json': { a: 'A' } }))).toThrow(
      't.zh.json: a is neither a text nor an object of texts',
    );
  });
});

describe('looking a text up', () => {
  const zh = messages<string>('cli', 'zh');
  const en = messages<string>('cli', 'en');

  it('fills every placeholder, conditions included', () => {
    expect(zh('row', { row: 7 })).toBe('第7行');
    expect(en('row', { row: 7 })).toBe('row 7');
    expect(zh('satisfaction', { period: null })).toBe('满意度');
    expect(zh('satisfaction', { period: '2025H2' })).toBe('满意度 2025H2');
    expect(en('inputErrors', { total: 3, errors: 1, warnings: 2 })).toBe('Input problems: 3 (1 error, 2 warnings)');
  });

  it('says one in the singular in English, and the same count in Chinese', () => {
    expect(en('outputs.files', { n: 1 })).toBe(' (1 file)');
    expect(en('outputs.files', { n: 2 })).toBe(' (2 files)');
    expect(en('error.moreUnreadable', { n: 1 })).toBe('(and 1 more unreadable file)');
    expect(en('error.moreUnreadable', { n: 0 })).toBe('(and 0 more unreadable files)');
    expect(zh('outputs.files', { n: 1 })).toBe(zh('outputs.files', { n: 2 }).replace('2', '1'));
  });

  it('throws for a key the table lacks, never printing "[key]"', () => {
    expect(() => zh('noSuchKey')).toThrow(MessageLookupError);
    expect(() => zh('noSuchKey')).toThrow('cli.noSuchKey: no such text in cli.zh.json');
    expect(zh.has('noSuchKey')).toBe(false);
    expect(zh.has('skipReason.lock')).toBe(true);
  });

  it('throws for a placeholder the call leaves unfilled, and for a value the text does not read', () => {
    expect(() => zh('row')).toThrow('cli.row: placeholder {{row}} not filled');
    expect(() => zh('row', { row: 1, line: 2 })).toThrow('cli.row: the text has no placeholder {{line}}');
  });
});

describe('placeholders of a text', () => {
  it('are the value names, not helpers or literals', () => {
    expect([...placeholdersOf('{{plural n "error" "errors"}} {{#if period}} {{period}}{{else}}—{{/if}}')].sort()).toEqual(['n', 'period']);
  });

  it('are plain names: paths, #each and partials are refused', () => {
    expect(() => placeholdersOf('{{a.b}}')).toThrow('a placeholder is one plain name');
    expect(() => placeholdersOf('{{#each xs}}{{this}}{{/each}}')).toThrow('only if, unless, plural and word');
    expect(() => placeholdersOf('{{> part}}')).toThrow('partials');
  });
});
