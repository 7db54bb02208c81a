/**
 * Lays PDF pages side by side in one PNG, to look over a whole report at once:
 * npx tsx scripts/contact-sheet.ts FILE.pdf OUT.png [--from N] [--count 6] [--scale 0.6]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { openPdf, pageToPng } from '../test/helpers/pdf.js';

const [file, out] = process.argv.slice(2);
if (!file || !out) throw new Error('usage: contact-sheet FILE.pdf OUT.png [--from N] [--count N] [--scale S]');
const option = (name: string, fallback: number) => (process.argv.includes(name) ? Number(process.argv[process.argv.indexOf(name) + 1]) : fallback);
const bytes = readFileSync(file);
const doc = await openPdf(bytes);
const from = option('--from', 1);
const count = Math.min(option('--count', 6), doc.numPages - from + 1);
const scale = option('--scale', 0.6);
const pages = [];
for (let i = from; i < from + count; i++) pages.push(await loadImage(await pageToPng(bytes, i, scale)));
const w = pages[0]!.width;
const h = pages[0]!.height;
const columns = Math.min(count, 3);
const rows = Math.ceil(count / columns);
const canvas = createCanvas(columns * (w + 8), rows * (h + 8));
const ctx = canvas.getContext('2d');
ctx.fillStyle = '#888';
ctx.fillRect(0, 0, canvas.width, canvas.height);
pages.forEach((p, i) => ctx.drawImage(p, (i % columns) * (w + 8), Math.floor(i / columns) * (h + 8)));
writeFileSync(out, canvas.toBuffer('image/png'));
