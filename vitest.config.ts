import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Builds dist/ once (cached) for the tests that use the built package and its render worker.
    globalSetup: ['test/global-setup.ts'],
    // Removes each test file's temp folders after it.
    setupFiles: ['test/setup.ts'],
    // Rendering tests load fonts and build PDFs; they are slow on two cores but never timed.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
