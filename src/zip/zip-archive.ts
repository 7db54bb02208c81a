import { crc32, inflateRawSync } from 'node:zlib';

/** One member of a zip archive, located by the central directory. */
interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly localHeaderOffset: number;
}

/** The archive is not a zip file or is damaged; `reason` says how. */
export class ZipFormatError extends Error {
  override readonly name = 'ZipFormatError';
  /** True when the archive is sound but larger than allowed (a zip bomb, or just too big). */
  tooLarge = false;
}

const EOCD_SIGNATURE = 0x06054b50;
const ZIP64_EOCD_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;

/** Deflate cannot expand data more than about 1032 to 1: a bound on what a member can inflate to. */
const MAX_DEFLATE_RATIO = 1032;

/**
 * Reads members of an in-memory zip archive (xlsx files are zips). Only the central directory is
 * trusted, as the zip format intends; each member is inflated on demand with a size cap so a
 * malicious "zip bomb" cannot exhaust memory, and checked against the CRC-32 and size the
 * directory records, so a damaged member is an error, never a part read in part.
 */
export class ZipArchive {
  private readonly entries = new Map<string, ZipEntry>();
  /** Bytes inflated so far, against `maxTotalBytes`. */
  private inflated = 0;

  /** `maxTotalBytes` caps what all members read from this archive may inflate to together. */
  constructor(
    private readonly bytes: Buffer,
    private readonly maxTotalBytes = Number.POSITIVE_INFINITY,
  ) {
    const eocd = findEndOfCentralDirectory(bytes);
    let count = bytes.readUInt16LE(eocd + 10);
    let directoryOffset = bytes.readUInt32LE(eocd + 16);
    if (directoryOffset === 0xffffffff || count === 0xffff) {
      const zip64 = readZip64Directory(bytes, eocd);
      count = zip64.count;
      directoryOffset = zip64.offset;
    }
    let p = directoryOffset;
    for (let i = 0; i < count; i++) {
      if (p + 46 > bytes.length || bytes.readUInt32LE(p) !== CENTRAL_SIGNATURE) {
        throw new ZipFormatError('damaged central directory');
      }
      const method = bytes.readUInt16LE(p + 10);
      const crc = bytes.readUInt32LE(p + 16);
      let compressedSize = bytes.readUInt32LE(p + 20);
      let uncompressedSize = bytes.readUInt32LE(p + 24);
      const nameLength = bytes.readUInt16LE(p + 28);
      const extraLength = bytes.readUInt16LE(p + 30);
      const commentLength = bytes.readUInt16LE(p + 32);
      let localHeaderOffset = bytes.readUInt32LE(p + 42);
      if (p + 46 + nameLength + extraLength > bytes.length) throw new ZipFormatError('damaged central directory');
      const name = bytes.toString('utf8', p + 46, p + 46 + nameLength);
      if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff || localHeaderOffset === 0xffffffff) {
        // ZIP64 extra field: the 8-byte values appear in this order, only for the fields that overflowed.
        let e = p + 46 + nameLength;
        const end = e + extraLength;
        while (e + 4 <= end) {
          const id = bytes.readUInt16LE(e);
          const size = bytes.readUInt16LE(e + 2);
          if (id === 0x0001) {
            let q = e + 4;
            if (uncompressedSize === 0xffffffff) {
              uncompressedSize = Number(bytes.readBigUInt64LE(q));
              q += 8;
            }
            if (compressedSize === 0xffffffff) {
              compressedSize = Number(bytes.readBigUInt64LE(q));
              q += 8;
            }
            if (localHeaderOffset === 0xffffffff) {
              localHeaderOffset = Number(bytes.readBigUInt64LE(q));
            }
            break;
          }
          e += 4 + size;
        }
      }
      this.entries.set(name.replace(/\\/g, '/'), { name, method, crc, compressedSize, uncompressedSize, localHeaderOffset });
      p += 46 + nameLength + extraLength + commentLength;
    }
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** Every member's name as the directory lists it ("/"-separated). */
  names(): string[] {
    return [...this.entries.keys()];
  }

