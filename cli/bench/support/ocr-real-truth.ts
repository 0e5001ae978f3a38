import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/**
 * Ground truth of one real photo, as printed on the document (docs/ocr.md, "Real-image benchmark"):
 *   { "kind": "licence" | "id-card", "fields": { key: "as printed" }, "absent": [keys the format does not print] }
 * A field printed but not legible in the photo is in neither list and is not scored.
 */
export const RealTruthSchema = z.object({
  kind: z.enum(['licence', 'id-card']),
  /** sha256 of the image, for truth kept apart from the images (test/fixtures/ocr-real-truth). */
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
  licenceFormat: z.string().optional(),
  fields: z.record(z.string(), z.string()),
  absent: z.array(z.string()).default([]),
});
export type RealTruth = z.infer<typeof RealTruthSchema>;

/** Truth kept in the repository for the developers' dev set, found by the image's own hash. */
const KEPT = fileURLToPath(new URL('../../../test/fixtures/ocr-real-truth/', import.meta.url));

export interface RealSample {
  image: string;
  name: string;
  truth: RealTruth;
}

/**
 * The images of `dir` with their truth: `NAME.json` beside `NAME.jpg`, else in `truthDir`, else a kept truth
 * file whose sha256 is the image's. Images without truth are skipped and named in `missing`.
 */
export function loadRealSamples(
  dir: string,
  truthDir?: string,
): { samples: RealSample[]; missing: string[] } {
  const kept = new Map<string, RealTruth>();
  if (existsSync(KEPT)) {
    for (const file of readdirSync(KEPT).filter((f) => f.endsWith('.json'))) {
      const truth = RealTruthSchema.parse(JSON.parse(readFileSync(join(KEPT, file), 'utf8')));
      if (truth.sha256) kept.set(truth.sha256, truth);
    }
  }
  const samples: RealSample[] = [];
  const missing: string[] = [];
  const images = readdirSync(dir)
    .filter((f) => /\.(jpe?g|png|webp)$/i.test(f))
    .sort();
  for (const file of images) {
    const name = basename(file).replace(/\.[^.]+$/, '');
    const image = join(dir, file);
    const beside = [join(dir, `${name}.json`), ...(truthDir ? [join(truthDir, `${name}.json`)] : [])].find(
      (path) => existsSync(path),
    );
    let truth: RealTruth | undefined;
    if (beside) {
      const parsed = RealTruthSchema.safeParse(JSON.parse(readFileSync(beside, 'utf8')));
      if (!parsed.success) throw new Error(`${beside}: ${parsed.error.issues[0]?.message ?? '格式不对'}`);
      truth = parsed.data;
    } else {
      truth = kept.get(createHash('sha256').update(readFileSync(image)).digest('hex'));
    }
    if (truth) samples.push({ image, name, truth });
    else missing.push(file);
  }
  return { samples, missing };
}
