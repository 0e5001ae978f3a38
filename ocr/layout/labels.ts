/**
 * The printed labels of licences and ID cards, by field. Real documents print the same field under many
 * names: the 2019 licence, the 2016 portrait 副本, pre-2015 企业法人 and 个体工商户 licences and the regional
 * 商事主体 licences (深圳, 珠海, 厦门) each have their own. Longer labels come first, so 经营者姓名 wins over 经营者.
 */
export const LICENCE_LABELS = {
  creditCode: ['统一社会信用代码'],
  registrationNumber: ['注册号', '注册编号'],
  name: ['字号名称', '企业名称', '公司名称', '名称'],
  type: ['商事主体类型', '主体类型', '公司类型', '企业类型', '经济性质', '类型'],
  legalRepresentative: [
    '法定代表人姓名',
    '执行事务合伙人',
    '法定代表人',
    '经营者姓名',
    '负责人',
    '经营者',
    '投资人',
  ],
  registeredCapital: ['注册资本', '出资数额', '出资额'],
  establishedDate: ['成立日期', '注册日期'],
  businessTerm: ['营业期限', '合伙期限', '经营期限'],
  compositionForm: ['组成形式'],
  domicile: ['主要经营场所', '营业场所', '经营场所', '住所'],
  businessScope: ['经营范围及方式', '经营范围'],
  registrationAuthority: ['登记机关'],
} as const satisfies Record<string, readonly string[]>;

export type LicenceFieldKey = keyof typeof LICENCE_LABELS | 'issueDate';

export const ID_CARD_LABELS = {
  name: ['姓名'],
  gender: ['性别'],
  ethnicity: ['民族'],
  birthDate: ['出生'],
  address: ['住址'],
  idNumber: ['公民身份号码'],
  issuingAuthority: ['签发机关'],
  validity: ['有效期限'],
} as const satisfies Record<string, readonly string[]>;

/** Labels that are never values: a line that starts with one of these ends the value above it. */
export const OTHER_LABELS = ['实收资本', '成立日期', '发照日期', '副本', '正本', '编号'] as const;
