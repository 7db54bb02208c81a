import type { WrittenFile } from '../emit/output-writer.js';
import type { Lang } from '../model/lang.js';
import type { GlyphReport } from '../pipeline/build.js';
import { cliText } from './cli-text.js';

/**
 * The files a run wrote, one line per file — folders of per-record forms as one line with their
 * count, so a run of 300 forms stays readable.
 */
export function formatOutputs(out: string, written: readonly WrittenFile[], lang: Lang): string {
  const groups = new Map<string, number>();
  for (const f of written) {
    // The build's own records (.qmsdoc/build-state.json) are not documents.
    if (f.path.startsWith('.qmsdoc/')) continue;
    const parts = f.path.split('/');
    const key = parts.length >= 3 && parts[0] === 'forms' ? `${parts.slice(0, -1).join('/')}/` : f.path;
    groups.set(key, (groups.get(key) ?? 0) + 1);
  }
  const t = cliText(lang);
  const lines = [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, n]) => `  ${out.replace(/\/$/, '')}/${key}${key.endsWith('/') ? t('outputs.files', { n }) : ''}`);
  return `${t('outputs.wrote')}\n${lines.join('\n')}\n`;
}

/** One note per output with characters no font could draw (printed as "?"). */
export function formatGlyphNotes(glyphs: GlyphReport, lang: Lang): string {
  const t = cliText(lang);
  return glyphs.map((g) => `${t('glyphNote', { file: g.file, chars: g.chars.join(' ') })}\n`).join('');
}

/**
 * How much of an incremental build was carried over from the last one, and the files of the last
 * build this one no longer makes (the all-or-nothing switch of the output folder takes them away with the last build).
 */
export function formatIncremental(
  out: string,
  report: { readonly carried: number; readonly rendered: number; readonly stale: readonly string[] },
  lang: Lang,
): string {
  const t = cliText(lang);
  const lines: string[] = [];
  if (report.carried > 0) lines.push(t('incremental.carried', { carried: report.carried, rendered: report.rendered }));
  if (report.stale.length > 0) {
    lines.push(t('incremental.stale'));
    for (const file of report.stale) lines.push(`  ${out.replace(/\/$/, '')}/${file}`);
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}
