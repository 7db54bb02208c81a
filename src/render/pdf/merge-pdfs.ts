import { createHash } from 'node:crypto';

/** Metadata of the merged document; dates fixed by the caller so output is byte-identical. */
export interface MergedInfo {
  readonly title: string;
  readonly author: string;
  readonly date: string;
  /** Bookmarks (the PDF outline): each opens its document's first page; children nest under it. */
  readonly outline?: readonly OutlineEntry[];
}

/** One bookmark: its title and the index of the merged document whose first page it opens. */
export interface OutlineEntry {
  readonly title: string;
  readonly document: number;
  readonly children?: readonly OutlineEntry[];
}

interface ParsedPdf {
  readonly bytes: Buffer;
  /** Object number → [start, end) of "N 0 obj … endobj". */
  readonly objects: Map<number, [number, number]>;
  readonly size: number;
  /** Page object numbers in document order. */
  readonly pages: number[];
  /** Objects not to copy: catalog, page tree root, info. */
  readonly skip: Set<number>;
}

/**
 * Binds PDFs written by pdfkit into one, pages in order, each page keeping its own resources —
 * the per-record PDFs already exist, and re-laying 1,000 forms out as one pdfmake document costs
 * as much again and holds every page in memory. Objects are renumbered; references are rewritten
 * only in dictionaries (never inside strings or streams); stream bytes are copied untouched.
 * Handles pdfkit's output (classic xref table, one-level page tree), not PDFs in general.
 */
export function mergePdfs(pdfs: readonly Buffer[], info: MergedInfo): Buffer {
  const parsed = pdfs.map(parsePdf);
  const chunks: Buffer[] = [Buffer.from('%PDF-1.3\n%\xff\xff\xff\xff\n', 'latin1')];
  let offset = chunks[0]!.length;
  const offsets: number[] = [];
  let next = 1;
  const pagesId = next++;
  const catalogId = next++;
  const infoId = next++;
  const kids: number[] = [];
  /** The merged page object of each input document's first page. */
  const firstPages: number[] = [];
  const push = (id: number, text: Buffer) => {
    offsets[id] = offset;
    chunks.push(text);
    offset += text.length;
  };
  for (const pdf of parsed) {
    const base = next - 1;
    for (const [id, [start, end]] of [...pdf.objects.entries()].sort((a, b) => a[0] - b[0])) {
      if (pdf.skip.has(id)) continue;
      const isPage = pdf.pages.includes(id);
      push(base + id, renumberObject(pdf.bytes.subarray(start, end), base, isPage ? pagesId : null));
    }
    firstPages.push(base + (pdf.pages[0] ?? 0));
    kids.push(...pdf.pages.map((p) => base + p));
    next = base + pdf.size;
  }
  push(
    pagesId,
    Buffer.from(`${pagesId} 0 obj\n<<\n/Type /Pages\n/Count ${kids.length}\n/Kids [${kids.map((k) => `${k} 0 R`).join(' ')}]\n>>\nendobj\n`, 'latin1'),
  );
  let outlineRoot: number | null = null;
  if (info.outline !== undefined && info.outline.length > 0) {
    outlineRoot = next++;
    next = writeOutline(info.outline, outlineRoot, next, firstPages, push);
  }
  const outlineEntry = outlineRoot === null ? '' : `/Outlines ${outlineRoot} 0 R\n/PageMode /UseOutlines\n`;
  push(catalogId, Buffer.from(`${catalogId} 0 obj\n<<\n/Type /Catalog\n/Pages ${pagesId} 0 R\n${outlineEntry}>>\nendobj\n`, 'latin1'));
  const stamp = `D:${info.date.replace(/-/g, '')}000000Z`;
  push(
    infoId,
    Buffer.from(
      `${infoId} 0 obj\n<<\n/Producer (qmsdoc)\n/Creator (qmsdoc)\n/CreationDate (${stamp})\n/ModDate (${stamp})\n/Title ${pdfTextString(info.title)}\n/Author ${pdfTextString(info.author)}\n>>\nendobj\n`,
      'latin1',
    ),
  );
  const size = next;
  const xref = [`xref\n0 ${size}\n0000000000 65535 f \n`];
  for (let id = 1; id < size; id++) {
    const at = offsets[id];
    xref.push(at === undefined ? '0000000000 65535 f \n' : `${String(at).padStart(10, '0')} 00000 n \n`);
  }
  const id = createHash('md5').update(Buffer.concat(chunks)).digest('hex');
  chunks.push(
    Buffer.from(
      `${xref.join('')}trailer\n<<\n/Size ${size}\n/Root ${catalogId} 0 R\n/Info ${infoId} 0 R\n/ID [<${id}> <${id}>]\n>>\nstartxref\n${offset}\n%%EOF\n`,
      'latin1',
    ),
  );
  return Buffer.concat(chunks);
}

