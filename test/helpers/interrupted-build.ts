/**
 * A build of `out` through the real output transaction, killed with SIGKILL at the named moment
 * (after file N, after the manifest, or inside the switch) — run as a child process by
 * test/emit/output-folder.test.ts. Arguments: out, the moment ("none" to finish), a version text.
 */
import { createHash } from 'node:crypto';
import { openBuildFolder } from '../../src/emit/output-folder.js';

const [out, killAt, version] = process.argv.slice(2) as [string, string, string];
const kill = (moment: string) => {
  if (moment === killAt) process.kill(process.pid, 'SIGKILL');
};
const folder = openBuildFolder(out);
for (let i = 0; i < 12; i++) {
  folder.writer.write(`forms/record/${i}.txt`, `${version} record ${i}\n`);
  kill(`file-${i}`);
}
folder.writer.write('summary.json', JSON.stringify({ version }));
const outputs = folder.writer.written.map((f) => ({ path: f.path, sha256: f.sha256 }));
folder.writer.write('manifest.json', JSON.stringify({ tool: { name: 'qmsdoc' }, version, outputs }));
kill('manifest');
folder.commit({ afterStep: kill });
process.stdout.write(createHash('sha256').update(version).digest('hex'));
