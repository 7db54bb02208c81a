/** Markup that is already safe to send: built by `h` or trusted on purpose with `raw`. */
export class Safe {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

export type HtmlValue = Safe | string | number | boolean | null | undefined | readonly HtmlValue[];

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#39;'));
}

function render(value: HtmlValue): string {
  if (value instanceof Safe) return value.text;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(String(value as string | number | boolean));
}

/**
 * HTML template: every interpolated value is escaped unless it is Safe (another `h` template),
 * so data from the users' sheets can never become markup. Arrays are joined; null, undefined and
 * false print nothing.
 */
export function h(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): Safe {
  let out = strings[0] ?? '';
  values.forEach((v, i) => {
    out += render(v) + (strings[i + 1] ?? '');
  });
  return new Safe(out);
}

/** Trusted markup (e.g. JSON already escaped for a script element). */
export function raw(text: string): Safe {
  return new Safe(text);
}

/** JSON for a <script type="application/json"> element: "<" escaped so no "</script>" can close it. */
export function jsonScript(id: string, value: unknown): Safe {
  return raw(`<script type="application/json" id="${escapeHtml(id)}">${JSON.stringify(value).replace(/</g, '\\u003c')}</script>`);
}
