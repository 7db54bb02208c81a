// The check benchmark's measurement, on the compiled library (dist/):
//   node --expose-gc bench/check-case.mjs <folder>
// Ingests the folder and runs the rules three times; prints the medians as one JSON line.
import { performance } from 'node:perf_hooks';
import { resolveConfig } from '../dist/config/resolve-config.js';
import { ingestFolder } from '../dist/ingest/ingest-folder.js';
import { checkRecords } from '../dist/pipeline/check.js';

const folder = process.argv[2];
const resolved = resolveConfig(undefined, '.');
if (!resolved.ok) throw new Error('default configuration is invalid');
const config = resolved.config;
const ingestTimes = [];
const ruleTimes = [];
let findings = 0;
for (let i = 0; i < 3; i++) {
  globalThis.gc?.();
  let t = performance.now();
  const ingest = ingestFolder(folder, config);
  ingestTimes.push(performance.now() - t);
  t = performance.now();
  const result = checkRecords(ingest, { config, asOf: '2026-06-30', lang: 'zh' });
  ruleTimes.push(performance.now() - t);
  findings = result.summary.findings.length;
}
const median = (xs) => xs.sort((a, b) => a - b)[1];
process.stdout.write(`${JSON.stringify({ ingestMs: Math.round(median(ingestTimes)), rulesMs: Math.round(median(ruleTimes)), findings })}\n`);
