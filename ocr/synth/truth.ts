/**
 * Ground truth of a synthetic document: the values the reader must return, in the same normalised form
 * (dates yyyy-MM-dd, 民族 as the official name such as 汉族, 注册资本 in 万元 as a decimal string).
 */

export interface IdCardTruth {
  name: string;
  gender: '男' | '女';
  ethnicity: string;
  birthDate: string;
  address: string;
  idNumber: string;
}

/** The back of the card: used for the emblem-side detection, not read field by field. */
export interface IdCardBackTruth {
  issuingAuthority: string;
  validFrom: string;
  validTo: string | '长期';
}

export const LICENCE_VARIANTS = ['company', 'individual', 'sole'] as const;
/** company: 公司 (法定代表人); individual: 个体工商户 (经营者); sole: 个人独资企业 (投资人). */
export type LicenceVariant = (typeof LICENCE_VARIANTS)[number];

export interface LicenceTruth {
  variant: LicenceVariant;
  creditCode: string;
  name: string;
  type: string;
  /** 法定代表人 / 经营者 / 投资人 depending on the variant. */
  legalRepresentative: string;
  /** 个体工商户 only: 组成形式 (个人经营 / 家庭经营). */
  compositionForm?: string;
  /** 公司 only: 万元, decimal string. */
  registeredCapital?: string;
  /** 成立日期 (个体工商户: 注册日期). */
  establishedDate: string;
  /** 公司 only: "yyyy-MM-dd至长期" or "yyyy-MM-dd至yyyy-MM-dd". */
  businessTerm?: string;
  /** 住所 (个体工商户: 经营场所). */
  domicile: string;
  businessScope: string;
  registrationAuthority: string;
  issueDate: string;
}

export type DocumentTruth =
  | { kind: 'id-card'; fields: IdCardTruth }
  | { kind: 'id-card-back'; fields: IdCardBackTruth }
  | { kind: 'business-licence'; fields: LicenceTruth };
