import { describe, expect, it } from 'vitest';
import type { TextLine } from '../../ocr/engine/page-reader.ts';
import type { OcrField } from '../../ocr/fields/result.ts';
import { attachBoxes, boxAround } from '../../ocr/layout/value-box.ts';

const line = (
  text: string,
  x: number,
  y: number,
  length: number,
  thickness: number,
  angle = 0,
): TextLine => ({
  text,
  chars: [...text].map((char) => ({ char, confidence: 99 })),
  rect: { centre: { x, y }, along: { x: Math.cos(angle), y: Math.sin(angle) }, length, thickness },
  score: 0.9,
});

const field = (value: string | null): OcrField => ({
  value,
  confidence: 0.9,
  status: 'confident',
  label: '姓名',
  notes: [],
});

describe('the box of a read value on the upright photo', () => {
  it('is the upright rectangle around its lines, a tilted line included', () => {
    expect(boxAround([line('林志远', 200, 100, 120, 30)])).toEqual({
      left: 140,
      top: 85,
      width: 120,
      height: 30,
    });
    const tilted = boxAround([line('林志远', 200, 100, 100, 20, Math.PI / 6)]);
    expect(tilted?.width).toBeGreaterThan(90);
    expect(tilted?.height).toBeGreaterThan(50);
    expect(boxAround([])).toBeUndefined();
  });

  it('finds a value taken without a label by its text, and leaves unread fields without a box', () => {
    const lines = [line('公民身份号码 350603198506120316', 500, 400, 600, 40)];
    const boxed = attachBoxes({ idNumber: field('350603198506120316'), name: field(null) }, {}, lines);
    expect(boxed.idNumber.box).toEqual({ left: 200, top: 380, width: 600, height: 40 });
    expect(boxed.name.box).toBeUndefined();
  });
});
