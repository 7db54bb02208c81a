/**
 * npm run bench:check — the rules and statistics on 100,000 rows per dataset, against the ingest
 * time of the same data, on the compiled library. Goal: rules + statistics add under 20 % to the
 * ingest.   --rows N   rows per dataset (default 100000)
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchData } from './bench-data.js';

const args = process.argv.slice(2);
const rows = Number(args[args.indexOf('--rows') + 1] ?? 100000) || 100000;
const { xlsx, csv } = await benchData(rows);
const here = path.dirname(fileURLToPath(import.meta.url));

process.stdout.write(`check benchmark: ${rows} rows per dataset (orders, complaints, surveys), Node ${process.version}\n\n`);
process.stdout.write(`${'input'.padEnd(8)}${'ingest ms'.padStart(11)}${'rules+stats ms'.padStart(16)}${'added'.padStart(9)}${'findings'.padStart(10)}\n`);
for (const [label, folder] of [
  ['xlsx', xlsx],
  ['csv', csv],
] as const) {
  const out = execFileSync(process.execPath, ['--expose-gc', path.join(here, 'check-case.mjs'), folder], { encoding: 'utf8' });
  const m = JSON.parse(out.trim()) as { ingestMs: number; rulesMs: number; findings: number };
  process.stdout.write(
    `${label.padEnd(8)}${String(m.ingestMs).padStart(11)}${String(m.rulesMs).padStart(16)}${`${((m.rulesMs / m.ingestMs) * 100).toFixed(1)}%`.padStart(9)}${String(m.findings).padStart(10)}\n`,
  );
}
process.stdout.write(`
Working days are counted from a prefix sum over every day of 1900–2199 built once per run
(official holidays, adjusted working weekends, company closures): each count is two array reads,
so a 100,000-complaint run does no per-day loop however long a complaint stays open.
Goal: rules + statistics under 20 % of the ingest time.
`);
