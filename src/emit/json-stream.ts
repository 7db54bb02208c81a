import type { OutputWriter, WrittenFile } from './output-writer.js';

/** Chunks are handed on at about this many characters: small enough to bound memory, large enough to be fast. */
const CHUNK_CHARS = 1 << 16;

/**
 * Emits `JSON.stringify(value, null, 2)` in chunks, byte for byte the same text, without ever
 * holding the whole of it: a summary of a million findings is hundreds of megabytes as one string.
 */
export function streamJson(value: unknown, emit: (chunk: string) => void): void {
  let buffer = '';
  const out = (text: string) => {
    buffer += text;
    if (buffer.length >= CHUNK_CHARS) {
      emit(buffer);
      buffer = '';
    }
  };
  const write = (raw: unknown, key: string, indent: string): boolean => {
    const v = toJsonValue(raw, key);
    if (v === undefined || typeof v === 'function' || typeof v === 'symbol') return false;
    if (v === null || typeof v !== 'object') {
      out(JSON.stringify(v));
      return true;
    }
    const inner = `${indent}  `;
    if (Array.isArray(v)) {
      if (v.length === 0) {
        out('[]');
        return true;
      }
      out('[\n');
      for (let i = 0; i < v.length; i++) {
        out(inner);
        if (!write(v[i], String(i), inner)) out('null');
        out(i < v.length - 1 ? ',\n' : '\n');
      }
      out(`${indent}]`);
      return true;
    }
    let first = true;
    for (const k of Object.keys(v)) {
      const child = toJsonValue((v as Record<string, unknown>)[k], k);
      if (child === undefined || typeof child === 'function' || typeof child === 'symbol') continue;
      out(first ? `{\n${inner}` : `,\n${inner}`);
      first = false;
      out(`${JSON.stringify(k)}: `);
      write(child, k, inner);
    }
    out(first ? '{}' : `\n${indent}}`);
    return true;
  };
  if (!write(value, '', '')) throw new TypeError('value has no JSON form');
  if (buffer !== '') emit(buffer);
}

function toJsonValue(v: unknown, key: string): unknown {
  if (v !== null && typeof v === 'object' && typeof (v as { toJSON?: unknown }).toJSON === 'function') {
    return (v as { toJSON: (key: string) => unknown }).toJSON(key);
  }
  return v;
}

/** Writes `value` as JSON (2-space indent, final newline) through the writer, streamed when it can stream. */
export function writeJson(writer: OutputWriter, relativePath: string, value: unknown): WrittenFile {
  if (writer.writeChunks === undefined) return writer.write(relativePath, `${JSON.stringify(value, null, 2)}\n`);
  return writer.writeChunks(relativePath, (emit) => {
    streamJson(value, emit);
    emit('\n');
  });
}
