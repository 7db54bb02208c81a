import { readdirSync } from 'node:fs';
import path from 'node:path';
import { main } from '../../src/cli/main.js';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the qmsdoc CLI in this process, as a user would type `qmsdoc <argv>`, capturing what it prints. */
export async function run(argv: readonly string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main([...argv], { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

/**
 * Every file under `root`, relative and with forward slashes, sorted. Symbolic links are listed,
 * never followed (a link planted in an output folder must not lead the test elsewhere).
 */
export function filesUnder(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => !entry.isDirectory())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}
