import type { PhotoDamage } from './phone-photo.ts';
import { DESKS } from './photo-scene.ts';
import type { Rng } from './rng.ts';

/**
 * How applicants really photograph an ID card, harder than a careful phone photo: the card at any of the four
 * right angles (EXIF lost), skewed up to ±45°, seen at a slant, small on a desk or filling the frame, on wood,
 * stone, a tablecloth or a printed page, under the shadow of the hand, with the lamp's glare, out of focus or
 * smeared, a quarter of them delivered only ≈ 300–420 px wide, compressed once or twice.
 */
export function randomIdCardDamage(rng: Rng): PhotoDamage {
  const small = rng.chance(0.25);
  // Half are held roughly level, half are put down at any angle up to 45°.
  const rotationDeg = rng.chance(0.5) ? Math.max(-15, Math.min(15, rng.normal(6))) : rng.range(-45, 45);
  return {
    width: rng.int(1000, 1600),
    coverage: rng.range(0.45, 0.9),
    rotationDeg,
    perspective: rng.range(0, 0.12),
    blurSigma: rng.range(0.3, 1.6),
    noise: rng.range(2, 10),
    jpegQuality: rng.int(30, 85),
    lightFloor: rng.range(0.45, 1),
    glare: rng.chance(0.5),
    lowRes: 1,
    quarterTurns: rng.pick([0, 1, 2, 3] as const),
    desk: rng.pick(DESKS),
    shadow: rng.chance(0.4) ? rng.range(0.25, 0.55) : 0,
    ...(rng.chance(0.25) ? { motionBlur: { length: rng.int(3, 9), angle: rng.range(0, Math.PI) } } : {}),
    ...(small ? { outputWidth: rng.int(300, 420) } : {}),
    ...(rng.chance(0.3) ? { recompress: rng.int(35, 75) } : {}),
  };
}
