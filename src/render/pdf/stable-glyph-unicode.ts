/** The parts of a fontkit font and glyph this module touches. */
interface FontkitFontLike {
  _glyphs: Record<number, GlyphLike | undefined>;
  getGlyph(id: number, characters?: readonly number[]): GlyphLike | null;
}
interface GlyphLike {
  readonly codePoints: readonly number[];
  readonly _font?: object;
}

const patched = new WeakSet<object>();
const variants = new WeakMap<object, Map<string, GlyphLike | null>>();

/**
 * Makes a PDF's text layer a function of that PDF's own text. fontkit keeps one glyph object per
 * glyph id and font, with the characters of its first request: where two characters share a
 * glyph (• and · in Noto Sans SC) the glyph says whichever came first in the process, and pdfkit
 * writes that character into the document's ToUnicode map. The fonts are parsed once per process,
 * so the bytes of a form depended on the forms rendered before it on the same thread — a record
 * rendered alone (an incremental rebuild) differed from the same record rendered in a batch.
 * Here a request for a glyph with other characters than the cached glyph's gets a glyph object of
 * its own (made once, kept per font), so each document maps its glyphs to its own characters.
 * `glyph` is any glyph of the fonts (the patch goes on their shared class).
 */
export function stableGlyphCodePoints(glyph: object): void {
  const font = (glyph as GlyphLike)._font;
  if (font === undefined) return;
  const proto = Object.getPrototypeOf(font) as FontkitFontLike;
  if (patched.has(proto) || typeof proto.getGlyph !== 'function') return;
  patched.add(proto);
  const getGlyph = proto.getGlyph;
  proto.getGlyph = function getGlyphForCharacters(this: FontkitFontLike, id: number, characters: readonly number[] = []): GlyphLike | null {
    const cached = this._glyphs[id];
    if (cached === undefined || characters.length === 0 || sameCodePoints(cached.codePoints, characters)) return getGlyph.call(this, id, characters);
    let byCharacters = variants.get(this);
    if (byCharacters === undefined) {
      byCharacters = new Map();
      variants.set(this, byCharacters);
    }
    const key = `${id}:${characters.join(',')}`;
    let variant = byCharacters.get(key);
    if (variant === undefined) {
      // fontkit builds a glyph only when its cache has none: let it build one, then put the first back.
      delete this._glyphs[id];
      variant = getGlyph.call(this, id, characters);
      this._glyphs[id] = cached;
      byCharacters.set(key, variant);
    }
    return variant;
  };
}

function sameCodePoints(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((c, i) => c === b[i]);
}
