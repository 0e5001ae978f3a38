import type { CaptchaReader } from '../bots/runtime/options.ts';
import type { Logger } from '../lib/logger.ts';
import { CaptchaReaders } from '../ocr/captcha/styles.ts';

/**
 * Who reads a portal's image CAPTCHA: `reader` — the template reader, for the styles it was built and tested
 * for, and a person for any other; `person` — always a person (the clerk, through the workbench).
 */
export type CaptchaMode = 'reader' | 'person';

export interface CaptchaReading {
  /** What the browser runner calls; undefined in `person` mode (every picture goes to a person). */
  read: CaptchaReader | undefined;
  /** Draws the templates of these styles now, off the start-up path (≈ 0.7 s of CPU per style). */
  warmUp(styles: readonly string[]): void;
}

export function captchaReading(mode: CaptchaMode, logger: Logger): CaptchaReading {
  if (mode === 'person') return { read: undefined, warmUp: () => {} };
  const readers = new CaptchaReaders();
  const unserved = new Set<string>();
  return {
    read: async (png, style) => {
      const reader = readers.for(style);
      if (!reader) {
        // Said once per style: every login of that portal then asks a person, which is slow but right.
        if (!unserved.has(style))
          logger.info({ style }, 'no CAPTCHA reader for this style: a person reads it');
        unserved.add(style);
        return undefined;
      }
      return (await reader.read(png))?.text;
    },
    warmUp(styles) {
      const served = styles.filter((style) => readers.serves(style));
      if (served.length === 0) return;
      setImmediate(() => {
        try {
          for (const style of served) readers.for(style)?.warmUp();
        } catch (error) {
          // Without templates every CAPTCHA goes to the clerk, as before the reader existed.
          logger.warn({ err: error }, 'CAPTCHA templates could not be drawn');
        }
      });
    },
  };
}
