import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Lang, Localized } from '../model/lang.js';
import { fileURLToPath } from 'node:url';
import { callsPlural, PLURAL_LANGS, placeholdersOf, templateEngine } from './template-engine.js';

/**
 * Every text qmsdoc prints in a language lives in a message file,
 * templates/messages/<table>.<lang>.json: an object of texts, nested for grouping, each text in
 * the one template syntax of template-engine.ts (`{{name}}`). A table is checked when first used,
 * both languages at once: every key in zh is in en and back, every text compiles, and a text
 * reads the same placeholders in both languages. A lookup then throws on a key the table lacks,
 * on a placeholder the call does not fill and on a value the text does not read — so a missing
 * text is an error in a test, never "[key]" or an empty gap in a controlled record.
 */
// src/text/ and dist/text/ are both two levels below the package, beside its templates/.
export const MESSAGES_DIR = fileURLToPath(new URL('../../templates/messages/', import.meta.url));

export const LANGS: readonly Lang[] = ['zh', 'en'];

/** A value a text can print or test: numbers print as String(n), null tests false. */
export type MessageValue = string | number | boolean | null;
export type MessageValues = Readonly<Record<string, MessageValue>>;

/** The dotted keys of a message file's shape: `{ a: { b: '' } }` → `'a.b'`. */
export type MessageKey<T> = { [K in Exclude<keyof T & string, '_comment'>]: T[K] extends string ? K : `${K}.${MessageKey<T[K]>}` }[Exclude<
  keyof T & string,
  '_comment'
>];

/** A message file that does not load or does not match its other language. */
export class MessageFileError extends Error {
  constructor(
    readonly table: string,
    readonly problems: readonly string[],
  ) {
    super(`message table "${table}" (templates/messages): ${problems.join('; ')}`);
    this.name = 'MessageFileError';
  }
}

/** A lookup the message table cannot answer as asked: a programming error, found by tests. */
export class MessageLookupError extends Error {
  override name = 'MessageLookupError';
}

interface Message {
  readonly source: string;
  readonly placeholders: ReadonlySet<string>;
  compiled?: (values: MessageValues) => string;
}

type Table = Readonly<Record<Lang, ReadonlyMap<string, Message>>>;

function readFile(table: string, lang: Lang, folder: string, problems: string[]): Map<string, string> {
  const file = path.join(folder, `${table}.${lang}.json`);
  const texts = new Map<string, string>();
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    problems.push(`${table}.${lang}.json: ${(error as Error).message}`);
    return texts;
  }
  const walk = (node: unknown, prefix: string): void => {
    if (typeof node === 'string') texts.set(prefix, node);
    else if (typeof node === 'object' && node !== null && !Array.isArray(node)) {
      for (const [key, child] of Object.entries(node)) if (key !== '_comment') walk(child, prefix === '' ? key : `${prefix}.${key}`);
    } else problems.push(`${table}.${lang}.json: ${prefix || '(top level)'} is neither a text nor an object of texts`);
  };
  walk(data, '');
  return texts;
}

/** Reads and checks both languages of `table`; throws MessageFileError naming every problem. */
export function loadMessageTable(table: string, folder = MESSAGES_DIR): Table {
  const problems: string[] = [];
  const raw = Object.fromEntries(LANGS.map((lang) => [lang, readFile(table, lang, folder, problems)])) as Record<Lang, Map<string, string>>;
  const parsed = {} as Record<Lang, Map<string, Message>>;
  for (const lang of LANGS) {
    parsed[lang] = new Map();
    for (const [key, source] of raw[lang]) {
      if (!PLURAL_LANGS.has(lang) && callsPlural(source))
        problems.push(`${table}.${lang}.json: ${key}: plural and word are for English counts; this language has no plural`);
      try {
        parsed[lang].set(key, { source, placeholders: placeholdersOf(source) });
      } catch (error) {
        problems.push(`${table}.${lang}.json: ${key}: ${(error as Error).message.split('\n')[0]}`);
      }
    }
  }
  for (const lang of LANGS) {
    for (const other of LANGS.filter((l) => l !== lang)) {
      for (const key of raw[lang].keys()) if (!raw[other].has(key)) problems.push(`${key}: in ${table}.${lang}.json, missing from ${table}.${other}.json`);
    }
  }
  const [first, ...rest] = LANGS;
  for (const [key, message] of parsed[first!]) {
    for (const lang of rest) {
      const theirs = parsed[lang].get(key);
      if (!theirs) continue;
      const mine = [...message.placeholders].sort().join(', ');
      const other = [...theirs.placeholders].sort().join(', ');
      if (mine !== other) problems.push(`${key}: placeholders {${mine}} in ${first}, {${other}} in ${lang}`);
    }
  }
  if (problems.length > 0) throw new MessageFileError(table, problems);
  return parsed;
}

