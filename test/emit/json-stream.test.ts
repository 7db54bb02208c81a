import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { streamJson, writeJson } from '../../src/emit/json-stream.js';
import { createFileWriter } from '../../src/emit/output-writer.js';
import { tempFolder } from '../helpers/fixtures.js';

function streamed(value: unknown): { text: string; chunks: number } {
  let text = '';
  let chunks = 0;
  streamJson(value, (c) => {
    text += c;
    chunks++;
  });
  return { text, chunks };
}

describe('summary.json streamed', () => {
  it.each([
    ['nested objects and arrays', { a: [1, 'x', null, true, { b: [] }, []], c: {}, d: { e: { f: -0.5 } } }],
    ['undefined, functions and non-finite numbers', { a: undefined, b: [undefined, () => 1, Number.NaN, Infinity], c: 1 }],
    ['escapes and CJK', { '键"\n': '客户\u0000\u2028"\\', list: ['宁波', '😀'] }],
    ['a toJSON value', { when: { toJSON: (key: string) => `at ${key}` } }],
    ['a bare string', 'text'],
    ['an empty array', []],
  ])('gives exactly JSON.stringify(value, null, 2) for %s', (_label, value) => {
    expect(streamed(value).text).toBe(JSON.stringify(value, null, 2));
  });

  it('gives the sample summary byte for byte, in many chunks for a large one', () => {
    const summary = JSON.parse(readFileSync(path.join(import.meta.dirname, '..', 'golden', 'sample-summary.json'), 'utf8')) as { findings: unknown[] };
    const large = { ...summary, findings: Array.from({ length: 40 }, () => summary.findings).flat() };
    const { text, chunks } = streamed(large);
    expect(text).toBe(JSON.stringify(large, null, 2));
    expect(chunks).toBeGreaterThan(10);
  });

  it('the file writer streams it to disk with the SHA-256 of the bytes written', () => {
    const folder = tempFolder();
    const value = { a: '客户', b: [1, 2, 3] };
    const file = writeJson(createFileWriter(folder), 'summary.json', value);
    const bytes = readFileSync(path.join(folder, 'summary.json'));
    expect(bytes.toString('utf8')).toBe(`${JSON.stringify(value, null, 2)}\n`);
    expect(file.bytes).toBe(bytes.length);
  });
});
