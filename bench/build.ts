/**
 * npm run bench:build — the build against the check, side by side in one run, each case in a
 * fresh process (so peak RSS is its own, worker threads included), with the machine's load
 * average beside each figure (a shared machine makes every figure slower; the ratios, measured in
 * the same run, move less):
 *   (a) bundled sample: full build (clean) ÷ check                        goal ≤ 8
 *   (b) bundled sample: rebuild after changing one complaint row ÷ check   goal ≤ 2
 *   (c) 100k rows × 3: build --no-filled-forms ÷ ingest of the folder      goal ≤ 2
 *   (d) 100k rows: three-file folder ingest ÷ one-file ingest              goal ≤ 1.3
 *   (e) 100k rows × 3: peak RSS of the build                               goal < 1 GB
 *   (f) `qmsdoc --help` ÷ bare `node -e 0` (process start to exit)         goal ≤ 2
 * Options: --rows N (default 100000) · --runs N light cases (default 3, median) · --heavy-runs N
 * the 100k cases (default 1: they take minutes) · --no-100k (the sample and start-up cases only).
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { benchData } from './bench-data.js';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) || fallback : fallback);
const rows = option('--rows', 100000);
const runs = option('--runs', 3);
const heavyRuns = option('--heavy-runs', 1);
const big = !args.includes('--no-100k');
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.join(here, '..');
const sample = path.join(root, 'input');
const scratch = mkdtempSync(path.join(os.tmpdir(), 'qmsdoc-bench-build-'));

interface Measure {
  ms: number;
  maxRssMB: number;
  /** One-minute load average when the case started. */
  load: number;
  cpuMs?: number;
  files?: number;
  bytes?: number;
}

const load = () => Number(os.loadavg()[0]!.toFixed(1));

function median(run: () => Measure, n: number): Measure {
  const results = Array.from({ length: n }, run).sort((a, b) => a.ms - b.ms);
  return results[Math.floor(n / 2)]!;
}

function filesUnder(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.parentPath.includes('.qmsdoc')) continue;
    files++;
    bytes += statSync(path.join(entry.parentPath, entry.name)).size;
  }
  return { files, bytes };
}

/** `qmsdoc <args>` in a fresh process, timed inside it (bench/cli-case.mjs). */
function cli(cliArgs: string[]): Measure {
  const at = load();
  const line = execFileSync(process.execPath, [path.join(here, 'cli-case.mjs'), ...cliArgs], {
    encoding: 'utf8',
    env: { ...process.env, CI: '1' },
    maxBuffer: 1 << 26,
  });
  return { ...(JSON.parse(line.trim().split('\n').pop()!) as Measure), load: at };
}

function freshOut(): string {
  return mkdtempSync(path.join(scratch, 'out-'));
}

/** A build into `out` (a fresh folder unless given: a clean build), removed afterwards unless given. */
function build(input: string, asOf: string, extra: string[] = [], out?: string): Measure {
  const folder = out ?? freshOut();
  try {
    return { ...cli(['build', '--input', input, '--output', folder, '--as-of', asOf, ...extra]), ...filesUnder(folder) };
  } finally {
    if (out === undefined) rmSync(folder, { recursive: true, force: true });
  }
}

function ingestAlone(input: string): Measure {
  const at = load();
  const line = execFileSync(process.execPath, [path.join(here, 'ingest-case.mjs'), 'qmsdoc', input], { encoding: 'utf8' });
  return { ...(JSON.parse(line.trim().split('\n').pop()!) as Measure), load: at };
}

/** Wall time of a whole process, start to exit. */
function processTime(argv: string[]): Measure {
  const at = load();
  const start = performance.now();
  execFileSync(process.execPath, argv, { encoding: 'utf8' });
  return { ms: Math.round(performance.now() - start), maxRssMB: 0, load: at };
}

/** The sample with one complaint's description changed (one row of one ledger). */
async function changeOneComplaint(input: string, text: string): Promise<void> {
  const file = path.join(input, '客户投诉台账2025上半年.xlsx');
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  book.getWorksheet('1-6月')!.getCell('I4').value = text;
  await book.xlsx.writeFile(file);
}

process.stdout.write(
  `build benchmark: ${os.cpus().length} cores, Node ${process.version}; load average now ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}\n\n`,
);
process.stdout.write(
  `${'case'.padEnd(52)}${'wall ms'.padStart(9)}${'CPU ms'.padStart(9)}${'peak RSS MB'.padStart(13)}${'files'.padStart(7)}${'load'.padStart(6)}\n`,
);
const line = (label: string, m: Measure) =>
  process.stdout.write(
    `${label.padEnd(52)}${String(m.ms).padStart(9)}${String(m.cpuMs ?? '').padStart(9)}${String(m.maxRssMB || '').padStart(13)}${String(m.files ?? '').padStart(7)}${m.load.toFixed(1).padStart(6)}\n`,
  );