const tables = new Map<string, Table>();

function tableOf(table: string): Table {
  let loaded = tables.get(table);
  if (!loaded) {
    loaded = loadMessageTable(table);
    tables.set(table, loaded);
  }
  return loaded;
}

/** Fills `message` from exactly the values it reads. */
function fill(table: string, key: string, message: Message, values: MessageValues): string {
  for (const name of message.placeholders) if (!(name in values)) throw new MessageLookupError(`${table}.${key}: placeholder {{${name}}} not filled`);
  for (const name of Object.keys(values))
    if (!message.placeholders.has(name)) throw new MessageLookupError(`${table}.${key}: the text has no placeholder {{${name}}}`);
  if (message.placeholders.size === 0 && !message.source.includes('{{')) return message.source;
  message.compiled ??= templateEngine().compile(message.source, { noEscape: true, strict: false });
  return message.compiled(values);
}

/** The texts of one table in one language: `t(key, values)`. */
export interface Messages<K extends string> {
  (key: K, values?: MessageValues): string;
  readonly lang: Lang;
  /** True when the table has `key` — for keys made from data, such as a skip reason's code. */
  has(key: string): key is K;
  /**
   * As `t(key, values)`, for a record that carries more than one text reads (an input error's
   * params serve every code): takes from `context` just the placeholders the text reads, each of
   * which must be there.
   */
  fromContext(key: K, context: Readonly<Record<string, MessageValue | undefined>>): string;
  /** Every key of the table, in file order — for a table looked up by pattern. */
  keys(): K[];
  /** The text of `key` unfilled, for a browser page that fills its plain `{{name}}` placeholders itself. */
  source(key: K): string;
}

/**
 * The texts of `table` in `lang`; `K` is the key type of its Chinese file (MessageKey of the
 * type of templates/messages/<table>.zh.json, imported as JSON), so a misspelt literal key does
 * not compile and a key made from data is caught by the lookup.
 */
export function messages<K extends string>(table: string, lang: Lang): Messages<K> {
  const texts = tableOf(table)[lang];
  const lookup = (key: K, values: MessageValues = {}): string => {
    const message = texts.get(key);
    if (!message) throw new MessageLookupError(`${table}.${key}: no such text in ${table}.${lang}.json`);
    return fill(table, key, message, values);
  };
  const fromContext = (key: K, context: Readonly<Record<string, MessageValue | undefined>>): string => {
    const message = texts.get(key);
    if (!message) throw new MessageLookupError(`${table}.${key}: no such text in ${table}.${lang}.json`);
    const values: Record<string, MessageValue> = {};
    for (const name of message.placeholders) {
      const value = context[name];
      if (value === undefined) throw new MessageLookupError(`${table}.${key}: placeholder {{${name}}} not filled`);
      values[name] = value;
    }
    return fill(table, key, message, values);
  };
  return Object.assign(lookup, {
    lang,
    has: (key: string): key is K => texts.has(key),
    fromContext,
    keys: () => [...texts.keys()] as K[],
    source: (key: K): string => {
      const message = texts.get(key);
      if (!message) throw new MessageLookupError(`${table}.${key}: no such text in ${table}.${lang}.json`);
      return message.source;
    },
  });
}

/** The tables in a message folder, by the names of their files. */
export function messageTables(folder = MESSAGES_DIR): string[] {
  const names = new Set<string>();
  for (const file of readdirSafe(folder)) {
    const match = /^(.+)\.(zh|en)\.json$/.exec(file);
    if (match) names.add(match[1]!);
  }
  return [...names].sort();
}

function readdirSafe(folder: string): string[] {
  try {
    return readdirSync(folder);
  } catch {
    return [];
  }
}

/**
 * The texts `<group>.<id>` of `table` in both languages, as a record by id — for label tables
 * that many layers read by id (severities, bases, datasets). Read when the importing module
 * loads, so a missing label fails at start, not in the middle of a document.
 */
export function localizedTexts<Id extends string>(table: string, group: string, ids: readonly Id[]): Readonly<Record<Id, Localized>> {
  const loaded = tableOf(table);
  const text = (lang: Lang, id: Id): string => {
    const message = loaded[lang].get(`${group}.${id}`);
    if (!message) throw new MessageLookupError(`${table}.${group}.${id}: no such text in ${table}.${lang}.json`);
    if (message.placeholders.size > 0) throw new MessageLookupError(`${table}.${group}.${id}: a label has no placeholders`);
    return message.source;
  };
  return Object.fromEntries(ids.map((id) => [id, { zh: text('zh', id), en: text('en', id) }])) as Record<Id, Localized>;
}
