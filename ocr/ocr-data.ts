import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * The tesseract language data ships inside npm packages, so nothing is downloaded at run time.
 * We use the LSTM-only `4.0.0_best_int` models: the package's own exported `langPath` points at the
 * 44 MB legacy bundle instead.
 */
export const OCR_LANGUAGES = ['chi_sim', 'eng'] as const;
export type OcrLanguage = (typeof OCR_LANGUAGES)[number];

const require = createRequire(import.meta.url);

/** The folder to pass to tesseract.js as `langPath` for one language. */
export function ocrLangPath(language: OcrLanguage): string {
  const packageJson = require.resolve(`@tesseract.js-data/${language}/package.json`);
  return join(dirname(packageJson), '4.0.0_best_int');
}

/** Languages whose `.traineddata.gz` is missing (empty when OCR can start offline). */
export function missingOcrData(): OcrLanguage[] {
  return OCR_LANGUAGES.filter((language) => {
    try {
      return !existsSync(join(ocrLangPath(language), `${language}.traineddata.gz`));
    } catch {
      return true;
    }
  });
}
