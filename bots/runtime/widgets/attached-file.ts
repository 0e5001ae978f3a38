import { readFile } from 'node:fs/promises';
import { ValueRejectedError } from '../../errors/index.ts';
import type { AttachedDocument } from '../../item-runner.ts';
import type { RunContext } from '../types.ts';

/** The document an upload binding's value names (`{ document: id }`). */
export function documentIdOf(value: unknown): string {
  const id = (value as { document?: unknown } | undefined)?.document;
  if (typeof id !== 'string') throw new ValueRejectedError('上传材料未指明文件', []);
  return id;
}

export const attachedDocument = (run: RunContext, value: unknown): AttachedDocument =>
  run.document(documentIdOf(value));

/**
 * The file as a portal receives it: under the applicant's file name (the stored file is named by its storage key,
 * and the portal shows and keeps the name it is handed).
 */
export async function filePayload(
  document: AttachedDocument,
): Promise<{ name: string; mimeType: string; buffer: Buffer }> {
  return { name: document.fileName, mimeType: document.mimeType, buffer: await readFile(document.path) };
}
