import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Builds dist/ once (cached) for the tests that use the built package and its render worker,
    // and gives the run its one shared build of the sample (test/helpers/sample-build.ts).
    globalSetup: ['test/global-setup.ts'],
    // Removes each test file's temp folders after it.
    setupFiles: ['test/setup.ts'],
    // Two files at a time on two cores (vitest's default is one fewer than the cores): most test
    // files run in one thread, and one waiting for the shared build leaves a core to the others.
    maxWorkers: 2,
    // Test files share a worker's loaded modules (fonts, pdfjs, exceljs are loaded once per
    // worker, not per file): no test changes a module's state for the next file — no mocks, no
    // globals; each file's temp folders are its own (test/setup.ts).
    isolate: false,
    // Rendering tests load fonts and build PDFs; they are slow on two cores but never timed.
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
