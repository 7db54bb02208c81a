import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The parts of pdfkit's EmbeddedFont and fontkit's glyph this module touches. */
interface EmbeddedFontLike {
  font: object;
  layoutRun(text: string): unknown;
  layoutCached(text: string): unknown;
}
interface GlyphLike {
  _decode(): unknown;
}

/** Shaped text runs kept per font across documents; cleared when it grows past this. */
const MAX_SHARED_RUNS = 100_000;

let applied = false;

/**
 * Two caches pdfkit and fontkit keep per document, made per process, because every form shares
 * the same two fonts:
 * - pdfkit shapes each word with fontkit once per document (EmbeddedFont.layoutCached); shaped
 *   runs depend only on the font and the text, so one cache per font serves all documents.
 *   (pdfkit copies a run before changing it for word spacing.)
 * - fontkit's TrueType subsetter decodes a glyph's outline every time a document includes the
 *   glyph, only to learn whether it is composite; the decoded glyph never changes.
 * Measured on 1,000 one-page forms. `sample` is the tagged bytes of a TrueType font (to reach the
 * classes, which neither package exports).
 */
export function applyPdfkitSpeedups(sample: Buffer, glyph: GlyphLike): void {
  if (applied) return;
  applied = true;
  const PDFDocument = require('pdfkit') as new (options: object) => { font(src: Buffer): { _font: EmbeddedFontLike } };
  const embedded = new PDFDocument({ autoFirstPage: false }).font(sample)._font;
  const fontProto = Object.getPrototypeOf(embedded) as EmbeddedFontLike;
  const shared = new WeakMap<object, Map<string, unknown>>();
  fontProto.layoutCached = function layoutCached(this: EmbeddedFontLike, text: string): unknown {
    let runs = shared.get(this.font);
    if (!runs || runs.size > MAX_SHARED_RUNS) {
      runs = new Map();
      shared.set(this.font, runs);
    }
    let run = runs.get(text);
    if (run === undefined) {
      run = this.layoutRun(text);
      runs.set(text, run);
    }
    return run;
  };
  const glyphProto = Object.getPrototypeOf(glyph) as GlyphLike;
  if (Object.prototype.hasOwnProperty.call(glyphProto, '_decode')) {
    const decode = glyphProto._decode;
    const decoded = new WeakMap<object, unknown>();
    glyphProto._decode = function cachedDecode(this: GlyphLike): unknown {
      if (!decoded.has(this)) decoded.set(this, decode.call(this));
      return decoded.get(this);
    };
  }
}
