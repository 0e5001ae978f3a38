import { regionFullName } from '../codes/index.ts';
import { fullAddress } from '../elements/company.ts';
import type { FormValues } from '../model/types.ts';
import { scalar } from '../model/values.ts';
import type { Codec } from './types.ts';

/** Canonical values → a department's own code list and formats. */

export function codes(map: Readonly<Record<string, string>>): Codec {
  return (value) => (typeof value === 'string' ? map[value] : value.map((v) => map[v] ?? v));
}

/** 'yyyy-MM-dd' → 'yyyyMMdd'. */
export const compactDate: Codec = (value) =>
  typeof value === 'string' ? value.replaceAll('-', '') : undefined;

/** 'yyyy-MM' → 'yyyyMM'. */
export const compactMonth: Codec = (value) =>
  typeof value === 'string' ? value.replace('-', '') : undefined;

/** An upload's canonical value is the uploaded document's id. */
export const attach: Codec = (value) => (typeof value === 'string' ? { document: value } : undefined);

/** The 住所 in one line ('福建省漳州市龙文区朝阳北路1号'), as departments other than the registrar write it. */
export function domicileInFull(values: FormValues): string | undefined {
  return fullAddress(scalar(values, 'company.domicile.region'), scalar(values, 'company.domicile.detail'));
}

export function businessAddressInFull(values: FormValues): string | undefined {
  return fullAddress(
    scalar(values, 'company.businessAddress.region'),
    scalar(values, 'company.businessAddress.detail'),
  );
}

export const DOMICILE_USES = ['company.domicile.region', 'company.domicile.detail'] as const;
export const BUSINESS_ADDRESS_USES = [
  'company.businessAddress.region',
  'company.businessAddress.detail',
] as const;

export function regionName(code: string | undefined): string | undefined {
  return code ? regionFullName(code) : undefined;
}

/** Person document types in each department's list. */
export const ID_TYPE_REGISTRATION = codes({
  居民身份证: '10',
  护照: '20',
  港澳居民来往内地通行证: '30',
  台湾居民来往大陆通行证: '40',
});
export const ID_TYPE_TAX = codes({
  居民身份证: '201',
  护照: '208',
  港澳居民来往内地通行证: '210',
  台湾居民来往大陆通行证: '213',
});
export const ID_TYPE_SOCIAL = codes({
  居民身份证: '01',
  护照: '02',
  港澳居民来往内地通行证: '03',
  台湾居民来往大陆通行证: '04',
});
export const UNIT_CATEGORY_SOCIAL = codes({
  企业: '10',
  机关: '20',
  事业单位: '30',
  社会团体: '51',
  民办非企业单位: '52',
  个体工商户: '60',
  其他: '90',
});