// The sample: check, full build, rebuild after one changed row.
const sampleAsOf = '2025-12-31';
const check = median(() => cli(['check', '--input', sample, '--as-of', sampleAsOf]), runs);
line('sample: check', check);
const full = median(() => build(sample, sampleAsOf), runs);
line('sample: build (clean, all filled forms)', full);
const lean = median(() => build(sample, sampleAsOf, ['--no-filled-forms']), runs);
line('sample: build --no-filled-forms (clean)', lean);
const rebuilds: Measure[] = [];
for (let i = 0; i < runs; i++) {
  const input = mkdtempSync(path.join(scratch, 'in-'));
  cpSync(sample, input, { recursive: true });
  // The first build reads exceljs's copy of the workbook, so the one cell below is the only change.
  await changeOneComplaint(input, '运输途中跌落，外壳变形');
  const out = freshOut();
  cli(['build', '--input', input, '--output', out, '--as-of', sampleAsOf]);
  await changeOneComplaint(input, `运输途中跌落，外壳变形（第 ${i + 1} 次修改）`);
  rebuilds.push(build(input, sampleAsOf, [], out));
}
const rebuild = rebuilds.sort((a, b) => a.ms - b.ms)[Math.floor(runs / 2)]!;
line('sample: rebuild after one complaint row changed', rebuild);

// Start-up: the CLI's help against a bare node.
const bare = median(() => processTime(['-e', '0']), runs);
line('node -e 0', bare);
const help = median(() => processTime([path.join(root, 'bin', 'qmsdoc.js'), '--help']), runs);
line('qmsdoc --help', help);

// 100k rows per dataset.
let bigBuild: Measure | null = null;
let bigIngest: Measure | null = null;
let one: Measure | null = null;
let three: Measure | null = null;
if (big) {
  const { xlsx } = await benchData(rows);
  const alone = mkdtempSync(path.join(scratch, 'one-'));
  copyFileSync(path.join(xlsx, 'complaints.xlsx'), path.join(alone, 'complaints.xlsx'));
  one = median(() => ingestAlone(alone), heavyRuns);
  line(`ingest: one file, ${rows} complaints`, one);
  three = median(() => ingestAlone(xlsx), heavyRuns);
  line(`ingest: three files, ${rows} rows each`, three);
  bigIngest = three;
  bigBuild = median(() => build(xlsx, '2025-06-30', ['--no-filled-forms']), heavyRuns);
  line(`build --no-filled-forms, ${rows} rows × 3`, bigBuild);
}
rmSync(scratch, { recursive: true, force: true });

const ratio = (label: string, a: Measure, b: Measure, goal: number) => {
  const cpu = a.cpuMs !== undefined && b.cpuMs !== undefined ? `${(a.cpuMs / b.cpuMs).toFixed(2)}×`.padStart(9) : ''.padStart(9);
  process.stdout.write(`  ${label.padEnd(58)}${(a.ms / b.ms).toFixed(2).padStart(7)}×${cpu}  goal ≤ ${goal}  ${a.ms / b.ms <= goal ? 'met' : 'NOT met'}\n`);
};
process.stdout.write(`\nratios, same run${' '.repeat(46)}wall      CPU\n`);
ratio('(a) sample full build ÷ sample check', full, check, 8);
ratio('(b) rebuild after one complaint row ÷ sample check', rebuild, check, 2);
if (bigBuild && bigIngest) ratio(`(c) ${rows} × 3 build --no-filled-forms ÷ ingest`, bigBuild, bigIngest, 2);
if (one && three) ratio('(d) three-file folder ingest ÷ one-file ingest', three, one, 1.3);
if (bigBuild)
  process.stdout.write(
    `  ${'(e) peak RSS of the 100k × 3 build'.padEnd(58)}${String(bigBuild.maxRssMB).padStart(7)} MB  goal < 1024  ${bigBuild.maxRssMB < 1024 ? 'met' : 'NOT met'}\n`,
  );
ratio('(f) qmsdoc --help ÷ node -e 0 (process start to exit)', help, bare, 2);
process.stdout.write('CPU ms counts every thread of the process; on a busy machine it moves less than wall time.\n');
