import { execFile } from 'node:child_process';
import { closeSync, cpSync, existsSync, openSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { inject } from 'vitest';
import { ROOT } from './built-package.js';

declare module 'vitest' {
  interface ProvidedContext {
    /** The folder test/global-setup.ts made for this run's one build of the bundled sample (see sampleBuild). */
    sampleBuildRoot: string;
  }
}

/** The bundled sample built once per test run: `qmsdoc build --input <input> --output <output> --as-of 2025-12-31`. */
export interface SampleBuild {
  /** A copy of the repository's input/ folder the build read. */
  readonly input: string;
  /** The build's output folder. Read only: a test that changes it works on its own copy. */
  readonly output: string;
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export const SAMPLE_AS_OF = '2025-12-31';

/** The result of the build, written when it ends; every test file waiting for it reads this. */
const RESULT = 'result.json';
/** Taken (exclusive create) by the first test file that asks for the build: that one runs it. */
const CLAIM = 'claimed';

function runBuiltCli(input: string, output: string): Promise<Omit<SampleBuild, 'input' | 'output'>> {
  const cli = path.join(ROOT, 'bin', 'qmsdoc.js');
  // Rendered in the CLI's own thread (QMSDOC_THREADS=1, see test/global-setup.ts): other test
  // files use the other core, and render workers would each load the fonts again (a third more
  // CPU time). The worker path is tested in test/workers and by the workbench's build.
  const { QMSDOC_WORKER: _worker, ...env } = process.env;
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [cli, 'build', '--input', input, '--output', output, '--as-of', SAMPLE_AS_OF],
      { env, maxBuffer: 1 << 26, encoding: 'utf8' },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
        resolve({ code, stdout, stderr: error !== null && code === -1 ? `${stderr}${error.message}` : stderr });
      },
    );
  });
}

let memo: Promise<SampleBuild> | null = null;

/**
 * The bundled sample built by the built CLI, once per `vitest run` whichever test files ask for
 * it: the first to ask builds (the others wait for its result file), so a run of test files that
 * never ask pays nothing. Tests that only read a build of the sample use this one; a test that
 * needs a build of changed input makes its own, as small as shows the behaviour.
 */
export function sampleBuild(): Promise<SampleBuild> {
  memo ??= (async () => {
    const root = inject('sampleBuildRoot');
    const input = path.join(root, 'input');
    const output = path.join(root, 'output');
    const result = path.join(root, RESULT);
    let claimed = false;
    try {
      closeSync(openSync(path.join(root, CLAIM), 'wx'));
      claimed = true;
    } catch {
      // Another test file is building; wait for its result below.
    }
    if (claimed) {
      cpSync(path.join(ROOT, 'input'), input, { recursive: true });
      const ran = await runBuiltCli(input, output);
      writeFileSync(`${result}.partial`, JSON.stringify(ran));
      renameSync(`${result}.partial`, result);
    }
    while (!existsSync(result)) await new Promise((resolve) => setTimeout(resolve, 200));
    const ran = JSON.parse(readFileSync(result, 'utf8')) as Omit<SampleBuild, 'input' | 'output'>;
    return { input, output, ...ran };
  })();
  return memo;
}
