import type { Config } from '../config/config.js';
import type { Lang } from '../model/lang.js';
import type { ControlledDocument } from './controlled-page.js';

/** What the header furniture of any controlled document (form or report) is made from. */
export interface DocumentContext {
  readonly config: Config;
  readonly lang: Lang;
  /** Name of the registered logo image, or null. */
  readonly logo: string | null;
}

/**
 * The header furniture of any controlled document by its id in the form register; the register's
 * title wins over `title` (a form template's or report's own).
 */
export function controlledDocument(id: string, title: string, ctx: DocumentContext): Omit<ControlledDocument, 'lang' | 'contentWidth'> {
  const entry = ctx.config.forms[id];
  return {
    company: ctx.config.company.name?.[ctx.lang] ?? null,
    title: entry?.title?.[ctx.lang] ?? title,
    number: entry?.number ?? '',
    version: entry?.version ?? '',
    issueNo: entry?.issueNo ?? '',
    effectiveDate: entry?.effectiveDate ?? '',
    retention: entry?.retention[ctx.lang] ?? '',
    logo: ctx.logo,
  };
}

/**
 * What a document rendered on a worker thread is made with besides its own data: plain data that
 * crosses threads as is, the logo as bytes (each thread registers it in its own PDF engine).
 */
export interface DocumentEnvironment {
  readonly config: Config;
  readonly lang: Lang;
  readonly asOf: string;
  readonly logo: { readonly name: string; readonly bytes: Uint8Array } | null;
}
