import { createCanvas } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { CaptchaReader, UNIFIED_LOGIN_CAPTCHA } from '../../ocr/captcha/reader.ts';
import { captchaAnswer, renderCaptcha } from '../../sandbox/unified-login/captcha.ts';

/** The login CAPTCHA the sandbox draws: turned, sheared, multi-coloured glyphs over noise. */
describe('the image CAPTCHA reader', () => {
  const reader = new CaptchaReader();

  it('reads most sandbox login pictures exactly, each reading four characters of the alphabet', async () => {
    const pictures = 60;
    let exact = 0;
    let unread = 0;
    for (let i = 0; i < pictures; i += 1) {
      const answer = captchaAnswer();
      const reading = await reader.read(renderCaptcha(answer));
      // Glyphs drawn touching cannot be cut into four: no reading, and the login asks for a new picture.
      if (!reading) {
        unread += 1;
        continue;
      }
      expect(reading.text).toMatch(new RegExp(`^[${UNIFIED_LOGIN_CAPTCHA.alphabet}]{4}$`));
      if (reading.text === answer) exact += 1;
    }
    // ≈ 90 % on this machine (runs of 300 pictures); a wrong reading only costs the bot a new picture.
    expect(exact / pictures).toBeGreaterThanOrEqual(0.75);
    expect(unread / pictures).toBeLessThanOrEqual(0.1);
  });

  it('gives no reading for a picture without four glyphs in it', async () => {
    const canvas = createCanvas(130, 44);
    const g = canvas.getContext('2d');
    g.fillStyle = 'hsl(200, 40%, 90%)';
    g.fillRect(0, 0, 130, 44);
    g.fillStyle = 'hsl(10, 65%, 30%)';
    g.font = 'bold 28px "DejaVu Sans", sans-serif';
    g.fillText('A', 20, 32);
    expect(await reader.read(canvas.toBuffer('image/png'))).toBeUndefined();
  });
});