  /**
   * The member's bytes, or null when it is absent. Throws ZipFormatError when it is damaged (a
   * CRC-32 or size that disagrees with the directory, a stream that does not inflate), inflates
   * to more than `maxBytes`, or would take the archive past its total.
   */
  read(name: string, maxBytes: number): Buffer | null {
    const entry = this.entries.get(name);
    if (!entry) return null;
    const p = entry.localHeaderOffset;
    if (p + 30 > this.bytes.length || this.bytes.readUInt32LE(p) !== LOCAL_SIGNATURE) {
      throw new ZipFormatError(`damaged member ${name} (no local header)`);
    }
    const start = p + 30 + this.bytes.readUInt16LE(p + 26) + this.bytes.readUInt16LE(p + 28);
    const end = start + entry.compressedSize;
    if (end > this.bytes.length) throw new ZipFormatError(`truncated member ${name}`);
    const data = this.bytes.subarray(start, end);
    const budget = Math.min(maxBytes, this.maxTotalBytes - this.inflated);
    let out: Buffer;
    if (entry.method === 0) {
      out = data;
    } else if (entry.method === 8) {
      out = inflate(name, data, entry.uncompressedSize, budget);
    } else {
      throw new ZipFormatError(`${name} uses unsupported compression method ${entry.method}`);
    }
    if (out.length > budget) throw tooLarge(name, maxBytes, budget);
    if (out.length !== entry.uncompressedSize) {
      throw new ZipFormatError(`damaged member ${name} (${out.length} bytes, the directory says ${entry.uncompressedSize})`);
    }
    if (crc32(out) >>> 0 !== entry.crc) throw new ZipFormatError(`damaged member ${name} (CRC-32 check failed)`);
    this.inflated += out.length;
    return out;
  }
}

function inflate(name: string, data: Buffer, claimed: number, budget: number): Buffer {
  if (budget <= 0) throw tooLarge(name, budget, budget);
  try {
    // One output chunk of the size the directory announces saves thousands of 16 KB chunks and
    // their concatenation. The claim is believed only as far as the compressed bytes actually
    // present could inflate, so a lying header cannot make us allocate.
    const bound = Math.min(claimed, data.length * MAX_DEFLATE_RATIO + 1024, budget);
    const chunkSize = Math.max(64 * 1024, bound + 1024);
    return inflateRawSync(data, { maxOutputLength: budget, chunkSize });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge(name, budget, budget);
    throw new ZipFormatError(`damaged member ${name} (${(error as Error).message})`);
  }
}

function tooLarge(name: string, maxBytes: number, budget: number): ZipFormatError {
  const limit = Math.max(0, Math.min(maxBytes, budget));
  const error = new ZipFormatError(`${name} would inflate past ${Math.round(limit / 1024 / 1024)} MB`);
  error.tooLarge = true;
  return error;
}

export function findEndOfCentralDirectory(bytes: Buffer): number {
  // The record is 22 bytes plus a comment of up to 65,535 bytes, at the very end.
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let p = bytes.length - 22; p >= lowest; p--) {
    if (bytes.readUInt32LE(p) === EOCD_SIGNATURE) return p;
  }
  throw new ZipFormatError('not a zip archive (no end of central directory)');
}

function readZip64Directory(bytes: Buffer, eocd: number): { count: number; offset: number } {
  const locator = eocd - 20;
  if (locator < 0 || bytes.readUInt32LE(locator) !== ZIP64_EOCD_LOCATOR_SIGNATURE) {
    throw new ZipFormatError('damaged zip64 directory');
  }
  const record = Number(bytes.readBigUInt64LE(locator + 8));
  if (record + 56 > bytes.length || bytes.readUInt32LE(record) !== ZIP64_EOCD_SIGNATURE) {
    throw new ZipFormatError('damaged zip64 directory');
  }
  return { count: Number(bytes.readBigUInt64LE(record + 32)), offset: Number(bytes.readBigUInt64LE(record + 48)) };
}
