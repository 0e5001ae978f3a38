/** Small national code lists used on the original forms. Codes and names as the standards write them. */
import { type CodeEntry, codeTable } from './table.ts';

/** GB/T 2261.1-2003 人的性别代码. ID numbers decide between 1 and 2. */
export const GENDERS = codeTable('GB/T 2261.1', [
  { code: '0', name: '未知的性别' },
  { code: '1', name: '男' },
  { code: '2', name: '女' },
  { code: '9', name: '未说明的性别' },
]);

/** GB/T 2659 世界各国和地区名称代码, numeric codes (the forms' 国籍 lists). */
export const NATIONALITIES = codeTable('GB/T 2659', [
  { code: '156', name: '中国' },
  { code: '344', name: '中国香港' },
  { code: '446', name: '中国澳门' },
  { code: '158', name: '中国台湾' },
  { code: '840', name: '美国' },
  { code: '124', name: '加拿大' },
  { code: '826', name: '英国' },
  { code: '276', name: '德国' },
  { code: '250', name: '法国' },
  { code: '392', name: '日本' },
  { code: '410', name: '韩国' },
  { code: '702', name: '新加坡' },
  { code: '458', name: '马来西亚' },
  { code: '764', name: '泰国' },
  { code: '036', name: '澳大利亚' },
  { code: '643', name: '俄罗斯联邦' },
]);

export interface PoliticalStatus extends CodeEntry {
  /** The short label forms show ('中共党员'). */
  readonly shortName: string;
}

/** GB/T 4762-1984 政治面貌代码; 13 群众 is the usual default. */
export const POLITICAL_STATUSES = codeTable<PoliticalStatus>('GB/T 4762', [
  { code: '01', name: '中国共产党党员', shortName: '中共党员' },
  { code: '02', name: '中国共产党预备党员', shortName: '中共预备党员' },
  { code: '03', name: '中国共产主义青年团团员', shortName: '共青团员' },
  { code: '04', name: '中国国民党革命委员会会员', shortName: '民革党员' },
  { code: '05', name: '中国民主同盟盟员', shortName: '民盟盟员' },
  { code: '06', name: '中国民主建国会会员', shortName: '民建会员' },
  { code: '07', name: '中国民主促进会会员', shortName: '民进会员' },
  { code: '08', name: '中国农工民主党党员', shortName: '农工党党员' },
  { code: '09', name: '中国致公党党员', shortName: '致公党党员' },
  { code: '10', name: '九三学社社员', shortName: '九三学社社员' },
  { code: '11', name: '台湾民主自治同盟盟员', shortName: '台盟盟员' },
  { code: '12', name: '无党派人士', shortName: '无党派人士' },
  { code: '13', name: '群众', shortName: '群众' },
]);

/** GB/T 12402-2000 经济类型分类与代码 (the 内资 part and the headings of the others). */
export const ECONOMIC_TYPES = codeTable('GB/T 12402', [
  { code: '110', name: '国有全资' },
  { code: '120', name: '集体全资' },
  { code: '130', name: '股份合作' },
  { code: '141', name: '国有联营' },
  { code: '142', name: '集体联营' },
  { code: '143', name: '国有与集体联营' },
  { code: '149', name: '其他联营' },
  { code: '151', name: '国有独资(公司)' },
  { code: '159', name: '其他有限责任(公司)' },
  { code: '160', name: '股份有限(公司)' },
  { code: '171', name: '私有独资' },
  { code: '172', name: '私有合伙' },
  { code: '173', name: '私有有限责任(公司)' },
  { code: '174', name: '私有股份有限(公司)' },
  { code: '175', name: '个体经营' },
  { code: '179', name: '其他私有' },
  { code: '190', name: '其他' },
  { code: '200', name: '港、澳、台投资' },
  { code: '300', name: '国外投资' },
]);

/** GB/T 12404-1997 单位隶属关系代码. A new private company is normally 90 其他. */
export const AFFILIATIONS = codeTable('GB/T 12404', [
  { code: '10', name: '中央' },
  { code: '20', name: '省' },
  { code: '40', name: '市、地区' },
  { code: '50', name: '县、区' },
  { code: '61', name: '街道' },
  { code: '62', name: '镇' },
  { code: '63', name: '乡' },
  { code: '71', name: '居民委员会' },
  { code: '72', name: '村民委员会' },
  { code: '90', name: '其他' },
]);

export interface Currency extends CodeEntry {
  /** ISO 4217 letters. */
  readonly alpha: string;
}

/** GB/T 12406-2008 表示货币的代码 (numeric codes), the currencies the forms offer. */
export const CURRENCIES = codeTable<Currency>('GB/T 12406', [
  { code: '156', name: '人民币', alpha: 'CNY' },
  { code: '840', name: '美元', alpha: 'USD' },
  { code: '344', name: '港元', alpha: 'HKD' },
  { code: '978', name: '欧元', alpha: 'EUR' },
]);
