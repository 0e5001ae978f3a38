import { type Logger, silentLogger } from '../lib/logger.ts';
import { PageReader } from './engine/page-reader.ts';
import { OcrInputError } from './errors.ts';
import type { OcrField } from './fields/result.ts';
import { decodePhoto } from './image/decode.ts';
import { classifyPage } from './layout/classify.ts';
import { readIdCardBack, readIdCardFront, reinterpretEthnicity } from './layout/id-card.extract.ts';
import { readIssueDateUnderSeal } from './layout/issue-date.ts';
import { extractLicence, interpretLicence } from './layout/licence.extract.ts';
import type { LicenceFormat } from './layout/licence-format.ts';
import { readScopeLineEnds } from './layout/line-ends.ts';
import { readMissingValues } from './layout/missing-values.ts';
import { printedPersonName } from './layout/printed.ts';
import {
  agreementText,
  confirmByAgreement,
  readWithTesseract,
  secondReadMatters,
} from './layout/second-reader.ts';
import { attachBoxes } from './layout/value-box.ts';
import { TesseractPool } from './pool/tesseract-pool.ts';
import { type DocumentKind, detectDocument, type RequestedType } from './read/detect.ts';
import { readIdCard } from './read/id-card.reader.ts';
import type { LicenceVariant } from './templates/licence.template.ts';

export interface OcrServiceOptions {
  /** Size of the worker pool (OCR_WORKERS); default 1. */
  workers?: number;
  /** Longest wait for a worker to start (default 20 s). */
  startupTimeoutMs?: number;
  /** ONNX Runtime threads per model (default: one per core); the process pool gives each reader its share. */
  threads?: number;
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
  /** For licences: which format it is (2019 landscape, 2016 portrait, pre-2015, regional 商事主体). */
  licenceFormat?: LicenceFormat;
  /** Clockwise degrees the photo was turned to read it upright. */
  turned?: number;
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

/** Licence fields with nothing to prove them but a second engine reading the same text. */
const SECOND_READ = ['name', 'legalRepresentative', 'domicile'] as const;

const WRONG_DOCUMENT =
  '照片中未找到身份证人像面或营业执照。请确认上传的是正确的证件，整张证件在画面内、光线充足、没有反光遮挡';

export async function createOcrService(options: OcrServiceOptions = {}): Promise<OcrService> {
  const logger = options.logger ?? silentLogger;
  const [pool, reader] = await Promise.all([
    TesseractPool.start({
      workers: options.workers ?? 1,
      startupTimeoutMs: options.startupTimeoutMs,
      logger,
    }),
    PageReader.load(options.threads ? { threads: options.threads } : {}),
  ]);
  return {
    async recognise(image, recogniseOptions = {}) {
      const started = performance.now();
      const photo = await decodePhoto(image);
      const page = await reader.read(photo.full);
      const kind = classifyPage(page.lines);
      const warnings: string[] = [];
      const done = (result: Omit<OcrResult, 'elapsedMs' | 'warnings'>): OcrResult => {
        if (recogniseOptions.type === 'businessLicence' && result.documentType !== 'businessLicence')
          warnings.push('上传的不是营业执照');
        const elapsedMs = Math.round(performance.now() - started);
        logger.debug({ documentType: result.documentType, elapsedMs }, 'OCR finished');
        return { ...result, warnings, elapsedMs };
      };
      if (
        kind === 'businessLicence' ||
        (!kind && recogniseOptions.type === 'businessLicence' && page.lines.length > 8)
      ) {
        const extraction = extractLicence(page.lines, page.image);
        await Promise.all([
          readIssueDateUnderSeal(reader, page, extraction),
          readMissingValues(reader, page, extraction),
          readScopeLineEnds(reader, page, extraction),
        ]);
        const fields = interpretLicence(extraction);
        await Promise.all(
          SECOND_READ.map(async (key) => {
            const value = extraction.taken[key];
            const first = fields[key];
            if (!value || !first || !secondReadMatters(first)) return;
            // A name is compared as the first word of what was read, so its reading cannot stop early.
            const expected = key === 'legalRepresentative' ? undefined : agreementText(first);
            const second = await readWithTesseract(pool, page.image, value, expected);
            const comparable = key === 'legalRepresentative' ? (printedPersonName(second) ?? second) : second;
            fields[key] = confirmByAgreement(first, comparable);
          }),
        );
        const variant: LicenceVariant =
          extraction.variant === 'individual' || extraction.variant === 'sole'
            ? extraction.variant
            : 'company';
        return done({
          documentType: 'businessLicence',
          licenceVariant: variant,
          licenceFormat: extraction.format,
          turned: page.turned,
          fields: attachBoxes(fields, extraction.taken, page.lines),
        });
      }
      if (kind === 'idCardBack') {
        warnings.push('上传的是身份证国徽面，请上传印有姓名和照片的人像面');
        return done({ documentType: 'idCardBack', turned: page.turned, fields: readIdCardBack(page.lines) });
      }
      if (kind === 'idCardFront') {
        const { fields, taken, emptyAfter } = readIdCardFront(page.lines);
        // A rare character alone after its label (民族 畲) can be lost by the detector: read the space after it.
        if (fields.ethnicity.value === null && emptyAfter.ethnicity) {
          const read = await reader.readBox(page.image, emptyAfter.ethnicity);
          Object.assign(fields, { ethnicity: reinterpretEthnicity(read) });
        }
        if (fields.idNumber.value !== null || fields.name.value !== null) {
          // Names and addresses have no check of their own: a second engine must read the same.
          const checked: Record<string, OcrField> = { ...fields };
          await Promise.all(
            (['name', 'address'] as const).map(async (key) => {
              const value = taken[key];
              if (!value || !secondReadMatters(fields[key], '')) return;
              const second = await readWithTesseract(pool, page.image, value, agreementText(fields[key]));
              checked[key] = confirmByAgreement(fields[key], second, '');
            }),
          );
          return done({
            documentType: 'idCardFront',
            turned: page.turned,
            fields: attachBoxes(checked, taken, page.lines),
          });
        }
      }
      // The card's template is the last resort when its labels could not be read.
      const detected = await detectDocument(photo, pool, recogniseOptions.type);
      if (detected?.kind === 'idCardBack') {
        warnings.push('上传的是身份证国徽面，请上传印有姓名和照片的人像面');
        return done({ documentType: 'idCardBack', fields: {} });
      }
      if (detected?.kind !== 'idCardFront') throw new OcrInputError(WRONG_DOCUMENT);
      return done({ documentType: 'idCardFront', fields: await readIdCard(detected.view, pool) });
    },
    close: async () => {
      await Promise.all([pool.close(), reader.close()]);
    },
  };
}
