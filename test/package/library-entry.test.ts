import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { runCheck } from '../../src/pipeline/check.js';
import { ROOT } from '../helpers/built-package.js';
import { tempFolder } from '../helpers/fixtures.js';

const SAMPLE = path.join(ROOT, 'input');
const ORDERS = '订单号,客户名称,产品名称,接单日期,产品类别\nSO-1,甲,轴,2025-01-02,标准\nSO-2,,轴,2025-01-03,标准\n';

/** A project folder whose node_modules holds qmsdoc as an installed package (the repo, built by the global setup). */
function userProject(files: Record<string, string>): string {
  const project = tempFolder(files);
  mkdirSync(path.join(project, 'node_modules'));
  symlinkSync(ROOT, path.join(project, 'node_modules', 'qmsdoc'), 'dir');
  return project;
}

/** Runs a user's script with the environment a user has (not the tests' QMSDOC_WORKER and QMSDOC_THREADS). */
const node = (cwd: string, file: string) => {
  const { QMSDOC_THREADS: _threads, QMSDOC_WORKER: _worker, ...env } = process.env;
  return execFileSync(process.execPath, [file], { cwd, encoding: 'utf8', env });
};

describe('qmsdoc imported as a package', () => {
  it('runs the check and a build through the public entry, with the results the sources give', () => {
    const small = tempFolder({ 'orders.csv': ORDERS });
    const out = tempFolder();
    const project = userProject({
      'user.mjs': `
        import { runCheck, build, loadConfig } from 'qmsdoc';
        const { config } = loadConfig(${JSON.stringify(path.join(SAMPLE, 'qmsdoc.config.json'))});
        const check = runCheck({ input: ${JSON.stringify(SAMPLE)}, config, asOf: '2025-12-31', lang: 'en' });
        const built = await build({ input: ${JSON.stringify(small)}, output: ${JSON.stringify(out)}, asOf: '2025-12-31', filledForms: false });
        let deep = 'importable';
        await import('qmsdoc/dist/pipeline/build.js').catch((e) => { deep = e.code; });
        process.stdout.write(JSON.stringify({ summary: check.summary, written: built.written.map((w) => w.path), orders: built.check.ingest.orders.length, deep }));
      `,
    });
    const result = JSON.parse(node(project, 'user.mjs')) as { summary: unknown; written: string[]; orders: number; deep: string };
    const { config } = loadConfig(path.join(SAMPLE, 'qmsdoc.config.json'));
    expect(JSON.parse(JSON.stringify(runCheck({ input: SAMPLE, config, asOf: '2025-12-31', lang: 'en' }).summary))).toEqual(result.summary);
    // SO-2 lacks its customer, a required value: an input error, not a record.
    expect(result.orders).toBe(1);
    expect(result.written).toContain('summary.json');
    expect(result.written).toContain('manifest.json');
    expect(result.written.filter((f) => /^forms\/[^/]+\/[^/]+\.pdf$/.test(f) && !f.startsWith('forms/blank/'))).toEqual([]);
    expect(readdirSync(out)).toContain('findings.xlsx');
    // Only the entry is public: internals are not importable by path.
    expect(result.deep).toBe('ERR_PACKAGE_PATH_NOT_EXPORTED');
  });

  it('gives TypeScript users the types of the API (records, findings, summary)', () => {
    const project = userProject({
      'user.ts': `
        import { runCheck, build, loadConfig, type Summary, type Finding, type Complaint, type BuildOutcome } from 'qmsdoc';
        const { config } = loadConfig(null);
        const summary: Summary = runCheck({ input: 'in', config, asOf: '2025-12-31', lang: 'zh' }).summary;
        const findings: readonly Finding[] = runCheck({ input: 'in', config, asOf: '2025-12-31', lang: 'zh' }).rules.findings;
        const first: Complaint | undefined = runCheck({ input: 'in', config, asOf: '2025-12-31', lang: 'zh' }).ingest.complaints[0];
        const later: Promise<BuildOutcome> = build({ input: 'in', output: 'out', asOf: '2025-12-31' });
        // @ts-expect-error asOf is required
        void build({ input: 'in', output: 'out' });
        export { summary, findings, first, later };
      `,
      'tsconfig.json': JSON.stringify({
        compilerOptions: {
          strict: true,
          module: 'nodenext',
          moduleResolution: 'nodenext',
          target: 'es2022',
          noEmit: true,
          typeRoots: [path.join(ROOT, 'node_modules', '@types')],
          types: ['node'],
          skipLibCheck: true,
        },
        files: ['user.ts'],
      }),
    });
    writeFileSync(path.join(project, 'package.json'), '{"type":"module"}');
    const tsc = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    expect(() => execFileSync(process.execPath, [tsc, '-p', project], { cwd: project, encoding: 'utf8' })).not.toThrow();
  });
});
