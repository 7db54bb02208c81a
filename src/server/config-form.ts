import { z } from 'zod';
import { configSchema } from '../config/config-schema.js';
import type { Config } from '../config/config.js';
import type { Lang } from '../model/lang.js';
import { h, type Safe } from './html.js';
import { fieldLabel } from './config-labels.js';
import { textsFor, type WorkbenchTexts } from './texts.js';

type Schema = Readonly<Record<string, unknown>>;

/** The configuration schema as JSON Schema (input side: what a file may hold). */
export function configJsonSchema(): Schema {
  return z.toJSONSchema(configSchema, { io: 'input', unrepresentable: 'any' }) as Schema;
}

interface FormContext {
  readonly t: WorkbenchTexts;
  readonly lang: Lang;
  /** The effective configuration (defaults filled in), for placeholders and record keys. */
  readonly effective: unknown;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
/**
 * A child of a value; a plain number or text stands for the `value` of a setting that may also be
 * written `{value, source}` (the file's shorthand, and the effective config's plain numbers).
 */
const at = (v: unknown, key: string): unknown =>
  isObject(v) ? v[key] : Array.isArray(v) ? v[Number(key)] : key === 'value' && (typeof v === 'number' || typeof v === 'string') ? v : undefined;

/** The shape a schema node is edited as. */
type Shape =
  | { kind: 'object'; properties: Record<string, Schema>; required: readonly string[]; shorthand?: boolean; extra?: Schema; keyPattern?: string | null }
  | { kind: 'record'; value: Schema; keyPattern: string | null }
  | { kind: 'array'; item: Schema }
  | { kind: 'lines' }
  | { kind: 'localized' }
  | { kind: 'enum'; values: readonly string[] }
  | { kind: 'boolean' }
  | { kind: 'number'; integer: boolean; min?: number; max?: number }
  | { kind: 'text'; pattern?: string }
  | { kind: 'json' };

/** Reads a JSON Schema node as one of the shapes the form can edit; anything else is edited as JSON. */
function shapeOf(node: Schema): Shape {
  const anyOf = node.anyOf as Schema[] | undefined;
  if (anyOf) {
    const variants = anyOf.filter((v) => v.type !== 'null' && v.const !== '');
    const flat = variants.flatMap((v) => ((v.anyOf as Schema[] | undefined) ? (v.anyOf as Schema[]) : [v]));
    const localized =
      flat.length === 2 &&
      flat.some((v) => v.type === 'string') &&
      flat.some((v) => v.type === 'object' && isObject(v.properties) && 'zh' in v.properties && 'en' in v.properties);
    if (localized) return { kind: 'localized' };
    // A shorthand and its full form (a closure as one date or {from, to, name}): the full form.
    const object = flat.find((v) => v.type === 'object');
    if (object) {
      const shape = shapeOf(object);
      // A number or text that may also be written {value, source}: saved as the plain value when no source is given.
      const shorthand =
        shape.kind === 'object' && 'value' in shape.properties && flat.some((v) => v.type === 'number' || v.type === 'integer' || v.type === 'string');
      return shorthand ? { ...shape, shorthand: true } : shape;
    }
    if (flat.length === 1) return shapeOf(flat[0]!);
    return { kind: 'json' };
  }
  if (Array.isArray(node.enum)) return { kind: 'enum', values: node.enum.map(String) };
  switch (node.type) {
    case 'object':
      if (isObject(node.properties)) {
        // Named settings beside free keys (departments: the lists, then id → name).
        const extra = isObject(node.additionalProperties) ? { extra: node.additionalProperties as Schema, keyPattern: keyPatternOf(node) } : {};
        return { kind: 'object', properties: node.properties as Record<string, Schema>, required: (node.required as string[] | undefined) ?? [], ...extra };
      }
      if (isObject(node.additionalProperties)) return { kind: 'record', value: node.additionalProperties as Schema, keyPattern: keyPatternOf(node) };
      return { kind: 'json' };
    case 'array': {
      const item = node.items as Schema | undefined;
      if (!item) return { kind: 'json' };
      const itemShape = shapeOf(item);
      return itemShape.kind === 'text' ? { kind: 'lines' } : { kind: 'array', item };
    }
    case 'boolean':
      return { kind: 'boolean' };
    case 'number':
    case 'integer':
      return {
        kind: 'number',
        integer: node.type === 'integer',
        ...(typeof node.minimum === 'number' ? { min: node.minimum } : {}),
        ...(typeof node.maximum === 'number' && node.maximum < 1e15 ? { max: node.maximum } : {}),
      };
    case 'string':
      return { kind: 'text', ...(typeof node.pattern === 'string' ? { pattern: node.pattern } : {}) };
    default:
      return { kind: 'json' };
  }
}

/**
 * The settings form, generated from the configuration schema: one field per setting, named by
 * its path in the file (data-path), holding the file's value; defaults show as placeholders.
 * The page script turns the fields back into JSON; the server checks it with the same schema.
 */
export function renderConfigForm(schema: Schema, spec: unknown, effective: Config, t: WorkbenchTexts, lang: Lang): Safe {
  const ctx: FormContext = { t, lang, effective };
  const shape = shapeOf(schema);
  if (shape.kind !== 'object') return h``;
  return h`<form id="config-form" class="config-form" novalidate>
    ${Object.entries(shape.properties).map(([key, node]) => renderNode(node, key, at(spec, key), ctx, 0))}
    <div class="form-actions"><button type="submit" class="primary">${t('save')}</button><span id="config-status" role="status"></span></div>
  </form>`;
}

function renderNode(node: Schema, path: string, value: unknown, ctx: FormContext, depth: number): Safe {
  const shape = shapeOf(node);
  const label = fieldLabel(path, ctx.lang);
  const effective = atPath(ctx.effective, path);
  switch (shape.kind) {
    case 'object':
      return h`<fieldset class="group depth-${depth}" data-group="${path}"${shape.shorthand ? h` data-shorthand="value"` : h``}><legend>${label}</legend>
        <div class="field-error" data-error-for="${path}"></div>
        ${Object.entries(shape.properties).map(([key, child]) => renderNode(child, `${path}.${key}`, at(value, key), ctx, depth + 1))}
        ${shape.extra ? recordEntries(shape.extra, shape.keyPattern ?? null, path, value, effective, Object.keys(shape.properties), ctx, depth) : h``}
      </fieldset>`;
    case 'record':
      return h`<fieldset class="group record depth-${depth}" data-group="${path}"><legend>${label}</legend>
        <div class="field-error" data-error-for="${path}"></div>
        ${recordEntries(shape.value, shape.keyPattern, path, value, effective, [], ctx, depth)}
      </fieldset>`;
    case 'array': {
      const items = Array.isArray(value) ? value : [];
      const row = (item: unknown, index: string) =>
        h`<div class="array-item" data-item="${path}.${index}">${renderNode(shape.item, `${path}.${index}`, item, { ...ctx, effective: undefined }, depth + 1)}<button type="button" class="remove-item">${ctx.t('removeRow')}</button></div>`;
      const defaults =
        items.length === 0 && Array.isArray(effective) && effective.length > 0
          ? h`<p class="hint">${ctx.t('defaultUsed')}: ${summarise(effective, ctx.lang)}</p>`
          : h``;
      return h`<fieldset class="group array depth-${depth}" data-group="${path}" data-array="${path}"><legend>${label}</legend>
        <div class="field-error" data-error-for="${path}"></div>
        ${defaults}
        <div class="items">${items.map((item, i) => row(item, String(i)))}</div>
        <template data-template-for="${path}">${row(undefined, '__I__')}</template>
        <button type="button" class="add-item" data-add-item="${path}">${ctx.t('add')}</button>
      </fieldset>`;
    }
    default:
      return renderLeaf(shape, path, label, value, effective, ctx);
  }
}

/** The free keys of an object (form ids, department ids), those in use first, and a way to add one. */
function recordEntries(
  valueSchema: Schema,
  keyPattern: string | null,
  path: string,
  value: unknown,
  effective: unknown,
  named: readonly string[],
  ctx: FormContext,
  depth: number,
): Safe {
  // Keys already in use (the file's and the defaults'), so the register and departments are visible.
  const keys = [...new Set([...(isObject(effective) ? Object.keys(effective) : []), ...(isObject(value) ? Object.keys(value) : [])])].filter(
    (k) => !named.includes(k),
  );
  return h`<div class="entries">${keys.map((key) => h`<div class="entry" data-entry="${path}.${key}"><div class="entry-key">${key}</div>${renderNode(valueSchema, `${path}.${key}`, at(value, key), ctx, depth + 1)}</div>`)}</div>
    <template data-template-for="${path}"><div class="entry" data-entry="${path}.__KEY__"><div class="entry-key">__KEY__</div>${renderNode(valueSchema, `${path}.__KEY__`, undefined, { ...ctx, effective: undefined }, depth + 1)}</div></template>
    <div class="add-entry"><input type="text" class="new-key" aria-label="${ctx.t('key')}" placeholder="${ctx.t('key')}" data-key-pattern="${keyPattern ?? ''}"><button type="button" class="add-key" data-add-key="${path}">${ctx.t('add')}</button></div>`;
}

function renderLeaf(shape: Shape, path: string, label: string, value: unknown, effective: unknown, ctx: FormContext): Safe {
  const id = `f-${path.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
  const wrap = (control: Safe) =>
    h`<div class="field" data-field="${path}"><label for="${id}">${label}</label>${control}<div class="field-error" data-error-for="${path}"></div></div>`;
  switch (shape.kind) {
    case 'localized': {
      const given = typeof value === 'string' ? { zh: value, en: value } : isObject(value) ? value : {};
      const eff = typeof effective === 'string' ? { zh: effective, en: effective } : isObject(effective) ? effective : {};
      const input = (lang: 'zh' | 'en') =>
        h`<input type="text" id="${lang === 'zh' ? id : `${id}-en`}" data-path="${path}" data-type="localized" data-lang="${lang}" value="${str(given[lang])}" placeholder="${str(eff[lang])}" aria-label="${label} (${lang})"><span class="lang-tag">${ctx.t(`langTag.${lang}`)}</span>`;
      return wrap(h`<div class="localized">${input('zh')}${input('en')}</div>`);
    }
    case 'enum':
      return wrap(
        h`<select id="${id}" data-path="${path}" data-type="enum"><option value="">${effective === undefined ? '' : `(${str(effective)})`}</option>${shape.values.map((v) => h`<option value="${v}"${value === v ? h` selected` : h``}>${v}</option>`)}</select>`,
      );
    case 'boolean':
      return wrap(
        h`<select id="${id}" data-path="${path}" data-type="boolean"><option value=""></option><option value="true"${value === true ? h` selected` : h``}>${ctx.t('yes')}</option><option value="false"${value === false ? h` selected` : h``}>${ctx.t('no')}</option></select>`,
      );
    case 'number':
      return wrap(
        h`<input type="text" inputmode="decimal" id="${id}" data-path="${path}" data-type="number" value="${typeof value === 'number' ? String(value) : str(value)}" placeholder="${str(effective)}">`,
      );
    case 'lines':
      return wrap(
        h`<textarea id="${id}" data-path="${path}" data-type="lines" rows="2" placeholder="${Array.isArray(effective) ? effective.map(str).join('\n') : ''}">${Array.isArray(value) ? value.map(str).join('\n') : ''}</textarea>`,
      );
    case 'text':
      return wrap(
        h`<input type="text" id="${id}" data-path="${path}" data-type="text" value="${str(value)}" placeholder="${str(effective)}"${shape.pattern?.includes('\\d{4}-\\d{2}-\\d{2}') ? h` class="date" inputmode="numeric"` : h``}>`,
      );
    default:
      return wrap(
        h`<textarea id="${id}" data-path="${path}" data-type="json" rows="3">${value === undefined ? '' : JSON.stringify(value, null, 1)}</textarea>`,
      );
  }
}

/** The pattern free keys must match (ids), or null for any text (company labels). */
function keyPatternOf(node: Schema): string | null {
  const names = node.propertyNames as Schema | undefined;
  return typeof names?.pattern === 'string' ? names.pattern : null;
}

function atPath(value: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((v, key) => at(v, key), value);
}

function str(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (isObject(v) && ('zh' in v || 'en' in v)) return str(v.zh ?? v.en);
  return JSON.stringify(v);
}

/** A default list in one line: metrics with targets, dimension labels, dates. */
function summarise(list: readonly unknown[], lang: Lang): string {
  return list
    .map((item) => {
      if (!isObject(item)) return str(item);
      if ('metric' in item) return `${str(isObject(item.label) ? item.label[lang] : item.metric)}${typeof item.target === 'number' ? ` ${item.target}` : ''}`;
      if ('label' in item) return str(isObject(item.label) ? item.label[lang] : item.label);
      return Object.values(item).map(str).join(' ');
    })
    .join(textsFor(lang)('separator.list'));
}
