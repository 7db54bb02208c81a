import type { Lang } from '../../model/lang.js';
import { h, type HtmlValue, type Safe } from '../html.js';
import type { WorkbenchTexts } from '../texts.js';

export type PageId = 'data' | 'check' | 'documents' | 'settings' | 'templates';
export const PAGES: readonly PageId[] = ['data', 'check', 'documents', 'settings', 'templates'];

/** What every page needs: language, texts, the CSRF token for its scripts, the workspace line. */
export interface PageContext {
  readonly lang: Lang;
  readonly t: WorkbenchTexts;
  readonly csrf: string;
  readonly workspace: { readonly input: string; readonly output: string; readonly asOf: string };
}

/** Texts the page's script shows (web/workbench.js), unfilled: it fills their plain {{name}} placeholders. */
const SCRIPT_TEXTS = ['replaceConfirm', 'removeConfirm', 'findingsCount', 'page.findingsOf', 'building', 'page.working', 'saved', 'fixErrors'] as const;

function pageTexts(t: WorkbenchTexts): string {
  return JSON.stringify(Object.fromEntries(SCRIPT_TEXTS.map((key) => [key, t.source(key)])));
}

/** The frame of every page: navigation, language switch, the page's content, the side panel. */
export function layout(ctx: PageContext, page: PageId, title: string, body: HtmlValue): Safe {
  const { t, lang } = ctx;
  return h`<!doctype html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="qmsdoc-csrf" content="${ctx.csrf}">
<title>${title} · ${t('app')}</title>
<link rel="stylesheet" href="/assets/fonts.css">
<link rel="stylesheet" href="/assets/workbench.css">
<script src="/assets/workbench.js" defer></script>
</head>
<body data-page="${page}" data-lang="${lang}" data-texts="${pageTexts(t)}">
<header class="top">
  <a class="brand" href="/check">${t('app')}</a>
  <nav>${PAGES.map((p) => h`<a href="/${p}"${p === page ? h` aria-current="page"` : h``}>${t(`nav.${p}`)}</a>`)}</nav>
  <a class="lang" href="/lang/${lang === 'zh' ? 'en' : 'zh'}?back=/${page}">${t('switchLang')}</a>
</header>
<div class="workspace">${t('input')}: <code>${ctx.workspace.input}</code> · ${t('output')}: <code>${ctx.workspace.output}</code> · ${t('asOf')}: <strong>${ctx.workspace.asOf}</strong></div>
<main>
<h1>${title}</h1>
<div id="flash" role="status" aria-live="polite"></div>
${body}
</main>
<aside id="panel" class="panel" hidden aria-live="polite"></aside>
</body>
</html>`;
}

/** A page with a message only (errors, denials). */
export function messagePage(lang: Lang, title: string, message: string): Safe {
  return h`<!doctype html><html lang="${lang === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title><link rel="stylesheet" href="/assets/workbench.css"></head><body><main class="message"><h1>${title}</h1><p class="error">${message}</p></main></body></html>`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
