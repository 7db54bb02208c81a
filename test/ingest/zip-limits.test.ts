import { describe, expect, it } from 'vitest';
import { ZipArchive } from '../../src/zip/zip-archive.js';
import { zipArchive, dosDateOf } from '../../src/zip/zip-writer.js';
import { ingestFolder } from '../../src/ingest/ingest-folder.js';
import { formatFileProblem } from '../../src/issues/input-messages.js';
import { handWrittenXlsx, tempFolder, testConfig } from '../helpers/fixtures.js';

describe('zip members are verified and bounded', () => {
  it('a directory that claims ~1 GB for a few bytes is a damaged member, read without allocating the claim', () => {
    const archive = zipArchive([{ name: 'a.xml', data: Buffer.from('<a/>') }], '2025-01-01');
    const c = archive.indexOf('PK\u0001\u0002');
    archive.writeUInt32LE(1_000_000_000, c + 24);
    const before = process.memoryUsage().arrayBuffers;
    expect(() => new ZipArchive(archive).read('a.xml', 1 << 30)).toThrow('damaged member a.xml (4 bytes, the directory says 1000000000)');
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(64 * 1024 * 1024);
  });

  it('a CRC-32 that disagrees with the data is a damaged member', () => {
    const archive = zipArchive([{ name: 'a.xml', data: Buffer.from('<a>hello</a>') }], '2025-01-01');
    const c = archive.indexOf('PK\u0001\u0002');
    archive.writeUInt32LE((archive.readUInt32LE(c + 16) ^ 1) >>> 0, c + 16);
    expect(() => new ZipArchive(archive).read('a.xml', 1 << 20)).toThrow('damaged member a.xml (CRC-32 check failed)');
  });

  it('caps what all members of one archive inflate to together', () => {
    const zeros = Buffer.alloc(3 * 1024 * 1024);
    const archive = zipArchive(
      [
        { name: 'a', data: zeros },
        { name: 'b', data: zeros },
      ],
      '2025-01-01',
    );
    const zip = new ZipArchive(archive, 5 * 1024 * 1024);
    expect(zip.read('a', 1 << 30)!.length).toBe(zeros.length);
    expect(() => zip.read('b', 1 << 30)).toThrow('b would inflate past 2 MB');
  });

  it('a workbook inflating past limits.inflatedMegabytes stops the run with a message naming file and setting', () => {
    const sheet = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${' '.repeat(3 * 1024 * 1024)}</sheetData></worksheet>`;
    const input = tempFolder({ 'bomb.xlsx': zipArchive([...storedMembers(handWrittenXlsx(sheet))], '2025-01-01') });
    const result = ingestFolder(input, testConfig({ limits: { inflatedMegabytes: 2 } }));
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]!.code).toBe('workbook_too_large');
    expect(formatFileProblem(result.problems[0]!, 'en')).toBe(
      'bomb.xlsx: inflates past the limit (xl/worksheets/sheet1.xml would inflate past 2 MB) and was not read; it may be a hostile file (a "zip bomb"); if it is genuine, raise limits.inflatedMegabytes in the configuration or split the file',
    );
  });

  it('stamps zip dates only within what the DOS date field holds', () => {
    expect(dosDateOf('2025-12-31')).toBe((45 << 9) | (12 << 5) | 31);
    expect(dosDateOf('2099-12-31')).toBe((119 << 9) | (12 << 5) | 31);
    expect(dosDateOf('2108-01-01')).toBe((127 << 9) | (12 << 5) | 31);
    expect(dosDateOf('1900-01-01')).toBe((0 << 9) | (1 << 5) | 1);
  });
});

/** The members of a stored zip, for re-zipping them deflated. */
function* storedMembers(zip: Buffer): Generator<{ name: string; data: Buffer }> {
  const archive = new ZipArchive(zip);
  for (const name of archive.names()) yield { name, data: archive.read(name, 1 << 30)! };
}