/**
 * Writes the outline tree under `root` (object numbers from `next` on) and returns the next free
 * number. Each level's entries are numbered together, their children after them; entries open closed.
 */
function writeOutline(
  entries: readonly OutlineEntry[],
  root: number,
  next: number,
  firstPages: readonly number[],
  push: (id: number, text: Buffer) => void,
): number {
  const write = (list: readonly OutlineEntry[], parent: number): { first: number; last: number } => {
    const ids = list.map(() => next++);
    list.forEach((entry, i) => {
      const children = entry.children ?? [];
      const nested = children.length > 0 ? write(children, ids[i]!) : null;
      const page = firstPages[entry.document];
      const links = [
        `/Parent ${parent} 0 R`,
        i > 0 ? `/Prev ${ids[i - 1]} 0 R` : '',
        i < ids.length - 1 ? `/Next ${ids[i + 1]} 0 R` : '',
        nested === null ? '' : `/First ${nested.first} 0 R\n/Last ${nested.last} 0 R\n/Count -${children.length}`,
        page === undefined ? '' : `/Dest [${page} 0 R /Fit]`,
      ].filter((l) => l !== '');
      push(ids[i]!, Buffer.from(`${ids[i]} 0 obj\n<<\n/Title ${pdfTextString(entry.title)}\n${links.join('\n')}\n>>\nendobj\n`, 'latin1'));
    });
    return { first: ids[0]!, last: ids[ids.length - 1]! };
  };
  const top = write(entries, root);
  push(
    root,
    Buffer.from(`${root} 0 obj\n<<\n/Type /Outlines\n/First ${top.first} 0 R\n/Last ${top.last} 0 R\n/Count ${entries.length}\n>>\nendobj\n`, 'latin1'),
  );
  return next;
}

function parsePdf(bytes: Buffer): ParsedPdf {
  const tail = bytes.toString('latin1', Math.max(0, bytes.length - 2048));
  const startxref = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  if (!startxref) throw new Error('not a pdfkit PDF: no startxref');
  const xrefAt = Number(startxref[1]);
  const head = bytes.toString('latin1', xrefAt, Math.min(bytes.length, xrefAt + 64));
  const section = /^xref\s+0\s+(\d+)\s/.exec(head);
  if (!section) throw new Error('not a pdfkit PDF: no classic xref table');
  const size = Number(section[1]);
  const entriesAt = xrefAt + head.indexOf('\n', head.indexOf(section[1]!)) + 1;
  const starts: [number, number][] = [];
  for (let i = 1; i < size; i++) {
    const entry = bytes.toString('latin1', entriesAt + i * 20, entriesAt + i * 20 + 18);
    if (entry.endsWith('n')) starts.push([i, Number(entry.slice(0, 10))]);
  }
  // Objects follow each other in the file: each ends where the next one (or the xref) starts.
  const byOffset = [...starts].sort((a, b) => a[1] - b[1]);
  const objects = new Map<number, [number, number]>();
  byOffset.forEach(([id, start], k) => objects.set(id, [start, byOffset[k + 1]?.[1] ?? xrefAt]));
  const trailer = bytes.toString('latin1', xrefAt, bytes.length);
  const root = Number(/\/Root (\d+) 0 R/.exec(trailer)?.[1]);
  const infoRef = /\/Info (\d+) 0 R/.exec(trailer)?.[1];
  const dictOf = (id: number) => {
    const range = objects.get(id);
    if (!range) throw new Error(`missing object ${id}`);
    return dictionaryPart(bytes.subarray(range[0], range[1]));
  };
  const pagesRoot = Number(/\/Pages (\d+) 0 R/.exec(dictOf(root))?.[1]);
  const kids = /\/Kids \[([^\]]*)\]/.exec(dictOf(pagesRoot))?.[1] ?? '';
  const pages = [...kids.matchAll(/(\d+) 0 R/g)].map((m) => Number(m[1]));
  const skip = new Set([root, pagesRoot, ...(infoRef ? [Number(infoRef)] : [])]);
  return { bytes, objects, size, pages, skip };
}

