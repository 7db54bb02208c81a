import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Rendering tests load fonts and build PDFs; they are slow on two cores but never timed.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
