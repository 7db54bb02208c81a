import { CliError } from '../issues/cli-error.js';
import { langOfArgv, UsageError } from './usage-error.js';
import { packageVersion } from '../paths.js';

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
  usage: { zh: string; en: string };
}

/** Commands as data, loaded only when called, so `check` never loads the PDF or chart libraries. */
const COMMANDS: Readonly<Record<string, { zh: string; en: string; load: () => Promise<CommandModule> }>> = {
  build: {
    zh: '主任务：检查数据，生成受控表单、报告、summary.json 和 manifest.json',
    en: 'the main job: check the data, write the controlled forms, reports, summary.json and manifest.json',
    load: () => import('./commands/build.js'),
  },
  check: {
    zh: '读取输入文件夹，检查数据，写出 summary.json 和 findings.xlsx',
    en: 'read the input folder, check the data, write summary.json and findings.xlsx',
    load: () => import('./commands/check.js'),
  },
  report: {
    zh: '单独生成一份报告：satisfaction（客户满意度分析报告）、complaints（投诉月度统计分析）、management-review（管理评审输入报告）、audit-readiness（内审准备检查报告）',
    en: 'one report on its own: satisfaction (customer satisfaction analysis), complaints (monthly complaint meeting packs), management-review (management review inputs), audit-readiness (internal-audit readiness)',
    load: () => import('./commands/report.js'),
  },
  due: {
    zh: '列出即将到期和已超期的事项：投诉各环节、措施、纠正预防措施验证（--days，默认 10 个工作日）',
    en: 'what falls due next: complaint stages, actions, CAPA verifications (--days, default 10 working days)',
    load: () => import('./commands/due.js'),
  },
  serve: {
    zh: '工作台：在浏览器中放入台账、查看问题、修改设置、生成文件（只在本机 127.0.0.1）',
    en: 'the workbench: drop the ledgers, see every gap, fix the settings, build the pack, in the browser (127.0.0.1 only)',
    load: () => import('./commands/serve.js'),
  },
  init: {
    zh: '写出空白输入模板：每类数据一个 xlsx（表头、下拉列表、日期格式、填写说明）',
    en: 'write blank input templates: one xlsx per dataset (headers, drop-downs, date formats, instructions)',
    load: () => import('./commands/init.js'),
  },
  forms: {
    zh: '打印空白受控表单（--blank）',
    en: 'blank controlled forms to print (--blank)',
    load: () => import('./commands/forms.js'),
  },
};

function helpText(): string {
  const lines = ['qmsdoc — 订单评审、客户投诉、满意度调查：从台账到受控表单和报告 (ISO 9001)', '', '用法 / Usage: qmsdoc <command> [options]', ''];
  for (const [name, c] of Object.entries(COMMANDS)) lines.push(`  ${name.padEnd(7)} ${c.zh}`, `  ${''.padEnd(7)} ${c.en}`);
  lines.push('', 'qmsdoc <command> --help  选项说明 / options', 'qmsdoc --version');
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
    const command = COMMANDS[name];
    if (!command) throw new UsageError('unknownCommand', { value: name });
    const module = await command.load();
    if (rest.includes('--help') || rest.includes('-h')) {
      io.stdout(`${module.usage.zh}\n${module.usage.en}\n`);
      return 0;
    }
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
