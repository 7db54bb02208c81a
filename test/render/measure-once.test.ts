import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/resolve-config.js';
import { createMemoryWriter } from '../../src/emit/output-writer.js';
import { emitAuditReadiness, emitComplaintPacks, emitManagementReview, runCheck } from '../../src/pipeline.js';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { measuredPassesReused, setMeasureOnce } from '../../src/render/pdf/measure-once.js';

/** Every report of the bundled sample (monthly packs of every month), rendered in this thread. */
async function reports(): Promise<Map<string, Buffer>> {
  const input = path.join(PACKAGE_ROOT, 'input');
  const resolved = resolveConfig(JSON.parse(readFileSync(path.join(input, 'qmsdoc.config.json'), 'utf8')), input);
  if (!resolved.ok) throw new Error('sample config');
  const options = { config: resolved.config, lang: 'zh' as const, asOf: '2025-12-31' };
  const result = runCheck({ input, ...options });
  const writer = createMemoryWriter();
  const report = { ...options, logo: null, logoBytes: null };
  await emitManagementReview(result, report, writer);
  await emitAuditReadiness(result, report, writer);
  await emitComplaintPacks(result, { ...report, months: ['2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06', '2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12'] }, writer);
  return writer.files;
}

describe('measure once, then break', () => {
  it('lays a report out again after a moved heading without measuring it again, to the same bytes', async () => {
    setMeasureOnce(false);
    const measuredEachPass = await reports();
    setMeasureOnce(true);
    const before = measuredPassesReused();
    const measuredOnce = await reports();
    // Some heading of the sample's reports does move (else this test proves nothing).
    expect(measuredPassesReused()).toBeGreaterThan(before);
    expect([...measuredOnce.keys()]).toEqual([...measuredEachPass.keys()]);
    for (const [file, bytes] of measuredEachPass) expect(measuredOnce.get(file)!.equals(bytes), file).toBe(true);
  }, 300_000);
});
