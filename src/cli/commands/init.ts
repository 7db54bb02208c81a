import { existsSync, linkSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { parseArgsFailure, UsageError } from '../usage-error.js';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { randomBytes } from 'node:crypto';
import { inputTemplates } from '../../init/input-templates.js';
import type { CliIo } from '../main.js';
import { cliText } from '../cli-text.js';
import { langOption } from '../options.js';
import { loadRunConfig } from '../run-context.js';

/** `qmsdoc init [DIR]`: the blank input workbooks, one per dataset. */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: { lang: { type: 'string' }, config: { type: 'string' } }, strict: true, allowPositionals: true });
  } catch (error) {
    throw parseArgsFailure(error, 'qmsdoc init --help');
  }
  if (parsed.positionals.length > 1) throw new UsageError('initOneFolder');
  const dir = parsed.positionals[0] ?? '.';
  const argLang = langOption(parsed.values.lang);
  const loaded = loadRunConfig(parsed.values.config, dir, argLang ?? 'zh');
  const lang = argLang ?? loaded.config.language;
  mkdirSync(dir, { recursive: true });
  let kept = 0;
  for (const template of inputTemplates(loaded.config, lang)) {
    const target = path.join(dir, template.fileName);
    if (writeNew(target, template.bytes)) io.stdout(`${target}\n`);
    else {
      kept++;
      io.stderr(`${cliText(lang)('error.templateExists', { target })}\n`);
    }
  }
  return kept > 0 ? 1 : 0;
}

/** Writes a file that must not exist yet, atomically: a temporary file hard-linked to its name (which fails if the name is taken). */
function writeNew(target: string, bytes: Buffer): boolean {
  if (existsSync(target)) return false;
  const temporary = `${target}.${randomBytes(6).toString('hex')}.tmp`;
  writeFileSync(temporary, bytes);
  try {
    linkSync(temporary, target);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    rmSync(temporary, { force: true });
  }
}
