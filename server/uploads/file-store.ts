import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import type { UploadKind } from '../catalog.ts';
import { cleanDisplayText } from '../http/validate.ts';
import { EXTENSION_OF } from './magic.ts';

/**
 * Uploaded files under DATA_DIR/uploads/<application>/<document>.<ext>. The path is built from our own
 * ids, never from the name the browser sent, and the sha256 is kept with the row so evidence can be
 * checked later.
 */
export function uploadsDir(dataDir: string): string {
  return join(dataDir, 'uploads');
}

const ID = /^[A-Za-z0-9-]{8,64}$/;

export async function storeUpload(
  dataDir: string,
  applicationId: string,
  documentId: string,
  content: Buffer,
  kind: UploadKind,
): Promise<{ storageKey: string; sha256: string }> {
  if (!ID.test(applicationId) || !ID.test(documentId)) throw new Error('invalid id for an upload path');
  const sha256 = createHash('sha256').update(content).digest('hex');
  const storageKey = `${applicationId}/${documentId}.${EXTENSION_OF[kind]}`;
  const target = join(uploadsDir(dataDir), storageKey);
  await mkdir(join(uploadsDir(dataDir), applicationId), { recursive: true, mode: 0o700 });
  // Write then rename: a crash never leaves half a file under the final name.
  const temporary = `${target}.${randomBytes(4).toString('hex')}.part`;
  await writeFile(temporary, content, { mode: 0o600 });
  await rename(temporary, target);
  return { storageKey, sha256 };
}

export async function readUpload(dataDir: string, storageKey: string): Promise<Buffer> {
  const root = resolve(uploadsDir(dataDir));
  const path = resolve(root, storageKey);
  if (!path.startsWith(root + sep)) throw new Error('upload path outside the uploads folder');
  return readFile(path);
}

/** multer hands non-ASCII names over as latin1; also strip folders and control characters. */
export function cleanFileName(raw: string): string {
  const decoded = Buffer.from(raw, 'latin1').toString('utf8');
  const base = decoded.split(/[\\/]/).pop() ?? '';
  // Control characters, and bidirectional overrides that would show `x‮gpj.exe` as `xexe.jpg`.
  const cleaned = cleanDisplayText(base);
  return (cleaned || '未命名文件').slice(0, 200);
}
