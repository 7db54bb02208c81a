// One build benchmark case in its own process, so its peak RSS is its own (worker threads
// included): `qmsdoc build` through the CLI entry, on the compiled library (dist/).
//   node bench/build-case.mjs <input> <output> <as-of> [--no-filled-forms]
// Prints one JSON line: {"ms": …, "maxRssMB": …, "files": …}.
import { performance } from 'node:perf_hooks';
import { main } from '../dist/cli/main.js';

const [input, output, asOf, ...rest] = process.argv.slice(2);
if (!input || !output || !asOf) throw new Error('usage: build-case <input> <output> <as-of> [--no-filled-forms]');
let stderr = '';
const start = performance.now();
const code = await main(['build', '--input', input, '--output', output, '--as-of', asOf, ...rest], { stdout: () => undefined, stderr: (t) => (stderr += t) });
const ms = performance.now() - start;
if (code !== 0) throw new Error(`build failed (${code}): ${stderr}`);
process.stdout.write(`${JSON.stringify({ ms: Math.round(ms), maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024) })}\n`);
