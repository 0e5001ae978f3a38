import type { Worker as ThreadWorker } from 'node:worker_threads';
import Tesseract from 'tesseract.js';
import { OcrStartupError } from '../errors.ts';
import { missingOcrData, ocrLangPath } from '../ocr-data.ts';
import type { RecognisedSymbol, RecognisedText, RecogniseJob, SegmentationMode } from './types.ts';

/**
 * One tesseract.js worker thread with the chi_sim LSTM model, started strictly offline:
 * - `langPath` is the local `4.0.0_best_int` folder (without it tesseract.js fetches from a CDN, and offline that
 *   either crashes the process or never settles);
 * - `cacheMethod: 'none'` (the default writes `chi_sim.traineddata` into the working directory);
 * - an `errorHandler`, because without one a failed job throws inside a message handler and ends the process;
 * - our own start-up timeout, because a failed load may never settle.
 * chi_sim reads the digits and capital letters of ID numbers and credit codes too; `chi_sim+eng` silently
 * drops eng, so one language per worker.
 */

const PSM: Record<SegmentationMode, string> = { block: '6', line: '7', word: '8', char: '10' };

export interface EngineWorker {
  recognise(job: RecogniseJob): Promise<RecognisedText>;
  /** Rejects the job in flight (used when the thread dies under it). */
  failCurrent(error: Error): void;
  terminate(): Promise<void>;
}

export interface EngineWorkerOptions {
  timeoutMs: number;
  /** Called when the worker thread reports an uncaught error or exits on its own. */
  onThreadFailure: (error: unknown) => void;
}

export async function startEngineWorker(options: EngineWorkerOptions): Promise<EngineWorker> {
  const missing = missingOcrData();
  if (missing.includes('chi_sim')) {
    throw new OcrStartupError(
      '缺少 OCR 语言数据 chi_sim（@tesseract.js-data/chi_sim），请重新运行 npm run setup',
    );
  }
  const starting = Tesseract.createWorker('chi_sim', Tesseract.OEM.LSTM_ONLY, {
    langPath: ocrLangPath('chi_sim'),
    cacheMethod: 'none',
    gzip: true,
    logger: () => {},
    errorHandler: () => {
      // Job failures reach us as rejected promises; this only stops tesseract.js from throwing.
    },
  });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), options.timeoutMs);
  });
  const outcome = await Promise.race([starting, timeout]).catch((error: unknown) => {
    throw new OcrStartupError(`OCR 识别引擎启动失败：${String(error)}`, { cause: error });
  });
  clearTimeout(timer);
  if (outcome === 'timeout') {
    // If the start ever completes, do not leave the thread running.
    void starting.then((late) => late.terminate()).catch(() => {});
    throw new OcrStartupError(`OCR 识别引擎在 ${Math.round(options.timeoutMs / 1000)} 秒内未能启动`);
  }
  return wrap(outcome, options);
}

function wrap(worker: Tesseract.Worker, options: EngineWorkerOptions): EngineWorker {
  const thread = (worker as unknown as { worker?: ThreadWorker }).worker;
  let current: { reject: (error: Error) => void } | null = null;
  let parameters = '';
  let terminated = false;

  const onFailure = (error: unknown) => {
    if (!terminated) options.onThreadFailure(error);
  };
  thread?.on('error', onFailure);
  thread?.on('exit', (code) => onFailure(new Error(`OCR worker thread exited with code ${code}`)));

  return {
    async recognise(job) {
      return new Promise<RecognisedText>((resolve, reject) => {
        current = { reject };
        const wanted = {
          tessedit_pageseg_mode: PSM[job.mode] as Tesseract.PSM,
          tessedit_char_whitelist: job.whitelist ?? '',
          preserve_interword_spaces: '1',
        };
        const key = JSON.stringify(wanted);
        const prepare = key === parameters ? Promise.resolve() : worker.setParameters(wanted);
        prepare
          .then(() => {
            parameters = key;
            return worker.recognize(job.image, {}, { text: true, blocks: true });
          })
          .then((result) => resolve(toRecognisedText(result.data)))
          .catch((error: unknown) => reject(error instanceof Error ? error : new Error(String(error))))
          .finally(() => {
            current = null;
          });
      });
    },
    failCurrent(error) {
      current?.reject(error);
    },
    async terminate() {
      terminated = true;
      await worker.terminate().catch(() => {});
    },
  };
}

function toRecognisedText(page: Tesseract.Page): RecognisedText {
  const symbols: RecognisedSymbol[] = [];
  for (const block of page.blocks ?? []) {
    for (const paragraph of block.paragraphs) {
      for (const line of paragraph.lines) {
        for (const word of line.words) {
          for (const symbol of word.symbols)
            symbols.push({ text: symbol.text, confidence: symbol.confidence });
        }
      }
    }
  }
  return { text: page.text, confidence: page.confidence, symbols };
}
