/**
 * Errors of the OCR part. Each has a stable `code` (it survives serialisation to the web app) and a message
 * in Chinese that an applicant or clerk can act on. None of them quotes what was read from a document.
 */

/** What every OCR error has: its class's name as `name`, and a stable `code`. */
abstract class OcrError extends Error {
  abstract readonly code: string;

  constructor(message?: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The upload is not an image we can decode (a PDF, a text file, a truncated or corrupt photo). */
export class OcrInputError extends OcrError {
  readonly code = 'OCR_INPUT_INVALID';
}

/** The recognition engine failed on one image; the pool has replaced the worker and keeps serving. */
export class OcrEngineError extends OcrError {
  readonly code = 'OCR_ENGINE_FAILED';
}

/** The engine could not start (language data missing or start-up timed out). */
export class OcrStartupError extends OcrError {
  readonly code = 'OCR_STARTUP_FAILED';
}

/** Every reader is busy and the waiting list is full: the upload is refused now rather than left hanging. */
export class OcrBusyError extends OcrError {
  readonly code = 'OCR_BUSY';
  constructor() {
    super('证照识别繁忙，请稍后重新上传');
  }
}

/** The service was closed while work was still queued or after it stopped. */
export class OcrClosedError extends OcrError {
  readonly code = 'OCR_CLOSED';
  constructor() {
    super('证照识别服务已关闭，请稍后重试');
  }
}
