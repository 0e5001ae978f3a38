import { existsSync } from 'node:fs';
import { GlobalFonts } from '@napi-rs/canvas';

/**
 * The CJK fonts the synthetic documents are drawn with (Debian's fonts-noto-cjk). Real ID cards and
 * licences use 黑体-like faces for labels and values and 宋体-like faces for some licence text; Noto Sans CJK
 * and Noto Serif CJK stand in for them.
 */
const FONT_DIR = '/usr/share/fonts/opentype/noto';
const FILES = [
  'NotoSansCJK-Regular.ttc',
  'NotoSansCJK-Bold.ttc',
  'NotoSerifCJK-Regular.ttc',
  'NotoSerifCJK-Bold.ttc',
];

export const SANS = '"Noto Sans CJK SC"';
export const SERIF = '"Noto Serif CJK SC"';

let registered = false;

/** Registers the fonts once; throws a clear error when fonts-noto-cjk is missing. */
export function ensureFonts(): void {
  if (registered) return;
  for (const file of FILES) {
    const path = `${FONT_DIR}/${file}`;
    if (!existsSync(path)) {
      throw new Error(`缺少中文字体 ${path}（请安装 fonts-noto-cjk，或运行 npm run setup）`);
    }
    GlobalFonts.registerFromPath(path);
  }
  registered = true;
}
