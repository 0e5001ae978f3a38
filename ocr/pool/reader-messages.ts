import { z } from 'zod';
import { OcrClosedError, OcrEngineError, OcrInputError, OcrStartupError } from '../errors.ts';
import type { OcrResult, RecogniseOptions } from '../service.ts';

/**
 * What the pool and its reader processes say to each other over the IPC channel (advanced serialisation,
 * so the photo travels as a Buffer). The child's answers are checked here: a process that answers something
 * else is treated as broken, not trusted.
 */

export interface RecogniseRequest {
  type: 'recognise';
  id: number;
  image: Buffer;
  options: RecogniseOptions;
}
export interface CloseRequest {
  type: 'close';
}
export type PoolToReader = RecogniseRequest | CloseRequest;

/** An error as it crosses the process boundary: its stable code and its Chinese message, nothing read. */
const wireErrorSchema = z.object({ code: z.string(), message: z.string() });
export type WireError = z.infer<typeof wireErrorSchema>;

const readerToPoolSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), loadMs: z.number(), loadCpuMs: z.number(), rssBytes: z.number() }),
  z.object({ type: z.literal('startup-failed'), error: wireErrorSchema }),
  z.object({
    type: z.literal('result'),
    id: z.number(),
    rssBytes: z.number(),
    cpuMs: z.number(),
    // The result is built by our own code in the child; its shape is OcrResult.
    result: z.custom<OcrResult>((value) => typeof value === 'object' && value !== null),
  }),
  z.object({
    type: z.literal('failed'),
    id: z.number(),
    rssBytes: z.number(),
    cpuMs: z.number(),
    error: wireErrorSchema,
  }),
]);
export type ReaderToPool = z.infer<typeof readerToPoolSchema>;

export function parseReaderMessage(message: unknown): ReaderToPool | undefined {
  const parsed = readerToPoolSchema.safeParse(message);
  return parsed.success ? parsed.data : undefined;
}

/** Only the OCR errors' own codes and messages cross; anything else becomes a generic engine failure. */
export function toWireError(error: unknown): WireError {
  const coded = error as { code?: unknown; message?: unknown };
  if (typeof coded?.code === 'string' && coded.code.startsWith('OCR_') && typeof coded.message === 'string')
    return { code: coded.code, message: coded.message };
  return { code: 'OCR_ENGINE_FAILED', message: '识别引擎出错，请重试' };
}

export function fromWireError(error: WireError): Error {
  switch (error.code) {
    case 'OCR_INPUT_INVALID':
      return new OcrInputError(error.message);
    case 'OCR_STARTUP_FAILED':
      return new OcrStartupError(error.message);
    case 'OCR_CLOSED':
      return new OcrClosedError();
    default:
      return new OcrEngineError(error.message);
  }
}
