import { CliError } from '../issues/cli-error.js';
import { langOfArgv, UsageError } from './usage-error.js';
import { packageVersion } from '../paths.js';
import { messages, type MessageKey } from '../text/messages.js';

/** Where a command prints; tests pass their own. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

const PROCESS_IO: CliIo = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
};

interface CommandModule {
  run(argv: readonly string[], io: CliIo): Promise<number>;
}

/** Commands as data, loaded only when called, so `check` never loads the PDF or chart libraries. */
const COMMANDS: Readonly<Record<CommandName, () => Promise<CommandModule>>> = {
  build: () => import('./commands/build.js'),
  check: () => import('./commands/check.js'),
  report: () => import('./commands/report.js'),
  due: () => import('./commands/due.js'),
  serve: () => import('./commands/serve.js'),
  init: () => import('./commands/init.js'),
  forms: () => import('./commands/forms.js'),
};

type CommandName = 'build' | 'check' | 'report' | 'due' | 'serve' | 'init' | 'forms';
const isCommand = (name: string): name is CommandName => Object.hasOwn(COMMANDS, name);

/** The keys of templates/messages/help.<lang>.json. */
type HelpKey = MessageKey<typeof import('../../templates/messages/help.zh.json', { with: { type: 'json' }})>;

/** Help is for whoever types the command, before any --lang: Chinese first, English below (help.*.json, plain texts). */
const zh = messages<HelpKey>('help', 'zh');
const en = messages<HelpKey>('help', 'en');

function helpText(): string {
  const lines = [`qmsdoc — ${zh('title')} (ISO 9001)`, `         ${en('title')}`, '', `${zh('usage')} / ${en('usage')}: qmsdoc <command> [options]`, ''];
  for (const name of Object.keys(COMMANDS) as CommandName[])
    lines.push(`  ${name.padEnd(7)} ${zh(`command.${name}`)}`, `  ${''.padEnd(7)} ${en(`command.${name}`)}`);
  lines.push('', `qmsdoc <command> --help  ${zh('options')} / ${en('options')}`, 'qmsdoc --version');
  return `${lines.join('\n')}\n`;
}

/** Runs the command line; returns the exit status (0 done, 1 --fail-on reached, 2 could not run). */
export async function main(argv: readonly string[], io: CliIo = PROCESS_IO): Promise<number> {
  const [name, ...rest] = argv;
  const debug = argv.includes('--debug');
  try {
    if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
      io.stdout(helpText());
      return name === undefined ? 2 : 0;
    }
    if (name === '--version' || name === '-v') {
      io.stdout(`${packageVersion()}\n`);
      return 0;
    }
    if (!isCommand(name)) throw new UsageError('unknownCommand', { value: name });
    if (rest.includes('--help') || rest.includes('-h')) {
      io.stdout(`${zh(`usageOf.${name}`)}\n${en(`usageOf.${name}`)}\n`);
      return 0;
    }
    const module = await COMMANDS[name]();
    return await module.run(
      rest.filter((a) => a !== '--debug'),
      io,
    );
  } catch (error) {
    if (error instanceof CliError) {
      io.stderr(`qmsdoc: ${error instanceof UsageError ? error.in(langOfArgv(argv)) : error.message}\n`);
      return error.exitCode;
    }
    io.stderr(`qmsdoc: unexpected error: ${(error as Error)?.message ?? String(error)}\n`);
    if (debug) io.stderr(`${(error as Error)?.stack ?? ''}\n`);
    else io.stderr('qmsdoc: run again with --debug for details, and please report it\n');
    return 2;
  }
}
