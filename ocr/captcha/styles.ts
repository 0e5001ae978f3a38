import { CaptchaReader, type CaptchaReaderOptions, UNIFIED_LOGIN_CAPTCHA } from './reader.ts';

/**
 * The CAPTCHA styles the template reader was built for and is tested on (test/ocr/captcha.test.ts), by the
 * name a portal declaration gives its image CAPTCHA. The reader matches glyphs drawn in one known font and
 * alphabet: on a picture of any other style it would read nothing, or worse, read wrong, so a style not
 * listed here is never handed to it — the login asks a person instead.
 *
 * Glossary
 * - `sandbox-dejavu-4`: the sandbox's 统一身份认证 (sandbox/unified-login/captcha.ts): four characters of
 *   UNIFIED_LOGIN_CAPTCHA's alphabet in bold DejaVu Sans, turned, waved, over noise lines and dots.
 */
export const READABLE_CAPTCHA_STYLES: Readonly<Record<string, CaptchaReaderOptions>> = {
  'sandbox-dejavu-4': UNIFIED_LOGIN_CAPTCHA,
};

/** One template reader per readable style, drawn on first use. */
export class CaptchaReaders {
  readonly #readers = new Map<string, CaptchaReader>();

  /** Whether the reader serves this style at all. */
  serves(style: string): boolean {
    return Object.hasOwn(READABLE_CAPTCHA_STYLES, style);
  }

  /** The reader for a style it was built for; undefined for any other (a person reads that one). */
  for(style: string): CaptchaReader | undefined {
    const options = Object.hasOwn(READABLE_CAPTCHA_STYLES, style)
      ? READABLE_CAPTCHA_STYLES[style]
      : undefined;
    if (!options) return undefined;
    let reader = this.#readers.get(style);
    if (!reader) {
      reader = new CaptchaReader(options);
      this.#readers.set(style, reader);
    }
    return reader;
  }
}
