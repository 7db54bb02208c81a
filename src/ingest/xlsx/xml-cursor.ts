/**
 * A forward-only cursor over the tags of an XML document held as bytes. It knows just enough
 * XML for the parts of an xlsx package: element names (namespace prefixes dropped), attributes,
 * text between tags, entities. Working on bytes keeps a 100,000-row sheet from being copied into
 * a JavaScript string.
 */
export class XmlCursor {
  /** Byte offset of the current tag's "<". */
  tagStart = 0;
  /** Offsets of the current tag's local name (after any "prefix:"). */
  nameStart = 0;
  nameEnd = 0;
  /** True for "</name>". */
  isEnd = false;
  /** True for "<name …/>". */
  selfClosing = false;
  /** Byte offset just after the current tag's ">". */
  end = 0;
  /** Byte range of the current tag's attributes (for the sheet loop's own attribute scan). */
  attrStart = 0;
  attrEnd = 0;

  constructor(
    readonly buf: Buffer,
    start = 0,
    private readonly limit = buf.length,
  ) {
    this.end = start;
  }

  /** Moves to the next element tag; false at the end of the document. */
  next(): boolean {
    const buf = this.buf;
    let p = this.end;
    for (;;) {
      const lt = buf.indexOf(0x3c, p);
      if (lt < 0 || lt >= this.limit) return false;
      const first = buf[lt + 1];
      if (first === 0x3f /* ? */ || first === 0x21 /* ! */) {
        p = this.skipSpecial(lt);
        continue;
      }
      this.tagStart = lt;
      this.isEnd = first === 0x2f;
      let q = this.isEnd ? lt + 2 : lt + 1;
      let localStart = q;
      while (q < this.limit) {
        const c = buf[q]!;
        if (c === 0x3e || c === 0x2f || c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) break;
        // "<" inside a tag name is not XML: the document is damaged from here on.
        if (c === 0x3c) return this.fail(lt);
        if (c === 0x3a) localStart = q + 1;
        q++;
      }
      this.nameStart = localStart;
      this.nameEnd = q;
      const gt = findTagEnd(buf, q, this.limit);
      if (gt < 0) return this.fail(lt);
      this.selfClosing = buf[gt - 1] === 0x2f;
      this.attrStart = q;
      this.attrEnd = this.selfClosing ? gt - 1 : gt;
      this.end = gt + 1;
      return true;
    }
  }

  /**
   * Offset of the first tag that could not be read (a "<" inside a tag, a quote that never
   * closes), or -1. `next` returns false there, as at the end: callers that need the whole
   * document look here.
   */
  damagedAt = -1;

  private fail(at: number): false {
    this.damagedAt = at;
    return false;
  }

  /** The current tag's local name as a string (for the small parts; the sheet loop compares bytes). */
  get name(): string {
    return this.buf.toString('latin1', this.nameStart, this.nameEnd);
  }

  /** True when the current local name equals `name` (ASCII). */
  is(name: string): boolean {
    return asciiEquals(this.buf, this.nameStart, this.nameEnd, name);
  }

  /** An attribute of the current tag by local name, entities decoded; null when absent. */
  attr(name: string): string | null {
    const range = this.attrRange(name);
    return range === null ? null : decodeXmlText(this.buf, range[0], range[1]);
  }

  /** [start, end) of an attribute value of the current tag; null when absent. */
  attrRange(name: string): [number, number] | null {
    const buf = this.buf;
    let p = this.attrStart;
    const end = this.attrEnd;
    while (p < end) {
      while (p < end && isSpace(buf[p]!)) p++;
      const keyStart = p;
      let localStart = p;
      while (p < end && buf[p] !== 0x3d && !isSpace(buf[p]!)) {
        if (buf[p] === 0x3a) localStart = p + 1;
        p++;
      }
      const keyEnd = p;
      while (p < end && buf[p] !== 0x3d) p++;
      p++;
      while (p < end && isSpace(buf[p]!)) p++;
      const quote = buf[p];
      if (quote !== 0x22 && quote !== 0x27) return null;
      const valueStart = p + 1;
      const valueEnd = buf.indexOf(quote, valueStart);
      if (valueEnd < 0 || valueEnd > end) return null;
      if (keyEnd > keyStart && asciiEquals(buf, localStart, keyEnd, name)) {
        return [valueStart, valueEnd];
      }
      p = valueEnd + 1;
    }
    return null;
  }

