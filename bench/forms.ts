/**
 * npm run bench:forms — 1,000 filled one-page complaint records, one PDF each, plus the combined
 * PDF, on the compiled library in a fresh process: once on one thread (QMSDOC_THREADS=1), once
 * with the default worker threads. Goal: at least 60 forms per second, under 800 MB.
 *   --count N   records (default 1000)
 */
import { execFileSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const count = Number(args[args.indexOf('--count') + 1] ?? 1000) || 1000;
const here = path.dirname(fileURLToPath(import.meta.url));

interface Measure {
  forms: number;
  perRecordMs: number;
  combinedMs: number;
  totalMs: number;
  megabytes: number;
  maxRssMB: number;
}

function measure(threads: string | undefined): Measure {
  const env = { ...process.env };
  if (threads) env.QMSDOC_THREADS = threads;
  else delete env.QMSDOC_THREADS;
  return JSON.parse(execFileSync(process.execPath, [path.join(here, 'forms-case.mjs'), String(count)], { encoding: 'utf8', env }).trim()) as Measure;
}

process.stdout.write(
  `forms benchmark: ${count} one-page complaint records and their combined PDF, ${availableParallelism()} cores, Node ${process.version}\n\n`,
);
process.stdout.write(
  `${'threads'.padEnd(22)}${'records ms'.padStart(11)}${'combine ms'.padStart(12)}${'forms/s'.padStart(9)}${'ms/form'.padStart(9)}${'RSS MB'.padStart(8)}${'MB out'.padStart(8)}\n`,
);
let best = 0;
let rss = 0;
for (const [label, threads] of [
  ['1 (QMSDOC_THREADS=1)', '1'],
  ['default (workers)', undefined],
] as const) {
  const m = measure(threads);
  const perSecond = (m.forms / m.totalMs) * 1000;
  if (threads === undefined) {
    best = perSecond;
    rss = m.maxRssMB;
  }
  process.stdout.write(
    `${label.padEnd(22)}${String(m.perRecordMs).padStart(11)}${String(m.combinedMs).padStart(12)}${perSecond.toFixed(1).padStart(9)}${(m.totalMs / m.forms).toFixed(1).padStart(9)}${String(m.maxRssMB).padStart(8)}${String(m.megabytes).padStart(8)}\n`,
  );
}
process.stdout.write(
  `\ngoal: ≥ 60 forms/s including the combined PDF — ${best >= 60 ? 'met' : 'NOT met'} (${best.toFixed(1)}); < 800 MB — ${rss < 800 ? 'met' : 'NOT met'} (${rss} MB)\n`,
);
