/**
 * Encodes text as GBK/GB18030 two-byte sequences, the way Chinese Excel saves "CSV (逗号分隔)".
 * Node can decode GB18030 but not encode it; the table is built once by decoding every two-byte
 * code. Characters outside GBK's two-byte range throw (sample and test data never need them).
 */
let table: Map<string, number> | null = null;

function encodingTable(): Map<string, number> {
  if (table) return table;
  table = new Map();
  const decoder = new TextDecoder('gb18030');
  const pair = new Uint8Array(2);
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      pair[0] = lead;
      pair[1] = trail;
      const ch = decoder.decode(pair);
      if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, (lead << 8) | trail);
    }
  }
  return table;
}

export function encodeGb18030(text: string): Buffer {
  const codes = encodingTable();
  const bytes: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) bytes.push(c);
    else {
      const code = codes.get(ch);
      if (code === undefined) throw new Error(`no GBK code for ${ch} (U+${c.toString(16)})`);
      bytes.push(code >> 8, code & 0xff);
    }
  }
  return Buffer.from(bytes);
}
