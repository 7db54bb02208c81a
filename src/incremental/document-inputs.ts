import type { Summary } from '../model/summary.js';

/**
 * The summary as the documents made from it see it: without the SHA-256 of each input file.
 * summary.json and manifest.json carry those hashes; no report or workbook prints them, and with
 * them in the key every edit of any ledger made every summary document "changed" (a new
 * description of one complaint re-rendered the management review, the audit readiness report
 * and findings.xlsx, to the same bytes). The documents are rendered from this very object, so
 * nothing they print can be missing from their key.
 */
export function summaryForDocuments(summary: Summary): Summary {
  return { ...summary, inputs: summary.inputs.map((input) => ({ ...input, sha256: '' })) };
}
