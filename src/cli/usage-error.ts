import { CliError } from '../issues/cli-error.js';
import type { Lang } from '../model/lang.js';
import { type MessageKey, type MessageValues, messages } from '../text/messages.js';

/** The keys of templates/messages/usage-errors.<lang>.json. */
export type UsageKey = MessageKey<typeof import('../../templates/messages/usage-errors.zh.json', { with: { type: 'json' }})>;

/**
 * A command line written wrong (an unknown option, a date that is not one). Thrown where the
 * options are read, often before --lang is: the message is kept as its key and values and said
 * in the run's language when printed (`in`); `message` is the English text, for logs.
 */
export class UsageError extends CliError {
  constructor(
    readonly key: UsageKey,
    readonly values: MessageValues = {},
  ) {
    super(usageText(key, values, 'en'));
    this.name = 'UsageError';
  }

  in(lang: Lang): string {
    return usageText(this.key, this.values, lang);
  }
}

function usageText(key: UsageKey, values: MessageValues, lang: Lang): string {
  return messages<UsageKey>('usage-errors', lang)(key, values);
}

/** The language a command line asks for (--lang en / --lang=en), else Chinese — for its usage errors. */
export function langOfArgv(argv: readonly string[]): Lang {
  const at = argv.indexOf('--lang');
  const value = at >= 0 ? argv[at + 1] : argv.find((a) => a.startsWith('--lang='))?.slice('--lang='.length);
  return value === 'en' ? 'en' : 'zh';
}

/** node:util parseArgs's error as a UsageError naming the option (its own message is English prose). */
export function parseArgsFailure(error: unknown, help: string): UsageError {
  const code = (error as { code?: unknown }).code;
  const message = (error as Error).message.split('\n')[0] ?? '';
  const quoted = /'([^']*)'/.exec(message)?.[1] ?? '';
  const option = quoted.replace(/ <value>$/, '');
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return new UsageError('unknownOption', { option, help });
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return new UsageError('unexpected', { value: quoted, help });
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    return new UsageError(/does not take an argument/.test(message) ? 'notAValue' : 'missingValue', { option, help });
  }
  return new UsageError('badOption', { detail: message, help });
}
