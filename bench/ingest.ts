/**
 * npm run bench:ingest — ingest speed and memory against SheetJS and papaparse on 100,000 rows
 * per dataset. Each case runs in a fresh process (median of 3 runs) so peak RSS is its own, on
 * the compiled library (dist/), as the CLI runs it.
 *   --rows N   rows per dataset (default 100000)    --fresh   regenerate the data
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchData } from './bench-data.js';

const args = process.argv.slice(2);
const rows = Number(args[args.indexOf('--rows') + 1] ?? 100000) || 100000;
const { xlsx, csv } = await benchData(rows, args.includes('--fresh'));
const here = path.dirname(fileURLToPath(import.meta.url));

interface Measure {
  ms: number;
  rows: number;
  maxRssMB: number;
}

function measure(name: string, target: string, runs = 3): Measure {
  const results: Measure[] = [];
  for (let i = 0; i < runs; i++) {
    const out = execFileSync(process.execPath, [path.join(here, 'ingest-case.mjs'), name, target], { encoding: 'utf8' });
    results.push(JSON.parse(out.trim().split('\n').pop()!) as Measure);
  }
  results.sort((a, b) => a.ms - b.ms);
  return results[Math.floor(runs / 2)]!;
}

/** A folder holding just one file, for "one file alone" through the folder ingest. */
function alone(file: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'qmsdoc-bench-one-'));
  copyFileSync(file, path.join(dir, path.basename(file)));
  return dir;
}

const cases: [string, string, string][] = [
  ['xlsx, complaints, qmsdoc', 'qmsdoc', alone(path.join(xlsx, 'complaints.xlsx'))],
  ['xlsx, complaints, SheetJS', 'sheetjs', path.join(xlsx, 'complaints.xlsx')],
  ['xlsx, complaints, exceljs stream', 'exceljs-stream', path.join(xlsx, 'complaints.xlsx')],
  ['xlsx, orders, qmsdoc', 'qmsdoc', alone(path.join(xlsx, 'orders.xlsx'))],
  ['xlsx, orders, SheetJS', 'sheetjs', path.join(xlsx, 'orders.xlsx')],
  ['xlsx, 3 datasets, qmsdoc', 'qmsdoc', xlsx],
  ['csv, complaints, qmsdoc', 'qmsdoc', alone(path.join(csv, 'complaints.csv'))],
  ['csv, complaints, papaparse', 'papaparse', path.join(csv, 'complaints.csv')],
  ['csv, 3 datasets, qmsdoc', 'qmsdoc', csv],
];

process.stdout.write(`ingest benchmark: ${rows} rows per dataset, ${os.cpus().length} cores, Node ${process.version}\n\n`);
process.stdout.write(`${'case'.padEnd(36)}${'wall ms'.padStart(9)}${'rows/s'.padStart(11)}${'peak RSS MB'.padStart(13)}\n`);
const results = new Map<string, Measure>();
for (const [label, name, target] of cases) {
  const m = measure(name, target);
  results.set(label, m);
  process.stdout.write(
    `${label.padEnd(36)}${String(m.ms).padStart(9)}${String(Math.round((m.rows / m.ms) * 1000)).padStart(11)}${String(m.maxRssMB).padStart(13)}\n`,
  );
}

const get = (label: string): Measure => results.get(label)!;
const one = get('xlsx, complaints, qmsdoc');
const peer = get('xlsx, complaints, SheetJS');
const three = get('xlsx, 3 datasets, qmsdoc');
const csvOne = get('csv, complaints, qmsdoc');
const verdict = (ok: boolean): string => (ok ? 'met' : 'NOT met');
process.stdout.write(`
goals
  one 100k-row xlsx ≤ SheetJS time:         ${one.ms} ms vs ${peer.ms} ms — ${verdict(one.ms <= peer.ms)}
  … at ≤ half SheetJS's memory:              ${one.maxRssMB} MB vs ${peer.maxRssMB} MB — ${verdict(one.maxRssMB * 2 <= peer.maxRssMB)}
  three datasets ≤ 1.3× one file's time:     ${three.ms} ms = ${(three.ms / one.ms).toFixed(2)}× — ${verdict(three.ms <= 1.3 * one.ms)}
  100k-row CSV < 2 s:                        ${csvOne.ms} ms — ${verdict(csvOne.ms < 2000)}
`);
