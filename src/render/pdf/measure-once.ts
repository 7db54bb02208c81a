import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The parts of pdfmake's DocPreprocessor and DocMeasure this module wraps. */
interface PreprocessorLike {
  preprocessDocument(docStructure: object): object;
}
interface MeasureLike {
  measureDocument(docStructure: object): object;
}
/** A measured text node: pdfmake's layout consumes `_inlines` (and cuts long ones) as it places lines. */
interface MeasuredLeaf {
  _inlines: object[];
}

/** Per document (the definition pdfmake was given): its preprocessed and measured structure, and each text node's inlines as measured. */
const preprocessed = new WeakMap<object, object>();
const measured = new WeakMap<object, { leaves: [MeasuredLeaf, object[]][] }>();

let applied = false;

/**
 * Measure once, then break. pdfmake's pageBreakBefore hook (keepHeadingsWithNext) moves one heading
 * at a time, and each move makes pdfmake lay the whole document out again — preprocessing and
 * measuring every text and table again although nothing about their sizes changed (two thirds of
 * a layout's time). With this, a document is preprocessed and measured once: a second layout pass
 * of the same definition gets the measured structure back, with each text node's inlines restored
 * as measured (the layout takes them off one by one), and only places it again. The bytes are
 * those of pdfmake's own passes (test/render/measure-once.test.ts compares them).
 */
export function measureOnce(): void {
  if (applied) return;
  applied = true;
  const Preprocessor = (require('pdfmake/js/DocPreprocessor.js') as { default: { prototype: PreprocessorLike } }).default;
  const Measure = (require('pdfmake/js/DocMeasure.js') as { default: { prototype: MeasureLike } }).default;
  const preprocess = Preprocessor.prototype.preprocessDocument;
  Preprocessor.prototype.preprocessDocument = function preprocessOnce(this: PreprocessorLike, docStructure: object): object {
    const done = preprocessed.get(docStructure);
    if (done !== undefined && enabled) return done;
    const result = preprocess.call(this, docStructure);
    preprocessed.set(docStructure, result);
    return result;
  };
  const measure = Measure.prototype.measureDocument;
  Measure.prototype.measureDocument = function measureDocumentOnce(this: MeasureLike, docStructure: object): object {
    const done = measured.get(docStructure);
    if (done !== undefined && enabled) {
      passesReused++;
      for (const [leaf, inlines] of done.leaves) leaf._inlines = inlines.map((inline) => ({ ...inline }));
      return docStructure;
    }
    const result = measure.call(this, docStructure);
    const leaves: [MeasuredLeaf, object[]][] = [];
    collectLeaves(result, leaves, new Set());
    measured.set(result, { leaves });
    return result;
  };
}

let enabled = true;
let passesReused = 0;

/** Layout passes that reused a measurement so far in this process (the tests check that some did). */
export function measuredPassesReused(): number {
  return passesReused;
}

/** Off: every layout pass preprocesses and measures again, as pdfmake does (for the comparison test). */
export function setMeasureOnce(on: boolean): void {
  enabled = on;
}

/** Every node under `node` holding measured inlines, with copies of them as measured. */
function collectLeaves(node: unknown, out: [MeasuredLeaf, object[]][], seen: Set<object>): void {
  if (typeof node !== 'object' || node === null || seen.has(node)) return;
  seen.add(node);
  if (Array.isArray(node)) {
    for (const child of node) collectLeaves(child, out, seen);
    return;
  }
  // Only plain objects are document nodes: fonts, images and other class instances are not walked.
  const proto = Object.getPrototypeOf(node) as unknown;
  if (proto !== Object.prototype && proto !== null) return;
  const record = node as Record<string, unknown>;
  if (Array.isArray(record._inlines)) out.push([record as unknown as MeasuredLeaf, (record._inlines as object[]).map((inline) => ({ ...inline }))]);
  for (const [key, value] of Object.entries(record)) {
    if (key === '_inlines' || key === 'positions' || key === 'nodeInfo') continue;
    collectLeaves(value, out, seen);
  }
}
