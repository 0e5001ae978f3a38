import { defineConfig } from 'vitest/config';
import { LongestFirstSequencer, SLOW_FILES } from './test/support/sequencer.ts';

/**
 * Files that keep a process of their own: the end-to-end files (whole installations, worker processes
 * killed on purpose) and the slow files (SLOW_FILES: they are started first, and their start-up is a small
 * share of them). Every other file shares a process with the files run before it on the same worker
 * (`isolate: false`): Playwright, sharp, PGlite, the OCR runtime and our own modules are imported once per
 * worker instead of once per file. Such a file must close what it opens and leave no global state behind
 * (environment variables, mocks, fake timers, listeners on `process`).
 */
const ALONE = ['test/e2e/**/*.test.ts', ...Object.keys(SLOW_FILES)];

/**
 * Files at once. The suite waits far more than it computes (portals' latency and approval delays, queue
 * retries, countdowns): two end-to-end files side by side used a third of one core. Four files kept two cores
 * busy on one machine, but starved the bot files' waits on another (docs/testing.md): two is the default that
 * passes on both; `YIJIAN_TEST_WORKERS` sets another number.
 */
const WORKERS = Math.max(1, Math.floor(Number(process.env.YIJIAN_TEST_WORKERS)) || 2);

/**
 * A test's time limit only ends a hang: nothing here asserts speed. A bot filing that takes 20 s alone took
 * over 30 s beside three end-to-end files on a loaded 2-core machine, so the limits leave twice that.
 */
const EACH_FILE = {
  pool: 'forks',
  maxWorkers: WORKERS,
  testTimeout: 60_000,
  hookTimeout: 120_000,
} as const;

export default defineConfig({
  test: {
    // Once for the whole run (not per project): Redis, the PGlite template, PostgreSQL.
    globalSetup: ['test/support/global-setup.ts'],
    maxWorkers: WORKERS,
    // Longest first, so that the workers finish together (docs/testing.md).
    sequence: { sequencer: LongestFirstSequencer },
    projects: [
      { test: { ...EACH_FILE, name: 'alone', include: ALONE, isolate: true } },
      {
        test: {
          ...EACH_FILE,
          name: 'shared',
          include: ['test/**/*.test.ts'],
          exclude: ALONE,
          isolate: false,
        },
      },
    ],
  },
});
