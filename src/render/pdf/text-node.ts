import type { ColumnProperties, ContentText } from 'pdfmake/interfaces.js';
import { FontSet, PRIMARY_FONT } from './font-set.js';

/** Characters no embedded font can draw, met while building a document (printed as "?"). */
export class MissingGlyphs {
  readonly chars = new Set<string>();
}

/** Properties a text node may carry besides its text. */
export type TextStyle = Omit<ContentText, 'text'> & ColumnProperties;

/**
 * A pdfmake text node whose runs use the font that has their glyphs: the Noto Sans SC subset
 * for common text, the full Noto Sans Hans for rare characters (a name like 张琎).
 */
export function textNode(text: string, style: TextStyle = {}, missing?: MissingGlyphs): ContentText & ColumnProperties {
  const { runs, missing: lost } = FontSet.get().runs(text);
  for (const ch of lost) missing?.chars.add(ch);
  if (runs.length === 1 && runs[0]!.font === PRIMARY_FONT) return { text: runs[0]!.text, ...style };
  return { text: runs.map((r) => (r.font === PRIMARY_FONT ? r.text : { text: r.text, font: r.font })), ...style };
}
