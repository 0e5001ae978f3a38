import { readFile } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import { notFound } from '../../http/errors.ts';

/**
 * Run evidence lives under DATA_DIR/evidence/<run>/ and the store keeps paths relative to DATA_DIR. A path
 * from the store is still checked to stay inside that folder before a file is read.
 */
export async function readEvidence(
  dataDir: string,
  relativePath: string | null | undefined,
): Promise<Buffer> {
  if (!relativePath) throw notFound('文件');
  const root = resolve(dataDir, 'evidence');
  const path = resolve(dataDir, relativePath);
  if (!path.startsWith(root + sep)) throw notFound('文件');
  try {
    return await readFile(path);
  } catch {
    throw notFound('文件');
  }
}
