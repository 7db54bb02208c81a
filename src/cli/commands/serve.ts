import { CliError } from '../../issues/cli-error.js';
import { UsageError } from '../usage-error.js';
import type { CliIo } from '../main.js';
import { cliText } from '../cli-text.js';
import { asOfOption, langOption, parseOptions, stringOption } from '../options.js';

const DEFAULT_PORT = 4310;

/** `qmsdoc serve`: the workbench in the browser, until Ctrl+C. */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const values = parseOptions(argv, {
    input: { type: 'string' },
    output: { type: 'string' },
    port: { type: 'string' },
    'as-of': { type: 'string' },
    lang: { type: 'string' },
  });
  const portText = stringOption(values.port);
  const port = portText === undefined ? DEFAULT_PORT : Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('port', { value: String(portText) });
  const lang = langOption(values.lang) ?? 'zh';
  const fixedAsOf = values['as-of'] === undefined ? null : asOfOption(values['as-of']);
  const { startWorkbench } = await import('../../server/start-workbench.js');
  let running;
  try {
    running = await startWorkbench({
      input: stringOption(values.input) ?? 'input',
      output: stringOption(values.output) ?? 'output',
      port,
      fallbackPort: portText === undefined,
      asOf: fixedAsOf,
      lang,
      today: () => asOfOption(undefined),
      now: () => new Date(),
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new CliError(cliText(lang)('error.portInUse', { port }));
    throw error;
  }
  io.stdout(`${cliText(lang)('serveRunning', { url: running.url })}\n`);
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await running.close();
  return 0;
}
