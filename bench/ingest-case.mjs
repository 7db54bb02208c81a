// One ingest benchmark case in its own process, so its peak RSS is its own. Plain JavaScript on
// the compiled library (dist/), as users run it:
//   node bench/ingest-case.mjs <case> <file-or-folder>
// Prints one JSON line: {"ms": …, "rows": …, "maxRssMB": …}.
import { readFileSync, statSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import * as XLSX from 'xlsx';
import { resolveConfig } from '../dist/config/resolve-config.js';
import { ingestFolder } from '../dist/ingest/ingest-folder.js';

const [name, target] = process.argv.slice(2);
if (!name || !target) throw new Error('usage: ingest-case <case> <path>');

async function run() {
  switch (name) {
    case 'qmsdoc': {
      const resolved = resolveConfig(undefined, '.');
      if (!resolved.ok) throw new Error('config');
      const result = ingestFolder(target, resolved.config);
      return result.orders.length + result.complaints.length + result.surveys.length;
    }
    case 'sheetjs': {
      const wb = XLSX.read(readFileSync(target), { type: 'buffer', cellDates: true });
      let rows = 0;
      for (const sheetName of wb.SheetNames) rows += XLSX.utils.sheet_to_json(wb.Sheets[sheetName], { header: 1 }).length;
      return rows;
    }
    case 'exceljs-stream': {
      let rows = 0;
      const reader = new ExcelJS.stream.xlsx.WorkbookReader(target, { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit' });
      for await (const sheet of reader) for await (const _row of sheet) rows++;
      return rows;
    }
    case 'papaparse': {
      const text = new TextDecoder('utf-8').decode(readFileSync(target));
      return Papa.parse(text, { skipEmptyLines: false }).data.length;
    }
    default:
      throw new Error(`unknown case ${name}`);
  }
}

statSync(target);
const cpu = process.cpuUsage();
const start = performance.now();
const rows = await run();
const ms = performance.now() - start;
const used = process.cpuUsage(cpu);
process.stdout.write(
  `${JSON.stringify({ ms: Math.round(ms), cpuMs: Math.round((used.user + used.system) / 1000), rows, maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024) })}\n`,
);
