import { defineConfig } from 'vitest/config';

/**
 * `npm run test:unit`: the tests that need no browser, Redis, database or OCR model — pure functions and
 * data, a few seconds in all. No global setup, so nothing is started. `npm test` (and CI) still runs every
 * test, these included. A file belongs here only while it starts nothing.
 */
export default defineConfig({
  test: {
    include: [
      'test/forms/**/*.test.ts',
      'test/lib/logger.test.ts',
      'test/lib/sealed-box.test.ts',
      'test/lib/zip.test.ts',
      'test/ocr/fields.test.ts',
      'test/ocr/id-number.test.ts',
      'test/ocr/layout.test.ts',
      'test/ocr/licence-fields.test.ts',
      'test/ocr/value-box.test.ts',
      'test/queue/planner.test.ts',
      'test/queue/queue-options.test.ts',
      'test/cli/config.test.ts',
      'test/cli/bench.test.ts',
      'test/bots/secrets.test.ts',
      'test/bots/draft.test.ts',
      'test/bots/outputs-agree.test.ts',
      'test/sandbox/kit.test.ts',
      'test/sandbox/registration-rules.test.ts',
      'test/sandbox/form-manifests.test.ts',
      'test/server/sms-sender.test.ts',
      // Reads the PDFs back with poppler's pdftotext and pdftoppm (installed by scripts/setup.sh).
      'test/server/documents.test.ts',
    ],
    // It runs the yijian command in a child process (several seconds to start).
    exclude: ['test/forms/stats.test.ts'],
    pool: 'forks',
    // They start nothing and keep no global state: one process per worker for all of them.
    isolate: false,
    maxWorkers: 2,
    // Seconds on an idle machine; the margin is for a machine shared with other test runs.
    testTimeout: 15_000,
  },
});
