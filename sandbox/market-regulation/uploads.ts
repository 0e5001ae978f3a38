import { MB, type UploadRule } from '../kit/uploads.ts';

/** Upload slots of the registration form and their limits (checked by content, not by file name). */
export const UPLOAD_RULES = {
  idFront: { label: '身份证正面照片', accept: { jpg: 2 * MB, png: 2 * MB } },
  idBack: { label: '身份证反面照片', accept: { jpg: 2 * MB, png: 2 * MB } },
  domicileProof: { label: '住所使用证明', accept: { jpg: 2 * MB, pdf: 5 * MB } },
} as const satisfies Record<string, UploadRule>;
