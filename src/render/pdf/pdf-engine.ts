import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { applyPdfkitSpeedups, deleteVirtualFile, loadPatched, stableGlyphCodePoints, type VirtualFs } from '../library-patches.js';
import { FontSet } from './font-set.js';

type Pdfmake = typeof import('pdfmake') & { virtualfs: VirtualFs };

let engine: Pdfmake | null = null;

/**
 * pdfmake, set up once per process: the Chinese fonts in its virtual file system (parsed once,
 * see FontSet), and no access to URLs or local files — everything a document needs is handed
 * over in memory, so a template cannot make it read the disk or the network.
 */
function pdfmake(): Pdfmake {
  if (engine) return engine;
  const loaded = loadPatched<Pdfmake>('pdfmake');
  const fonts = FontSet.get();
  applyPdfkitSpeedups(fonts.files.get('sc-400.ttf')!, fonts.sampleGlyph());
  stableGlyphCodePoints(fonts.sampleGlyph());
  for (const [name, bytes] of fonts.files) loaded.virtualfs.writeFileSync(name, bytes);
  loaded.setFonts(fonts.pdfmakeFonts());
  loaded.setUrlAccessPolicy(() => false);
  loaded.setLocalAccessPolicy(() => false);
  engine = loaded;
  return engine;
}

const images = new Set<string>();

/** Adds an image (a logo, a chart) under `name`; documents refer to it as `{ image: name }`. */
export function registerImage(name: string, bytes: Buffer): void {
  pdfmake().virtualfs.writeFileSync(name, bytes);
  images.add(name);
}

/** Frees an image no document will use again (a chart of one report). */
export function releaseImage(name: string): void {
  if (!images.delete(name)) return;
  deleteVirtualFile(pdfmake().virtualfs, name);
}

/** Lays out and renders a document definition to PDF bytes. */
export async function renderPdf(definition: TDocumentDefinitions): Promise<Buffer> {
  const engine = pdfmake();
  // pdfmake finds an image in its virtual file system only through the document's images table.
  const table = Object.fromEntries([...images].map((name) => [name, name]));
  return engine.createPdf({ ...definition, images: { ...table, ...definition.images } }).getBuffer();
}
