// One CLI run in its own process, so its peak RSS is its own (worker threads included):
// `qmsdoc <args…>` through the CLI entry on the compiled library (dist/), timed from the call of
// main() to its return (the process start is measured separately, as the --help case).
//   node bench/cli-case.mjs <qmsdoc arguments…>
// Prints one JSON line: {"ms": …, "cpuMs": …, "maxRssMB": …, "load": …}.
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { main } from '../dist/cli/main.js';

const args = process.argv.slice(2);
let stderr = '';
const cpu = process.cpuUsage();
const start = performance.now();
const code = await main(args, { stdout: () => undefined, stderr: (t) => (stderr += t) });
const ms = performance.now() - start;
const used = process.cpuUsage(cpu);
if (code !== 0) throw new Error(`qmsdoc ${args[0]} failed (${code}): ${stderr}`);
process.stdout.write(
  `${JSON.stringify({ ms: Math.round(ms), cpuMs: Math.round((used.user + used.system) / 1000), maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024), load: Number(os.loadavg()[0].toFixed(1)) })}\n`,
);
