import { createRequire } from 'node:module';
import type HandlebarsModule from 'handlebars';
import type { Lang } from '../model/lang.js';

let engine: typeof HandlebarsModule | null = null;

/**
 * The one template language of every text qmsdoc prints — messages, report sentences, form
 * fields: `{{name}}` fills a value, `{{#if name}}…{{else}}…{{/if}}` chooses, and
 * `{{plural n "warning" "warnings"}}` → "1 warning", "2 warnings" (and `{{word n "day" "days"}}`, the
 * word alone) let English counts read right.
 * Output is PDF, terminal or workbook text, never HTML: nothing is escaped (the workbench escapes
 * at its own edge). Loaded at the first text with a placeholder: `qmsdoc --help` and other plain
 * texts never load Handlebars (a third of the help's start-up).
 */
export function templateEngine(): typeof HandlebarsModule {
  if (engine === null) {
    const handlebars = (createRequire(import.meta.url)('handlebars') as typeof HandlebarsModule).create();
    handlebars.registerHelper(
      'plural',
      (count: unknown, one: unknown, many: unknown) => `${String(count)} ${Number(count) === 1 ? String(one) : String(many)}`,
    );
    /** `{{word n "day" "days"}}` → "day" or "days": the word alone, for "3 working days". */
    handlebars.registerHelper('word', (count: unknown, one: unknown, many: unknown) => (Number(count) === 1 ? String(one) : String(many)));
    engine = handlebars;
  }
  return engine;
}

/**
 * English counts are the one plural qmsdoc knows: `plural` and `word` above, in the text itself,
 * so a translator sees both forms where the sentence is. Chinese has no plural, so a Chinese text
 * calling them is a copied English text; the loaders refuse it.
 */
export const PLURAL_LANGS: ReadonlySet<Lang> = new Set<Lang>(['en']);

/** True when `source` calls `plural` or `word`. */
export function callsPlural(source: string): boolean {
  return /\{\{~?\s*(?:plural|word)\s/.test(source);
}

/** Helpers a text may call: never placeholders themselves. */
const HELPERS = new Set(['if', 'unless', 'plural', 'word']);

type Node = hbs.AST.Node;

/**
 * The placeholders a text reads: every value name in `{{name}}`, `{{#if name}}` and in helper
 * arguments. Throws the parse error of a text that does not compile, and for `{{#each}}`, `{{> …}}`
 * or `{{a.b}}`, whose names are not the caller's values.
 */
export function placeholdersOf(source: string): Set<string> {
  const names = new Set<string>();
  if (!source.includes('{{')) return names;
  const visit = (node: Node | null | undefined): void => {
    if (!node) return;
    switch (node.type) {
      case 'Program':
        for (const child of (node as hbs.AST.Program).body) visit(child);
        return;
      case 'MustacheStatement':
      case 'SubExpression':
      case 'BlockStatement': {
        const call = node as hbs.AST.MustacheStatement | hbs.AST.BlockStatement;
        const head = call.path as hbs.AST.PathExpression;
        const isCall = call.params.length > 0 || node.type === 'BlockStatement';
        if (isCall && (head.type !== 'PathExpression' || !HELPERS.has(head.original)))
          throw new Error(`{{${head.original ?? '?'} …}}: only if, unless, plural and word may take arguments`);
        if (!isCall) visit(head);
        for (const param of call.params) visit(param as Node);
        if (node.type === 'BlockStatement') {
          visit((node as hbs.AST.BlockStatement).program);
          visit((node as hbs.AST.BlockStatement).inverse);
        }
        return;
      }
      case 'PathExpression': {
        const path = node as hbs.AST.PathExpression;
        if (path.data || path.parts.length !== 1 || path.original === 'this') throw new Error(`{{${path.original}}}: a placeholder is one plain name`);
        names.add(path.parts[0]!);
        return;
      }
      case 'PartialStatement':
      case 'PartialBlockStatement':
      case 'DecoratorBlock':
        throw new Error('partials and decorators are not allowed in texts');
      default:
        // Content, comments and literal arguments ("warning", 1) read no value.
        return;
    }
  };
  visit(templateEngine().parse(source));
  return names;
}

const filled = new Map<string, { placeholders: ReadonlySet<string>; fill: (values: object) => string }>();

/**
 * `source` with its placeholders filled from `values`, each of which must be there (a value the
 * text does not read is allowed: one word may or may not name it). For the single words of
 * report texts, whose sentences fill through the report builder.
 */
export function fillPlaceholders(source: string, values: Readonly<Record<string, string | number>>): string {
  let entry = filled.get(source);
  if (!entry) {
    entry = { placeholders: placeholdersOf(source), fill: templateEngine().compile(source, { noEscape: true }) };
    filled.set(source, entry);
  }
  for (const name of entry.placeholders) if (!(name in values)) throw new Error(`"${source}": placeholder {{${name}}} not filled`);
  return entry.placeholders.size === 0 ? source : entry.fill(values);
}
