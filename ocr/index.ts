/**
 * ocr — reads ID cards (居民身份证, portrait side) and business licences (营业执照, 2019 layout, including the
 * 个体工商户 and 个人独资企业 label sets) from photos, offline, and says how sure it is of every field.
 *
 *   const ocr = await createOcrService({ workers: config.OCR_WORKERS, logger });
 *   const result = await ocr.recognise(buffer, { type: 'idCard' });   // type optional: detected when omitted
 *   // result.documentType: 'idCardFront' | 'idCardBack' | 'businessLicence'
 *   // result.fields[key]: { value, confidence 0..1, status, label, code?, notes[] }
 *   // result.warnings: Chinese messages about the whole document (e.g. the emblem side was uploaded)
 *   await ocr.close();
 *
 * Status of a field (OcrField.status):
 *   confident            passed every check that applies (check characters, code tables, cross-checks with
 *                        the other fields, two independent readings agree) — prefill it;
 *   needs-confirmation   repaired, guessed or contradicted; `notes` say why — prefill it highlighted;
 *   unreadable           value null — ask the applicant to type it.
 *
 * Field keys (documentType 'idCardFront'): name, gender (code '1'/'2'), ethnicity (56 names, code '01'…),
 *   birthDate (yyyy-MM-dd), address, idNumber.
 * Field keys (documentType 'businessLicence'; `licenceVariant` company | individual | sole):
 *   creditCode, name, type, legalRepresentative (label 法定代表人 / 经营者 / 投资人), registeredCapital (万元,
 *   decimal string; company only), establishedDate (成立日期 / 注册日期), businessTerm ('yyyy-MM-dd至长期' or
 *   'yyyy-MM-dd至yyyy-MM-dd'; company only), compositionForm (个体工商户 only), domicile (住所 / 经营场所),
 *   businessScope, registrationAuthority, issueDate.
 *
 * Errors (each with a stable `code` and a Chinese message naming what to do):
 *   OcrInputError   OCR_INPUT_INVALID   not an image, corrupt, too small, or no ID card / licence found in it;
 *   OcrEngineError  OCR_ENGINE_FAILED   the engine failed on this image (the worker was replaced; retry);
 *   OcrStartupError OCR_STARTUP_FAILED  language data missing or start-up timed out;
 *   OcrBusyError    OCR_BUSY            (pool) every reader busy and the waiting list full; upload again later;
 *   OcrClosedError  OCR_CLOSED          the service was closed.
 *
 * The web server uses `ReaderPool.start({ workers })` instead (ocr/pool/reader-pool.ts): the same `recognise`, in
 * warm reader processes with a bounded queue, a per-job timeout and replacement of a crashed or hung process.
 *
 * Recognition runs in tesseract.js worker threads (a pool started once, `workers` threads, each ≈ 40 MB);
 * image work is done with sharp (libvips threads) and small typed-array loops, so the caller's event loop stays
 * free. Nothing is downloaded and nothing is written: the language data comes from @tesseract.js-data/chi_sim.
 */
export { OcrBusyError, OcrClosedError, OcrEngineError, OcrInputError, OcrStartupError } from './errors.ts';
export type { FieldStatus, OcrField } from './fields/result.ts';
export { missingOcrData, ocrLangPath } from './ocr-data.ts';
export { ReaderPool, type ReaderPoolOptions, type ReaderPoolStats } from './pool/reader-pool.ts';
export type { DocumentKind, RequestedType } from './read/detect.ts';
export {
  createOcrService,
  type OcrResult,
  type OcrService,
  type OcrServiceOptions,
  type RecogniseOptions,
} from './service.ts';
export type { LicenceVariant } from './templates/licence.template.ts';
