import { createHash, randomBytes } from 'node:crypto';
import type { UploadedFileMeta } from './submissions.ts';

/** File types the portals accept, recognised by their first bytes (a renamed text file is not a JPG). */
export type FileType = 'jpg' | 'png' | 'pdf';

const MIME: Record<FileType, string> = { jpg: 'image/jpeg', png: 'image/png', pdf: 'application/pdf' };
const TYPE_LABEL: Record<FileType, string> = { jpg: 'JPG', png: 'PNG', pdf: 'PDF' };

export function sniffFileType(content: Buffer): FileType | undefined {
  if (content.length >= 3 && content[0] === 0xff && content[1] === 0xd8 && content[2] === 0xff) return 'jpg';
  if (content.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) {
    return 'png';
  }
  if (content.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  return undefined;
}

/** One upload slot's rule: which types, each with its own size limit (JPG ≤ 2 MB or PDF ≤ 5 MB). */
export interface UploadRule {
  /** The material's name, used in messages: 身份证正面照片. */
  label: string;
  accept: Partial<Record<FileType, number>>;
}

export const MB = 1024 * 1024;

export function describeRule(rule: UploadRule): string {
  return Object.entries(rule.accept)
    .map(([type, max]) => `${TYPE_LABEL[type as FileType]} 不超过 ${formatSize(max ?? 0)}`)
    .join('，或 ');
}

function formatSize(bytes: number): string {
  return bytes % MB === 0 ? `${bytes / MB}MB` : `${Math.round(bytes / 1024)}KB`;
}

export type UploadCheck = { ok: true; meta: UploadedFileMeta } | { ok: false; message: string };

/** Checks one uploaded file against its slot's rule; the message names the material. */
export function checkUpload(rule: UploadRule, fileName: string, content: Buffer): UploadCheck {
  const allowed = Object.keys(rule.accept) as FileType[];
  const allowedText = allowed.map((type) => TYPE_LABEL[type]).join('/');
  if (content.length === 0) return { ok: false, message: `${rule.label}：文件为空，请重新选择` };
  const type = sniffFileType(content);
  if (!type || !allowed.includes(type)) {
    return {
      ok: false,
      message: `${rule.label}：文件格式不正确（文件内容不是 ${allowedText}），仅支持 ${allowedText} 格式`,
    };
  }
  const max = rule.accept[type] ?? 0;
  if (content.length > max) {
    return { ok: false, message: `${rule.label}：${TYPE_LABEL[type]} 文件不能超过 ${formatSize(max)}` };
  }
  return {
    ok: true,
    meta: {
      fileName,
      sha256: createHash('sha256').update(content).digest('hex'),
      size: content.length,
      mimeType: MIME[type],
    },
  };
}

/** multer 2 hands non-ASCII file names over as latin1. */
export function decodeFileName(name: string): string {
  return Buffer.from(name, 'latin1').toString('utf8');
}

/**
 * Files uploaded ahead of the form that uses them (component-style uploads post the file at once and the
 * form carries only its id). Held in memory per portal until submitted; only their metadata is kept.
 */
export class UploadShelf {
  readonly #files = new Map<string, UploadedFileMeta & { owner: string }>();

  put(owner: string, meta: UploadedFileMeta): string {
    const id = `F${randomBytes(9).toString('base64url')}`;
    this.#files.set(id, { ...meta, owner });
    if (this.#files.size > 5000) this.#files.delete(this.#files.keys().next().value as string);
    return id;
  }

  /** The file with this id when it was uploaded by `owner` (a session's account). */
  take(owner: string, id: string): UploadedFileMeta | undefined {
    const file = this.#files.get(id);
    if (!file || file.owner !== owner) return undefined;
    const { owner: _owner, ...meta } = file;
    return meta;
  }

  clear(): void {
    this.#files.clear();
  }
}
