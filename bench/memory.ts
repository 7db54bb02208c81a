/**
 * npm run bench:memory — peak memory of a check (read, rules, summary.json, findings.xlsx) on a
 * ledger of non-standard orders none of which has a review date: about four findings per order.
 *   --orders N   orders in the ledger (default 250000, about 1,000,000 findings)
 *   --stage summary   stop after summary.json (leave findings.xlsx out)
 * Goal (issue 16): 1,000,000 findings complete under 1.5 GB peak resident memory.
 * Measured (2 shared cores, load ~18, Node 20): before findings.xlsx was streamed the run died in
 * the rules (a stack overflow spreading 250k findings; with that fixed it peaked at 1439 MB);
 * now 1237 MB peak — what stays is the records (~350 MB after reading) and the findings with
 * summary.json's copy of them (~480 MB more); writing summary.json and findings.xlsx adds
 * almost nothing to what remains resident.
 */
import { execFileSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { once } from 'node:events';

const args = process.argv.slice(2);
const orders = Number(args[args.indexOf('--orders') + 1] ?? 250000) || 250000;
const stage = args.includes('--stage') ? String(args[args.indexOf('--stage') + 1]) : 'all';
const here = path.dirname(fileURLToPath(import.meta.url));
const folder = path.join(os.tmpdir(), `qmsdoc-bench-memory-${orders}`);
const file = path.join(folder, 'orders.csv');
if (!existsSync(file)) {
  mkdirSync(folder, { recursive: true });
  process.stderr.write(`generating ${file} …\n`);
  const stream = createWriteStream(file);
  stream.write('订单号,客户名称,产品名称,订单日期,产品类别,数量,交货日期,评审日期,签订日期\n');
  for (let i = 0; i < orders; i++) {
    const month = String((i % 12) + 1).padStart(2, '0');
    const day = String((i % 28) + 1).padStart(2, '0');
    if (
      !stream.write(
        `HT-${String(i).padStart(7, '0')},客户${i % 997},非标零件${i % 31},2025-${month}-${day},非标,${(i % 500) + 1},2026-01-${day},,2025-${month}-${day}\n`,
      )
    )
      await once(stream, 'drain');
  }
  stream.end();
  await once(stream, 'finish');
}
const out = mkdtempSync(path.join(os.tmpdir(), 'qmsdoc-bench-memory-out-'));
const line = execFileSync(process.execPath, [path.join(here, 'memory-case.mjs'), folder, out, stage], { encoding: 'utf8', maxBuffer: 1 << 20 });
const m = JSON.parse(line.trim()) as { findings: number; orders: number; peakMb: number; [k: string]: unknown };
process.stdout.write(`memory benchmark: ${m.orders} orders, ${m.findings} findings, Node ${process.version}\n${JSON.stringify(m, null, 2)}\n`);
process.stdout.write(`peak resident memory ${m.peakMb} MB (goal for 1,000,000 findings: under 1536 MB: ${m.peakMb < 1536 ? 'met' : 'NOT met'})\n`);
