import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PageReader, type TextLine } from '../../ocr/engine/page-reader.ts';
import { decodePhoto } from '../../ocr/image/decode.ts';
import { extractLicence, interpretLicence } from '../../ocr/layout/licence.extract.ts';
import { readScopeLineEnds } from '../../ocr/layout/line-ends.ts';

const fixture = (path: string) => fileURLToPath(new URL(`../fixtures/${path}`, import.meta.url));
/** Where the crop `scope-d021.jpg` was cut from the whole photo. */
const CROP = { left: 180, top: 860, width: 900, height: 160 };
const PRINTED =
  '商事主体的经营范围、经营场所、投资人信息、年报信息和监管信息等请至厦门市商事主体登记及信用信息公示平台查询。' +
  '经营范围中涉及许可审批经营项目的，应在取得有关部门的许可后方可经营。';

/** The lines PP-OCR found on the whole photo that lie in the crop, in the crop's coordinates. */
function linesInCrop(): TextLine[] {
  const data = JSON.parse(readFileSync(fixture('ocr-lines/d021.json'), 'utf8')) as {
    lines: { text: string; confidences: number[]; rect: TextLine['rect']; score: number }[];
  };
  return data.lines
    .filter(({ rect: { centre } }) => {
      const x = centre.x - CROP.left;
      const y = centre.y - CROP.top;
      return x > 0 && x < CROP.width && y > 0 && y < CROP.height;
    })
    .map((line) => ({
      text: line.text,
      chars: [...line.text].map((char, i) => ({ char, confidence: line.confidences[i] ?? 0 })),
      rect: { ...line.rect, centre: { x: line.rect.centre.x - CROP.left, y: line.rect.centre.y - CROP.top } },
      score: line.score,
    }));
}

let reader: PageReader;
beforeAll(async () => {
  reader = await PageReader.load();
}, 60_000);
afterAll(() => reader?.close());

describe('marks at the end of a 经营范围 row', () => {
  it("reads a row's last line again a little longer and adds the mark its box left out", async () => {
    const image = (await decodePhoto(readFileSync(fixture('ocr-real/scope-d021.jpg')))).full;
    const lines = linesInCrop();
    const extraction = extractLicence(lines, image);
    // The detector's box of 「台查询」 stops short of its 「。」.
    expect(interpretLicence(extraction).businessScope?.printed).toBe(PRINTED.replace('查询。', '查询'));
    await readScopeLineEnds(reader, { turned: 0, image, lines }, extraction);
    expect(interpretLicence(extraction).businessScope?.printed).toBe(PRINTED);
  });
});
