import { type Logger, silentLogger } from '../lib/logger.ts';
import { OcrInputError } from './errors.ts';
import type { OcrField } from './fields/result.ts';
import { decodePhoto } from './image/decode.ts';
import { TesseractPool } from './pool/tesseract-pool.ts';
import { type DocumentKind, detectDocument, type RequestedType } from './read/detect.ts';
import { readIdCard } from './read/id-card.reader.ts';
import { readLicence } from './read/licence.reader.ts';
import type { LicenceVariant } from './templates/licence.template.ts';

export interface OcrServiceOptions {
  /** Size of the worker pool (OCR_WORKERS); default 1. */
  workers?: number;
  /** Longest wait for a worker to start (default 20 s). */
  startupTimeoutMs?: number;
  logger?: Logger;
}

export interface RecogniseOptions {
  /** Skip detection of the document type (the upload slot says what it is). */
  type?: RequestedType;
}

export interface OcrResult {
  documentType: DocumentKind;
  /** For licences: company (公司), individual (个体工商户) or sole (个人独资企业). */
  licenceVariant?: LicenceVariant;
  fields: Record<string, OcrField>;
  /** Chinese messages about the whole document (wrong side uploaded, photo too blurred …). */
  warnings: string[];
  /** Milliseconds spent, for the logs and benchmarks. */
  elapsedMs: number;
}

export interface OcrService {
  recognise(image: Buffer, options?: RecogniseOptions): Promise<OcrResult>;
  close(): Promise<void>;
}

const WRONG_DOCUMENT =
  '照片中未找到身份证人像面或营业执照。请确认上传的是正确的证件，整张证件在画面内、光线充足、没有反光遮挡';

export async function createOcrService(options: OcrServiceOptions = {}): Promise<OcrService> {
  const logger = options.logger ?? silentLogger;
  const pool = await TesseractPool.start({
    workers: options.workers ?? 1,
    startupTimeoutMs: options.startupTimeoutMs,
    logger,
  });
  return {
    async recognise(image, recogniseOptions = {}) {
      const started = performance.now();
      const photo = await decodePhoto(image);
      const detected = await detectDocument(photo, pool, recogniseOptions.type);
      if (!detected) throw new OcrInputError(WRONG_DOCUMENT);
      const warnings: string[] = [];
      let fields: Record<string, OcrField> = {};
      let variant: LicenceVariant | undefined;
      if (detected.kind === 'idCardBack') {
        warnings.push('上传的是身份证国徽面，请上传印有姓名和照片的人像面');
      } else if (detected.kind === 'idCardFront') {
        fields = await readIdCard(detected.view, pool);
      } else {
        const licence = await readLicence(detected.view, pool);
        fields = licence.fields;
        variant = licence.variant;
        warnings.push(...licence.warnings);
      }
      if (recogniseOptions.type === 'businessLicence' && detected.kind !== 'businessLicence') {
        warnings.push('上传的不是营业执照');
      }
      const elapsedMs = Math.round(performance.now() - started);
      logger.debug({ documentType: detected.kind, elapsedMs }, 'OCR finished');
      return {
        documentType: detected.kind,
        ...(variant ? { licenceVariant: variant } : {}),
        fields,
        warnings,
        elapsedMs,
      };
    },
    close: () => pool.close(),
  };
}
