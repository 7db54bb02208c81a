import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { opaquePng } from '../../src/render/charts/opaque-png.js';

/** The colour type and the unfiltered pixel rows of a PNG of one IDAT chunk (as opaquePng writes). */
function readPng(png: Buffer): { width: number; height: number; colourType: number; rows: number[][] } {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const chunks = new Map<string, Buffer>();
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    chunks.set(png.toString('latin1', at + 4, at + 8), png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const header = chunks.get('IHDR')!;
  const [width, height, colourType] = [header.readUInt32BE(0), header.readUInt32BE(4), header[9]!];
  const raw = inflateSync(chunks.get('IDAT')!);
  const stride = raw.length / height;
  const rows = Array.from({ length: height }, (_, y) => {
    expect(raw[y * stride]).toBe(0);
    return [...raw.subarray(y * stride + 1, (y + 1) * stride)];
  });
  return { width, height, colourType, rows };
}

describe('the PNG of a chart', () => {
  it('is grey, one byte a pixel, when every pixel is grey — the same greys', () => {
    const rgba = Uint8Array.from([255, 255, 255, 255, 0, 0, 0, 255, 58, 58, 58, 255, 200, 200, 200, 255]);
    expect(readPng(opaquePng(rgba, 2, 2))).toEqual({
      width: 2,
      height: 2,
      colourType: 0,
      rows: [
        [255, 0],
        [58, 200],
      ],
    });
  });

  it('is RGB without alpha as soon as one pixel has a colour', () => {
    const rgba = Uint8Array.from([255, 255, 255, 255, 200, 30, 30, 128]);
    expect(readPng(opaquePng(rgba, 2, 1))).toEqual({ width: 2, height: 1, colourType: 2, rows: [[255, 255, 255, 200, 30, 30]] });
  });
});
