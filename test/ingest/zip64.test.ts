import { describe, expect, it } from 'vitest';
import { ZipArchive, ZipFormatError } from '../../src/zip/zip-archive.js';
import { storedZip } from '../helpers/fixtures.js';

/**
 * The archive of storedZip rewritten as a zip64 writer (Excel for large files, some libraries
 * always) would: 0xFFFF / 0xFFFFFFFF in the classic records, the real values in a zip64
 * end-of-central-directory record, and each member's local offset in a zip64 extra field.
 */
function asZip64(zip: Buffer): Buffer {
  const eocd = zip.length - 22;
  const count = zip.readUInt16LE(eocd + 10);
  const directorySize = zip.readUInt32LE(eocd + 12);
  const directoryOffset = zip.readUInt32LE(eocd + 16);
  const locals = zip.subarray(0, directoryOffset);
  const centrals: Buffer[] = [];
  let p = directoryOffset;
  for (let i = 0; i < count; i++) {
    const nameLength = zip.readUInt16LE(p + 28);
    const header = Buffer.from(zip.subarray(p, p + 46));
    const offset = header.readUInt32LE(42);
    header.writeUInt32LE(0xffffffff, 42);
    header.writeUInt16LE(12, 30);
    const extra = Buffer.alloc(12);
    extra.writeUInt16LE(0x0001, 0);
    extra.writeUInt16LE(8, 2);
    extra.writeBigUInt64LE(BigInt(offset), 4);
    centrals.push(header, zip.subarray(p + 46, p + 46 + nameLength), extra);
    p += 46 + nameLength;
  }
  const directory = Buffer.concat(centrals);
  const record = Buffer.alloc(56);
  record.writeUInt32LE(0x06064b50, 0);
  record.writeBigUInt64LE(44n, 4);
  record.writeUInt16LE(45, 12);
  record.writeUInt16LE(45, 14);
  record.writeBigUInt64LE(BigInt(count), 24);
  record.writeBigUInt64LE(BigInt(count), 32);
  record.writeBigUInt64LE(BigInt(directory.length), 40);
  record.writeBigUInt64LE(BigInt(directoryOffset), 48);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(0x07064b50, 0);
  locator.writeBigUInt64LE(BigInt(directoryOffset + directory.length), 8);
  locator.writeUInt32LE(1, 16);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(0xffff, 8);
  end.writeUInt16LE(0xffff, 10);
  end.writeUInt32LE(0xffffffff, 12);
  end.writeUInt32LE(0xffffffff, 16);
  expect(directorySize).toBeGreaterThan(0);
  return Buffer.concat([locals, directory, record, locator, end]);
}

describe('zip64 archives', () => {
  const members = { 'xl/workbook.xml': '<workbook/>', 'xl/worksheets/sheet1.xml': '<worksheet>甲</worksheet>' };

  it('reads every member through the zip64 directory and extra fields', () => {
    const zip = new ZipArchive(asZip64(storedZip(members)));
    expect(zip.read('xl/workbook.xml', 1000)?.toString('utf8')).toBe('<workbook/>');
    expect(zip.read('xl/worksheets/sheet1.xml', 1000)?.toString('utf8')).toBe('<worksheet>甲</worksheet>');
    expect(zip.has('xl/styles.xml')).toBe(false);
  });

  it('calls a zip64 archive whose locator is missing damaged', () => {
    const zip64 = asZip64(storedZip(members));
    const broken = Buffer.concat([zip64.subarray(0, zip64.length - 42), Buffer.alloc(20), zip64.subarray(zip64.length - 22)]);
    expect(() => new ZipArchive(broken)).toThrow(ZipFormatError);
    expect(() => new ZipArchive(broken)).toThrow('damaged zip64 directory');
  });
});
