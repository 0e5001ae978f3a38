import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Seconds the slow files took in a whole-suite run (four workers on two cores, nothing else running;
 * docs/testing.md keeps the table). Only their order matters: the sequencer starts the longest first, so that the workers end
 * together instead of one of them starting a four-minute file when the other is nearly done. A file that
 * takes half a minute or more belongs here; it then also runs in a process of its own (vitest.config.ts).
 */
export const SLOW_FILES: Readonly<Record<string, number>> = {
  'test/cli/bench-bots-quick.test.ts': 194,
  'test/e2e/faults.test.ts': 184,
  'test/e2e/chaos.test.ts': 136,
  'test/cli/bench-ocr-real.test.ts': 120,
  'test/bots/fire-safety.test.ts': 106,
  'test/cli/bench-e2e-quick.test.ts': 86,
  'test/cli/start.test.ts': 85,
  'test/server/desk-live.browser.test.ts': 83,
  'test/e2e/restaurant-application.test.ts': 76,
  'test/ocr/reader-pool.test.ts': 71,
  'test/e2e/reference-application.test.ts': 64,
  'test/cli/users-running.test.ts': 60,
  'test/ocr/real-licence.test.ts': 57,
  'test/bots/market-regulation.test.ts': 54,
  'test/e2e/multi-process.test.ts': 46,
  'test/e2e/no-secrets.test.ts': 40,
  'test/cli/bench-ocr-quick.test.ts': 40,
  'test/cli/portals-check.test.ts': 22,
};

/** What a file missing from SLOW_FILES is taken to last: less than any listed. */
const UNLISTED_SECONDS = 20;

/**
 * Longest first, by SLOW_FILES and then by size, the same on every machine: vitest's own order would use its
 * cache of the last run's durations where there is one (never on CI's clean clone; here one that every partial
 * run on the machine rewrites, under whatever load) and file size elsewhere. Files of a project that shares
 * its processes (`isolate: false`) come after every isolated one, all together, so that each worker keeps one
 * process for them.
 */
export class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const { cache, config } = this.ctx;
    const path = (spec: TestSpecification) => relative(config.root, spec.moduleId);
    const seconds = (spec: TestSpecification) => SLOW_FILES[path(spec)] ?? UNLISTED_SECONDS;
    const size = (spec: TestSpecification) =>
      cache.getFileStats(`${spec.project.name}:${path(spec)}`)?.size ?? 0;
    const shared = (spec: TestSpecification) => spec.project.config.isolate === false;
    return [...files].sort((a, b) => {
      if (shared(a) !== shared(b)) return shared(a) ? 1 : -1;
      return seconds(b) - seconds(a) || size(b) - size(a);
    });
  }
}
