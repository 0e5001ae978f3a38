import type { Request, RequestHandler, Response } from 'express';
import multer from 'multer';
import { checkDeferredCsrf } from '../auth/csrf.ts';
import { HttpError } from '../http/errors.ts';
import { cleanFileName } from './file-store.ts';

/**
 * Parses one uploaded file into memory (bounded by `maxBytes`) and checks the multipart form's CSRF field
 * before anything is stored. A refused file (too large) does not end the request here: the handler takes
 * the outcome with `takeUpload` and answers beside the right field, naming the material.
 */
export interface ReceivedFile {
  originalName: string;
  content: Buffer;
}

const OUTCOME = 'uploadOutcome';

export function receiveUpload(options: {
  maxBytes: number;
  field?: string;
  labelOf: (material: string | undefined) => string | undefined;
}): RequestHandler {
  const field = options.field ?? 'file';
  const parse = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: options.maxBytes, files: 1, fields: 10, fieldSize: 4096, parts: 12 },
  }).single(field);
  const maxMb = Math.round((options.maxBytes / 1024 / 1024) * 10) / 10;
  return (req, res, next) => {
    parse(req, res, (error: unknown) => {
      try {
        // The CSRF field precedes the file in our forms, so it is parsed even when the file is refused.
        checkDeferredCsrf(req);
        if (error instanceof multer.MulterError) {
          const body = req.body as { material?: unknown } | undefined;
          const label = options.labelOf(typeof body?.material === 'string' ? body.material : undefined);
          const prefix = label ? `「${label}」` : '上传的';
          res.locals[OUTCOME] =
            error.code === 'LIMIT_FILE_SIZE'
              ? new HttpError(413, 'FILE_TOO_LARGE', `${prefix}文件过大，最大 ${maxMb} MB`, [
                  { path: [field], message: `文件过大，最大 ${maxMb} MB` },
                ])
              : new HttpError(400, 'UPLOAD_REFUSED', '上传的内容不符合要求，请每次选择一个文件', [
                  { path: [field], message: '请每次选择一个文件' },
                ]);
        } else if (error) {
          throw error;
        }
        next();
      } catch (caught) {
        next(caught);
      }
    });
  };
}

/** The file of this request, or the reason it was refused (thrown). Undefined when none was sent. */
export function takeUpload(req: Request, res: Response): ReceivedFile | undefined {
  const refused: unknown = res.locals[OUTCOME];
  if (refused instanceof HttpError) throw refused;
  return req.file && { originalName: cleanFileName(req.file.originalname), content: req.file.buffer };
}
