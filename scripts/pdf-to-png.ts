/**
 * Rasterises PDF pages to PNG for looking at them: npx tsx scripts/pdf-to-png.ts FILE.pdf [OUT_DIR] [--scale 2]
 * Writes OUT_DIR/<name>-p<N>.png for every page.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { openPdf, pageToPng } from '../test/helpers/pdf.js';

const args = process.argv.slice(2);
const file = args[0];
if (!file) throw new Error('usage: pdf-to-png FILE.pdf [OUT_DIR] [--scale N]');
const outDir = args[1] && !args[1].startsWith('--') ? args[1] : path.dirname(file);
const scale = args.includes('--scale') ? Number(args[args.indexOf('--scale') + 1]) : 2;
const bytes = readFileSync(file);
const doc = await openPdf(bytes);
mkdirSync(outDir, { recursive: true });
for (let i = 1; i <= doc.numPages; i++) {
  const out = path.join(outDir, `${path.basename(file, '.pdf')}-p${i}.png`);
  writeFileSync(out, await pageToPng(bytes, i, scale));
  process.stdout.write(`${out}\n`);
}
