import ExcelJS from 'exceljs';
import { mkdtempSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { resolveConfig } from '../../src/config/resolve-config.js';
import type { Config } from '../../src/config/config.js';

export interface SheetSpec {
  readonly name: string;
  /** Row 1 first; null leaves a cell empty. */
  readonly rows: readonly (readonly ExcelJS.CellValue[])[];
  readonly merges?: readonly string[];
  /** Cell address → number format. */
  readonly formats?: Readonly<Record<string, string>>;
}

/** An .xlsx built with exceljs, as users' Excel would save it. */
export async function buildXlsx(sheets: readonly SheetSpec[], options: { date1904?: boolean; sharedStrings?: boolean } = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  if (options.date1904) wb.properties.date1904 = true;
  for (const spec of sheets) {
    const ws = wb.addWorksheet(spec.name);
    spec.rows.forEach((values, r) => {
      values.forEach((v, c) => {
        if (v !== null && v !== undefined) ws.getCell(r + 1, c + 1).value = v;
      });
    });
    for (const m of spec.merges ?? []) ws.mergeCells(m);
    for (const [address, format] of Object.entries(spec.formats ?? {})) ws.getCell(address).numFmt = format;
  }
  return Buffer.from(await wb.xlsx.writeBuffer({ useSharedStrings: options.sharedStrings ?? true } as ExcelJS.XlsxWriteOptions));
}

/** This test file's folder in the system temp folder; test/setup.ts removes it after the file. */
let tempRoot: string | null = null;

/** A new folder under this test file's temp folder, holding the given files. */
export function tempFolder(files: Readonly<Record<string, Buffer | string>> = {}): string {
  tempRoot ??= mkdtempSync(path.join(os.tmpdir(), 'qmsdoc-test-'));
  const dir = mkdtempSync(path.join(tempRoot, 'case-'));
  for (const [name, data] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), data);
  }
  return dir;
}

/** Removes every folder tempFolder made (after each test file, see test/setup.ts). */
export function removeTempFolders(): void {
  if (tempRoot !== null) rmSync(tempRoot, { recursive: true, force: true });
  tempRoot = null;
}

export function testConfig(spec?: unknown): Config {
  const result = resolveConfig(spec, process.cwd(), 'en');
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.config;
}

/**
 * A zip of uncompressed members, for hand-written xlsx parts (namespace prefixes, inline strings,
 * phonetic runs) that exceljs never writes.
 */
export function storedZip(members: Readonly<Record<string, string>>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(members)) {
    const data = Buffer.from(text, 'utf8');
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(members).length, 8);
  end.writeUInt16LE(Object.keys(members).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** A minimal xlsx package around hand-written sheet XML. */
export function handWrittenXlsx(sheetXml: string, options: { sharedStrings?: string; styles?: string; date1904?: boolean; sheetName?: string } = {}): Buffer {
  const members: Record<string, string> = {
    '[Content_Types].xml': '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    '_rels/.rels':
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8"?><x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><x:workbookPr${options.date1904 ? ' date1904="1"' : ''}/><x:sheets><x:sheet name="${options.sheetName ?? 'Sheet1'}" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>${options.sharedStrings ? '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>' : ''}${options.styles ? '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>' : ''}</Relationships>`,
    'xl/worksheets/sheet1.xml': sheetXml,
  };
  if (options.sharedStrings) members['xl/sharedStrings.xml'] = options.sharedStrings;
  if (options.styles) members['xl/styles.xml'] = options.styles;
  return storedZip(members);
}
