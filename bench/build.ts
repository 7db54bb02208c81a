/**
 * npm run bench:build — `qmsdoc build` end to end: on 100,000 rows per dataset without the
 * per-record filled forms (--no-filled-forms), beside the ingest of the same folder alone, and
 * on the bundled sample with and without the filled forms. Each case runs in a fresh process
 * (median of 3) so peak RSS is its own, worker threads included.
 * Goal: the 100k build within 2× the ingest time alone, under 1 GB.
 *   --rows N   rows per dataset (default 100000)    --as-of DATE (default 2025-06-30)
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchData } from './bench-data.js';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => (args.includes(name) ? (args[args.indexOf(name) + 1] ?? fallback) : fallback);
const rows = Number(option('--rows', '100000')) || 100000;
const asOf = option('--as-of', '2025-06-30');
const { xlsx } = await benchData(rows);
const here = path.dirname(fileURLToPath(import.meta.url));
const sample = path.join(here, '..', 'input');

interface Measure {
  ms: number;
  maxRssMB: number;
  files?: number;
  bytes?: number;
}

function median(run: () => Measure, runs = 3): Measure {
  const results = Array.from({ length: runs }, run).sort((a, b) => a.ms - b.ms);
  return results[Math.floor(runs / 2)]!;
}

function filesUnder(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    files++;
    bytes += statSync(path.join(entry.parentPath, entry.name)).size;
  }
  return { files, bytes };
}

function build(input: string, date: string, extra: string[]): Measure {
  const out = mkdtempSync(path.join(os.tmpdir(), 'qmsdoc-bench-build-'));
  try {
    const line = execFileSync(process.execPath, [path.join(here, 'build-case.mjs'), input, out, date, ...extra], { encoding: 'utf8', env: { ...process.env, CI: '1' } });
    return { ...(JSON.parse(line.trim().split('\n').pop()!) as Measure), ...filesUnder(out) };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

function ingestAlone(input: string): Measure {
  const line = execFileSync(process.execPath, [path.join(here, 'ingest-case.mjs'), 'qmsdoc', input], { encoding: 'utf8' });
  return JSON.parse(line.trim().split('\n').pop()!) as Measure;
}

process.stdout.write(`build benchmark: ${rows} rows per dataset (xlsx), as of ${asOf}; ${os.cpus().length} cores, Node ${process.version}\n\n`);
process.stdout.write(`${'case'.padEnd(44)}${'wall ms'.padStart(9)}${'peak RSS MB'.padStart(13)}${'files'.padStart(7)}${'MB out'.padStart(8)}\n`);
const line = (label: string, m: Measure) =>
  process.stdout.write(`${label.padEnd(44)}${String(m.ms).padStart(9)}${String(m.maxRssMB).padStart(13)}${String(m.files ?? '').padStart(7)}${(m.bytes === undefined ? '' : (m.bytes / 1048576).toFixed(1)).padStart(8)}\n`);

const ingest = median(() => ingestAlone(xlsx));
line(`ingest alone, ${rows} rows × 3 datasets`, ingest);
const big = median(() => build(xlsx, asOf, ['--no-filled-forms']));
line(`build --no-filled-forms, ${rows} rows × 3`, big);
const sampleLean = median(() => build(sample, '2025-12-31', ['--no-filled-forms']));
line('build --no-filled-forms, bundled sample', sampleLean);
const sampleFull = median(() => build(sample, '2025-12-31', []));
line('build, bundled sample (all filled forms)', sampleFull);

const ratio = big.ms / ingest.ms;
process.stdout.write(
  `\ngoal: 100k build within 2× ingest — ${ratio <= 2 ? 'met' : 'NOT met'} (${ratio.toFixed(2)}×); under 1 GB — ${big.maxRssMB < 1024 ? 'met' : 'NOT met'} (${big.maxRssMB} MB)\n`,
);
