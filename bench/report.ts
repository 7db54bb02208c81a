/**
 * npm run bench:report — the satisfaction analysis report for 10,000 survey responses over 8
 * half-year periods: `qmsdoc report satisfaction` end to end in a fresh process (Node start,
 * ingest, rules, charts, PDF, workbook, atomic writes), then the same work in one process, phase
 * by phase, with every chart timed alone. Goal: under 5 s end to end; each chart under 100 ms.
 *   --responses N   (default 10000)   --periods N   (default 8)
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { reportBenchData } from './report-data.js';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) || fallback : fallback);
const responses = option('--responses', 10000);
const periods = option('--periods', 8);
const folder = await reportBenchData(responses, periods);
const here = path.dirname(fileURLToPath(import.meta.url));
const bin = path.join(here, '..', 'bin', 'qmsdoc.js');

process.stdout.write(`report benchmark: ${responses} survey responses over ${periods} periods, Node ${process.version}\n\n`);
const runs: number[] = [];
for (let i = 0; i < 3; i++) {
  const out = mkdtempSync(path.join(os.tmpdir(), 'qmsdoc-bench-report-out-'));
  const start = performance.now();
  execFileSync(process.execPath, [bin, 'report', 'satisfaction', '--input', folder, '--output', out, '--as-of', '2025-12-31'], {
    stdio: 'ignore',
    env: { ...process.env, CI: '1' },
  });
  runs.push(performance.now() - start);
  rmSync(out, { recursive: true, force: true });
}
const endToEnd = runs.sort((a, b) => a - b)[1]!;
process.stdout.write(`qmsdoc report satisfaction, end to end (median of 3): ${Math.round(endToEnd)} ms\n`);

const m = JSON.parse(execFileSync(process.execPath, [path.join(here, 'report-case.mjs'), folder], { encoding: 'utf8' }).trim()) as {
  responses: number;
  periods: number;
  checkMs: number;
  reportMs: number;
  fontsMs: number;
  charts: Record<string, { firstMs: number; steadyMs: number }>;
  pdfKB: number;
  xlsxKB: number;
  maxRssMB: number;
};
process.stdout.write(
  `in one process: ingest + rules ${m.checkMs} ms, report (model, charts, PDF, workbook) ${m.reportMs} ms; PDF ${m.pdfKB} KB, workbook ${m.xlsxKB} KB, peak RSS ${m.maxRssMB} MB\n\n`,
);
process.stdout.write(`${'chart'.padEnd(14)}${'first ms'.padStart(10)}${'steady ms'.padStart(11)}\n`);
let slowest = 0;
for (const [name, c] of Object.entries(m.charts)) {
  slowest = Math.max(slowest, c.steadyMs, c.firstMs);
  process.stdout.write(`${name.padEnd(14)}${String(c.firstMs).padStart(10)}${String(c.steadyMs).padStart(11)}\n`);
}
process.stdout.write(
  `\nchart set-up, once per process (fonts registered and parsed, chart.js loaded): ${m.fontsMs} ms\n\ngoal: end to end < 5 s — ${endToEnd < 5000 ? 'met' : 'NOT met'} (${(endToEnd / 1000).toFixed(2)} s); every chart < 100 ms — ${slowest < 100 ? 'met' : 'NOT met'} (slowest ${slowest} ms, first draw included, set-up not)\n`,
);