/** The object text before its stream (the whole object when it has none). */
function dictionaryPart(object: Buffer): string {
  const text = object.toString('latin1');
  const stream = text.search(/\bstream\r?\n/);
  return stream < 0 ? text : text.slice(0, stream);
}

/**
 * One object with its number and every reference in its dictionary shifted by `base`; a page's
 * /Parent points at the merged page tree. Strings and stream data are copied as they are.
 */
function renumberObject(object: Buffer, base: number, parent: number | null): Buffer {
  const text = object.toString('latin1');
  const streamAt = text.search(/\bstream\r?\n/);
  const dict = streamAt < 0 ? text : text.slice(0, streamAt);
  let out = '';
  let i = 0;
  const header = /^(\d+) 0 obj/.exec(dict);
  if (!header) throw new Error('object without header');
  out += `${Number(header[1]) + base} 0 obj`;
  i = header[0].length;
  while (i < dict.length) {
    const ch = dict[i]!;
    if (ch === '(') {
      const end = literalStringEnd(dict, i);
      out += dict.slice(i, end);
      i = end;
    } else if (ch === '<' || ch === '>') {
      if (dict[i + 1] === ch) {
        out += ch + ch;
        i += 2;
      } else if (ch === '<') {
        const end = dict.indexOf('>', i) + 1;
        out += dict.slice(i, end);
        i = end;
      } else {
        out += ch;
        i++;
      }
    } else if (ch >= '0' && ch <= '9' && !/[\w.]/.test(dict[i - 1] ?? ' ')) {
      const ref = /^(\d+) (\d+) R(?![\w])/.exec(dict.slice(i, i + 24));
      if (ref) {
        out += `${Number(ref[1]) + base} ${ref[2]} R`;
        i += ref[0].length;
      } else {
        out += ch;
        i++;
      }
    } else {
      out += ch;
      i++;
    }
  }
  if (parent !== null) out = out.replace(/\/Parent \d+ 0 R/, `/Parent ${parent} 0 R`);
  const head = Buffer.from(out, 'latin1');
  return streamAt < 0 ? head : Buffer.concat([head, object.subarray(Buffer.byteLength(text.slice(0, streamAt), 'latin1'))]);
}

/** Index just after the literal string starting at `start` (balanced parentheses, escapes). */
function literalStringEnd(text: string, start: number): number {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\\') i++;
    else if (ch === '(') depth++;
    else if (ch === ')' && --depth === 0) return i + 1;
  }
  return text.length;
}

/** A PDF text string: UTF-16BE with BOM, hex-encoded, so any title prints. */
function pdfTextString(text: string): string {
  const utf16 = Buffer.from(`\ufeff${text}`, 'utf16le').swap16();
  return `<${utf16.toString('hex')}>`;
}

/** The page count pdfkit wrote into a PDF's page tree. */
export function pdfPageCount(pdf: Buffer): number {
  const match = /\/Type \/Pages\s*\/Count (\d+)/.exec(pdf.toString('latin1'));
  if (!match) throw new Error('no page tree in PDF');
  return Number(match[1]);
}
