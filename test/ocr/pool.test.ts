import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OcrEngineError, OcrStartupError } from '../../ocr/errors.ts';
import { TesseractPool } from '../../ocr/pool/tesseract-pool.ts';

/** A line of black text on white, drawn with sharp's SVG renderer (no canvas needed). */
async function line(text: string): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="420" height="60"><rect width="100%" height="100%" fill="white"/><text x="10" y="42" font-size="34" font-family="Noto Sans CJK SC">${text}</text></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

describe('the tesseract worker pool', () => {
  let pool: TesseractPool;
  beforeAll(async () => {
    pool = await TesseractPool.start({ workers: 1 });
  });
  afterAll(() => pool.close());

  it('reads a line with per-character confidences', async () => {
    const result = await pool.recognise({ image: await line('公民身份号码 123'), mode: 'line' });
    expect(result.text.replace(/\s/g, '')).toBe('公民身份号码123');
    expect(result.symbols.length).toBeGreaterThanOrEqual(9);
    expect(Math.min(...result.symbols.map((s) => s.confidence))).toBeGreaterThan(50);
  });

  it('replaces a worker whose job runs too long and goes on serving', async () => {
    const before = pool.replacements;
    await expect(
      pool.recognise({ image: await line('超时的任务'), mode: 'line', timeoutMs: 1 }),
    ).rejects.toBeInstanceOf(OcrEngineError);
    expect(pool.replacements).toBe(before + 1);
    const result = await pool.recognise({ image: await line('营业执照'), mode: 'line' });
    expect(result.text.replace(/\s/g, '')).toBe('营业执照');
  });

  it('rejects queued work once closed', async () => {
    const other = await TesseractPool.start({ workers: 1 });
    await other.close();
    await expect(other.recognise({ image: await line('关闭'), mode: 'line' })).rejects.toMatchObject({
      code: 'OCR_CLOSED',
    });
  });

  it('gives up on a start-up that takes longer than allowed, with a Chinese message', async () => {
    const failure = TesseractPool.start({ workers: 1, startupTimeoutMs: 1 });
    await expect(failure).rejects.toBeInstanceOf(OcrStartupError);
    await expect(failure).rejects.toThrow(/未能启动/);
  });
});
