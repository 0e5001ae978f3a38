import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { StepRecord } from '../bots/item-runner.ts';
import { botRuns } from '../store/bot-runs.repo.ts';
import type { Db } from '../store/db.ts';

/**
 * Where a run's evidence lives: DATA_DIR/evidence/<run id>/ holds a screenshot per step and the Playwright
 * trace; the store keeps paths relative to DATA_DIR so the folder can move with its database.
 */
export class RunEvidence {
  readonly dir: string;
  /** Steps recorded so far: numbers the screenshot files in the order of the run's steps. */
  #steps = 0;

  constructor(
    private readonly db: Db,
    private readonly dataDir: string,
    readonly runId: number,
  ) {
    this.dir = join(dataDir, 'evidence', String(runId));
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
  }

  get tracePath(): string {
    return join(this.dir, 'trace.zip');
  }

  relative(path: string): string {
    return relative(this.dataDir, path);
  }

  /** Records a finished step; resolves to its number in the run. */
  async step(record: StepRecord): Promise<number> {
    this.#steps += 1;
    let screenshotPath: string | null = null;
    if (record.screenshot) {
      const file = join(
        this.dir,
        `${String(this.#steps).padStart(2, '0')}-${slug(record.name)}.${imageExtension(record.screenshot)}`,
      );
      writeFileSync(file, record.screenshot, { mode: 0o600 });
      // Where the picture showed sensitive values (boxes only, no values): lets anyone check the masks held.
      if (record.masking) writeFileSync(maskingPath(file), JSON.stringify(record.masking), { mode: 0o600 });
      screenshotPath = this.relative(file);
    }
    await botRuns.addStep(this.db, this.runId, {
      name: record.name,
      status: record.status,
      startedAt: record.startedAt,
      durationMs: Math.round(record.durationMs),
      screenshotPath,
      note: record.note ?? null,
    });
    return this.#steps;
  }

  saveImage(name: string, image: Buffer): string {
    const file = join(this.dir, `${slug(name)}.${imageExtension(image)}`);
    writeFileSync(file, image, { mode: 0o600 });
    return this.relative(file);
  }
}

// Step names are Chinese ("填写基本信息"); keep them readable in file names but safe on any file system.
const slug = (name: string) => name.replace(/[^\p{L}\p{N}-]+/gu, '-').slice(0, 40) || 'step';

/** The file extension an image's bytes call for (step screenshots are JPEG, CAPTCHA pictures PNG). */
const imageExtension = (image: Buffer) => (image[0] === 0xff && image[1] === 0xd8 ? 'jpg' : 'png');

/** The file beside a step's screenshot listing the places it masked by text (`01-登录.jpg` → `01-登录.masks.json`). */
export const maskingPath = (screenshot: string) => screenshot.replace(/\.(jpg|png)$/, '.masks.json');
