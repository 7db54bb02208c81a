// The memory benchmark's measurement, on the compiled library (dist/):
//   node bench/memory-case.mjs <input folder> <output folder>
// Runs what `qmsdoc check` does (read, rules, summary.json, findings.xlsx) and prints one JSON line
// with the finding count, the times and the peak resident memory of the process.
import { performance } from 'node:perf_hooks';
import { resolveConfig } from '../dist/config/resolve-config.js';
import { ingestFolder } from '../dist/ingest/ingest-folder.js';
import { checkRecords, emitCheck } from '../dist/pipeline/check.js';
import { createFileWriter } from '../dist/emit/output-writer.js';
import { renderFindingsWorkbook } from '../dist/render/excel/findings-workbook.js';
import { headlineOf } from '../dist/compute/headline.js';

const [folder, out, stage = 'all'] = process.argv.slice(2);
const resolved = resolveConfig(undefined, '.');
if (!resolved.ok) throw new Error('default configuration is invalid');
const config = resolved.config;
const times = {};
let t = performance.now();
const ingest = ingestFolder(folder, config);
times.ingestMs = Math.round(performance.now() - t);
t = performance.now();
const result = checkRecords(ingest, { config, asOf: '2026-06-30', lang: 'zh' });
times.rulesMs = Math.round(performance.now() - t);
const writer = createFileWriter(out);
t = performance.now();
emitCheck(result, writer);
times.summaryMs = Math.round(performance.now() - t);
if (stage === 'all') {
  t = performance.now();
  writer.write('findings.xlsx', renderFindingsWorkbook({ summary: result.summary, headline: headlineOf(result.summary, config), config, lang: 'zh' }));
  times.workbookMs = Math.round(performance.now() - t);
}
const peakMb = Math.round(process.resourceUsage().maxRSS / 1024);
process.stdout.write(`${JSON.stringify({ findings: result.summary.findings.length, orders: ingest.orders.length, ...times, peakMb, files: writer.written.map((f) => [f.path, f.bytes]) })}\n`);
