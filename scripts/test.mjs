// npm test: lint and format check, then the type check and vitest side by side. The type check is one thread of
// work that the first seconds of the test run (workers starting, the shared build's child
// process) leave room for; run one after the other, it adds its whole time to every test run.
// Either failing fails the run; the type check's output is printed after the tests' own.
import { spawn } from 'node:child_process';

const bin = (name) => new URL(`../node_modules/.bin/${name}`, import.meta.url).pathname;
const run = (command, args, capture) =>
  new Promise((resolve) => {
    const child = spawn(command, args, { stdio: capture ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
    let out = '';
    if (capture) {
      child.stdout.on('data', (d) => (out += d));
      child.stderr.on('data', (d) => (out += d));
    }
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), out }));
  });

const lint = await run(bin('biome'), ['check', '--error-on-warnings'], false);
if (lint.code !== 0) process.exit(lint.code);
const typecheck = run(bin('tsc'), ['-p', 'tsconfig.json', '--incremental', '--tsBuildInfoFile', 'node_modules/.cache/qmsdoc/typecheck.tsbuildinfo'], true);
const tests = await run(bin('vitest'), ['run', ...process.argv.slice(2)], false);
const types = await typecheck;
if (types.code !== 0) process.stdout.write(`\nType check (tsc) failed:\n${types.out}`);
else process.stdout.write('\nType check (tsc): no errors.\n');
process.exit(tests.code !== 0 ? tests.code : types.code);
