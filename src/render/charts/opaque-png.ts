import { deflateSync, crc32 } from 'node:zlib';

/**
 * An opaque PNG of RGBA pixels: grey (one byte a pixel) when every pixel is a grey, as the
 * black-and-white charts are, else RGB — never with an alpha channel. pdfkit embeds an opaque
 * PNG's data as it is, but splits an RGBA one into colour and soft mask in JavaScript,
 * asynchronously — slow, and the order in which images finish then varies from run to run.
 * Charts have an opaque white background, so the alpha channel carries nothing. A grey PNG is a
 * third of the data to compress and half the bytes in the PDF, the same picture.
 */
export function opaquePng(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number): Buffer {
  const grey = isGrey(rgba);
  const channels = grey ? 1 : 3;
  const stride = width * channels + 1;
  const raw = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    raw[y * stride] = 0; // filter: none
    for (let x = 0; x < width; x++) {
      const from = (y * width + x) * 4;
      const to = y * stride + 1 + x * channels;
      raw[to] = rgba[from]!;
      if (!grey) {
        raw[to + 1] = rgba[from + 1]!;
        raw[to + 2] = rgba[from + 2]!;
      }
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = grey ? 0 : 2; // colour type: grey or RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    // Level 3: a chart is mostly runs of white; level 6 took six times as long for 12 % fewer bytes.
    chunk('IDAT', deflateSync(raw, { level: 3 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function isGrey(rgba: Uint8Array | Uint8ClampedArray): boolean {
  for (let i = 0; i < rgba.length; i += 4) if (rgba[i] !== rgba[i + 1] || rgba[i] !== rgba[i + 2]) return false;
  return true;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body) >>> 0);
  return Buffer.concat([length, body, crc]);
}
