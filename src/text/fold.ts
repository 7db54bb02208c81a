/**
 * Folds full-width forms to half-width (８５ → 85, ：→ :, ％ → %, Ｙ → Y, ideographic space → space)
 * and trims. NFKC is exactly Unicode's compatibility folding for these.
 */
export function fold(text: string): string {
  // Most cells are plain ASCII or CJK with nothing to fold; skip the normaliser for them.
  return (hasFoldable(text) ? text.normalize('NFKC') : text).trim();
}

function hasFoldable(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0xff00 && c <= 0xffef) || c === 0x3000 || (c >= 0x2460 && c <= 0x24ff)) return true;
  }
  return false;
}

/** How headers are compared: folded, lower-case, no spaces or line breaks, no "*" or "(必填)" mark. */
export function normaliseHeader(header: string): string {
  return fold(header)
    .toLowerCase()
    .replace(/\s+/g, '')
    .replace(/^\*+/, '')
    .replace(/(\*|\(必填\)|\(required\))+$/, '');
}

/** How enumeration values are compared: folded, lower-case, without spaces, "-" and "_". */
export function normaliseToken(value: string): string {
  return fold(value)
    .toLowerCase()
    .replace(/[\s\-_]+/g, '');
}
