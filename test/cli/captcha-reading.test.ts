import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { unifiedLogin } from '../../bots/portals/common/unified-login.ts';
import { captchaReading } from '../../cli/captcha-reading.ts';
import { silentLogger } from '../../lib/logger.ts';
import { CaptchaReaders, READABLE_CAPTCHA_STYLES } from '../../ocr/captcha/styles.ts';
import { captchaAnswer, renderCaptcha } from '../../sandbox/unified-login/captcha.ts';

/** The template reader reads only the CAPTCHA styles it was built and tested for; every other goes to a person. */
describe('CAPTCHA reading by style', () => {
  it('serves the sandbox login style only, which is the style the unified-login declaration names', () => {
    expect(Object.keys(READABLE_CAPTCHA_STYLES)).toEqual(['sandbox-dejavu-4']);
    expect(unifiedLogin().imageCaptchaStyle).toBe('sandbox-dejavu-4');
    const readers = new CaptchaReaders();
    expect(readers.for('sandbox-dejavu-4')).toBeDefined();
    expect(readers.for('sandbox-dejavu-4')).toBe(readers.for('sandbox-dejavu-4'));
    for (const style of ['gov-fujian-5', 'toString', '__proto__', ''])
      expect([style, readers.serves(style), readers.for(style)]).toEqual([style, false, undefined]);
  });

  it('reads a sandbox picture as its own style and leaves the same picture unread under any other', async () => {
    const lines: string[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(line) });
    const { read } = captchaReading('reader', logger);
    if (!read) throw new Error('reader mode has a reader');
    // The reader gets ≈ 9 in 10 right: of five pictures, at least three are read exactly.
    let exact = 0;
    for (let i = 0; i < 5; i += 1) {
      const answer = captchaAnswer();
      const png = renderCaptcha(answer);
      if ((await read(png, 'sandbox-dejavu-4')) === answer) exact += 1;
      expect(await read(png, 'gov-fujian-5')).toBeUndefined();
    }
    expect(exact).toBeGreaterThanOrEqual(3);
    // The unserved style is logged once, not once per picture.
    expect(lines.filter((line) => line.includes('gov-fujian-5'))).toHaveLength(1);
  });

  it('has no reader at all when a person reads every CAPTCHA', () => {
    expect(captchaReading('person', silentLogger).read).toBeUndefined();
  });
});