  /** The text between this tag and the next "<", decoded. */
  text(): string {
    if (this.selfClosing || this.isEnd) return '';
    let stop = this.buf.indexOf(0x3c, this.end);
    if (stop < 0 || stop > this.limit) stop = this.limit;
    // CDATA is rare in xlsx but legal: read it whole.
    if (this.buf[stop + 1] === 0x21 && this.buf.toString('latin1', stop, stop + 9) === '<![CDATA[') {
      const close = this.buf.indexOf(']]>', stop);
      if (close > 0) {
        const value = decodeXmlText(this.buf, this.end, stop) + this.buf.toString('utf8', stop + 9, close);
        this.end = close + 3;
        return value + this.text();
      }
    }
    return decodeXmlText(this.buf, this.end, stop);
  }

  /** Skips to just after the matching end tag of the current (non-self-closing) element. */
  skipElement(): void {
    if (this.selfClosing || this.isEnd) return;
    let depth = 1;
    while (depth > 0 && this.next()) {
      if (this.isEnd) depth--;
      else if (!this.selfClosing) depth++;
    }
  }

  private skipSpecial(lt: number): number {
    const buf = this.buf;
    if (buf[lt + 2] === 0x2d && buf[lt + 3] === 0x2d) {
      const close = buf.indexOf('-->', lt + 4);
      return close < 0 ? this.limit : close + 3;
    }
    if (buf.toString('latin1', lt, lt + 9) === '<![CDATA[') {
      const close = buf.indexOf(']]>', lt + 9);
      return close < 0 ? this.limit : close + 3;
    }
    const gt = buf.indexOf(0x3e, lt);
    return gt < 0 ? this.limit : gt + 1;
  }
}

function asciiEquals(buf: Buffer, start: number, end: number, text: string): boolean {
  if (end - start !== text.length) return false;
  for (let i = 0; i < text.length; i++) if (buf[start + i] !== text.charCodeAt(i)) return false;
  return true;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/**
 * The ">" closing a tag, skipping ">" inside quoted attribute values; -1 when the tag is not
 * well-formed: it never closes, or a "<" appears before its end (XML allows "<" neither in a tag
 * nor in an attribute value, so a lost quote or ">" shows up here instead of swallowing the next tags).
 */
function findTagEnd(buf: Buffer, from: number, limit: number): number {
  let p = from;
  while (p < limit) {
    const c = buf[p]!;
    if (c === 0x3e) return p;
    if (c === 0x3c) return -1;
    if (c === 0x22 || c === 0x27) {
      const close = buf.indexOf(c, p + 1);
      if (close < 0 || close >= limit) return -1;
      const lt = buf.indexOf(0x3c, p + 1);
      if (lt >= 0 && lt < close) return -1;
      p = close + 1;
    } else p++;
  }
  return -1;
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/**
 * UTF-8 text with XML entities and OOXML's "_xHHHH_" escapes (used for control characters such
 * as "_x000D_") decoded.
 */
export function decodeXmlText(buf: Buffer, start: number, end: number): string {
  const raw = buf.toString('utf8', start, end);
  if (raw.indexOf('&') < 0 && raw.indexOf('_x') < 0) return raw;
  return raw
    .replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (whole, body: string) => {
      if (body.startsWith('#x')) return safeCodePoint(parseInt(body.slice(2), 16), whole);
      if (body.startsWith('#')) return safeCodePoint(parseInt(body.slice(1), 10), whole);
      return NAMED_ENTITIES[body] ?? whole;
    })
    .replace(/_x([0-9A-Fa-f]{4})_/g, (_whole, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

function safeCodePoint(code: number, fallback: string): string {
  return code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : fallback;
}
