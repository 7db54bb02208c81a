import type { WrittenFile } from '../emit/output-writer.js';
import type { Lang } from '../model/lang.js';
import type { GlyphReport } from '../forms/render-forms.js';

/**
 * The files a run wrote, one line per file — folders of per-record forms as one line with their
 * count, so a run of 300 forms stays readable.
 */
export function formatOutputs(out: string, written: readonly WrittenFile[], lang: Lang): string {
  const groups = new Map<string, number>();
  for (const f of written) {
    const parts = f.path.split('/');
    const key = parts.length >= 3 && parts[0] === 'forms' ? `${parts.slice(0, -1).join('/')}/` : f.path;
    groups.set(key, (groups.get(key) ?? 0) + 1);
  }
  const lines = [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, n]) => `  ${out.replace(/\/$/, '')}/${key}${key.endsWith('/') ? (lang === 'zh' ? `（${n} 个文件）` : ` (${n} files)`) : ''}`);
  return `${lang === 'zh' ? '已写出：' : 'Wrote:'}\n${lines.join('\n')}\n`;
}

/** One note per output with characters no font could draw (printed as "?"). */
export function formatGlyphNotes(glyphs: GlyphReport, lang: Lang): string {
  return glyphs
    .map((g) => (lang === 'zh' ? `qmsdoc: 注意：${g.file} 中的字符 ${g.chars.join(' ')} 没有可用字形，已印为“?”\n` : `qmsdoc: note: ${g.file} has characters no font can draw (${g.chars.join(' ')}), printed as "?"\n`))
    .join('');
}
