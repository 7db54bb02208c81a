/** Prints the text of a PDF's pages as tests read it: npx tsx scripts/pdf-text.ts FILE.pdf */
import { readFileSync } from 'node:fs';
import { pdfPages } from '../test/helpers/pdf.js';

const file = process.argv[2];
if (!file) throw new Error('usage: pdf-text FILE.pdf');
const pages = await pdfPages(readFileSync(file));
process.stdout.write(`${pages.map((p, i) => `--- page ${i + 1}\n${p}`).join('\n')}\n`);
