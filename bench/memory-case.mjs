// The memory benchmark's measurement, on the compiled library (dist/):
//   node bench/memory-case.mjs <input folder> <output folder> [all|summary]
// Runs what `qmsdoc check` does (read, rules, summary.json, findings.xlsx streamed to disk) and
// prints one JSON line with the finding count, the times, the resident memory after each stage
// (what the stage leaves held) and the peak resident memory of the process.
import { performance } from 'node:perf_hooks';
import { resolveConfig } from '../dist/config/resolve-config.js';
import { ingestFolder } from '../dist/ingest/ingest-folder.js';
import { checkRecords, emitCheck, emitFindingsWorkbook } from '../dist/pipeline/check.js';
import { createFileWriter } from '../dist/emit/output-writer.js';

const [folder, out, stage = 'all'] = process.argv.slice(2);
const resolved = resolveConfig(undefined, '.');
if (!resolved.ok) throw new Error('default configuration is invalid');
const config = resolved.config;
const times = {};
const rssAfterMb = {};
const mb = (bytes) => Math.round(bytes / 1048576);
const after = (name, t) => {
  times[`${name}Ms`] = Math.round(performance.now() - t);
  rssAfterMb[name] = mb(process.memoryUsage().rss);
};
let t = performance.now();
const ingest = ingestFolder(folder, config);
after('ingest', t);
t = performance.now();
const result = checkRecords(ingest, { config, asOf: '2026-06-30', lang: 'zh' });
after('rules', t);
const writer = createFileWriter(out);
t = performance.now();
emitCheck(result, writer);
after('summary', t);
if (stage === 'all') {
  t = performance.now();
  await emitFindingsWorkbook(result, config, 'zh', writer);
  after('workbook', t);
}
const peakMb = Math.round(process.resourceUsage().maxRSS / 1024);
process.stdout.write(
  `${JSON.stringify({ findings: result.summary.findings.length, orders: ingest.orders.length, ...times, rssAfterMb, peakMb, files: writer.written.map((f) => [f.path, f.bytes]) })}\n`,
);
