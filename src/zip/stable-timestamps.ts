import { findEndOfCentralDirectory } from './zip-archive.js';

/**
 * Sets every member's modification time in a zip (an .xlsx written by exceljs stamps "now") to
 * midnight of `date`, so the same inputs and --as-of give byte-identical files. Patches the
 * buffer in place and returns it.
 */
export function stabiliseZipTimestamps(zip: Buffer, date: string): Buffer {
  const year = Number(date.slice(0, 4));
  const dosDate = ((year - 1980) << 9) | (Number(date.slice(5, 7)) << 5) | Number(date.slice(8, 10));
  const eocd = findEndOfCentralDirectory(zip);
  const count = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  for (let i = 0; i < count; i++) {
    zip.writeUInt16LE(0, p + 12);
    zip.writeUInt16LE(dosDate, p + 14);
    const local = zip.readUInt32LE(p + 42);
    zip.writeUInt16LE(0, local + 10);
    zip.writeUInt16LE(dosDate, local + 12);
    p += 46 + zip.readUInt16LE(p + 28) + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
  }
  return zip;
}
