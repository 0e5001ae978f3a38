/**
 * The banks of the appointment platform and their 营业网点, a list that belongs to the banks (it changes as
 * branches open and close), so it stays in this portal. 漳州市 has hand-written extra branches; every district
 * of 福建省 has one 支行 per bank, so any company of the province can book in its own district.
 */
import { childrenOf, lookupRegion } from '../../forms/codes/index.ts';
import { luhnCheckDigit } from '../kit/references.ts';

export interface Bank {
  /** 银行机构代码 (the first three digits of a CNAPS 联行号). */
  code: string;
  name: string;
  /** How the bank's corporate account numbers start, and how long they are (check digit included). */
  accountPrefix: string;
  accountLength: number;
}

export interface Branch {
  /** 12-digit 网点行号: bank code, district code, serial. */
  id: string;
  bankCode: string;
  name: string;
  regionCode: string;
  address: string;
}

export const BANKS: readonly Bank[] = [
  { code: '102', name: '中国工商银行', accountPrefix: '1408', accountLength: 19 },
  { code: '103', name: '中国农业银行', accountPrefix: '1368', accountLength: 17 },
  { code: '104', name: '中国银行', accountPrefix: '41', accountLength: 12 },
  { code: '105', name: '中国建设银行', accountPrefix: '3505', accountLength: 20 },
  { code: '309', name: '兴业银行', accountPrefix: '181', accountLength: 18 },
  { code: '402', name: '福建漳州农村商业银行', accountPrefix: '9060', accountLength: 19 },
];

/** Extra branches of 漳州市 after each district's main 支行: [bank code, district, name, address]. */
const ZHANGZHOU_EXTRA: readonly [string, string, string, string][] = [
  ['102', '350602', '中国工商银行漳州分行营业部', '芗城区胜利西路27号'],
  ['102', '350603', '中国工商银行漳州蓝田支行', '龙文区蓝田开发区建元路10号'],
  ['103', '350603', '中国农业银行漳州龙江支行', '龙文区龙江路168号'],
  ['104', '350602', '中国银行漳州分行营业部', '芗城区延安北路38号'],
  ['105', '350603', '中国建设银行漳州朝阳支行', '龙文区朝阳北路99号'],
  ['309', '350602', '兴业银行漳州分行营业部', '芗城区水仙大街8号'],
  ['402', '350603', '福建漳州农村商业银行蓝田支行', '龙文区蓝田街道湖滨路20号'],
];

const STREETS = ['人民路', '解放路', '建设路', '新华路', '胜利路', '中山路'];

/** 漳州市 → 漳州; 龙文区 → 龙文; a county-level city keeps its own short name (晋江市 → 晋江). */
const shortName = (name: string) => name.replace(/(市|区|县)$/, '');

function mainBranch(bank: Bank, regionCode: string): Branch {
  const district = lookupRegion(regionCode);
  const city = district?.parentCode ? lookupRegion(district.parentCode) : undefined;
  const districtName = district?.name ?? '';
  const place = districtName.endsWith('区')
    ? `${shortName(city?.name ?? '')}${shortName(districtName)}`
    : shortName(districtName);
  const street = STREETS[Number(regionCode.slice(4)) % STREETS.length] ?? '人民路';
  return {
    id: `${bank.code}${regionCode}001`,
    bankCode: bank.code,
    name: `${bank.name}${place}支行`,
    regionCode,
    address: `${districtName}${street}${(Number(bank.code) % 80) + 11}号`,
  };
}

function buildBranches(): Branch[] {
  const branches: Branch[] = [];
  const districts = childrenOf('350000').flatMap((city) => childrenOf(city.code));
  for (const bank of BANKS) {
    for (const district of districts) {
      branches.push(mainBranch(bank, district.code));
      const extras = ZHANGZHOU_EXTRA.filter(
        ([code, region]) => code === bank.code && region === district.code,
      );
      extras.forEach(([, regionCode, name, address], i) => {
        branches.push({
          id: `${bank.code}${regionCode}${String(i + 2).padStart(3, '0')}`,
          bankCode: bank.code,
          name,
          regionCode,
          address,
        });
      });
    }
  }
  return branches;
}

export const BRANCHES: readonly Branch[] = buildBranches();

export const bankByCode = (code: string): Bank | undefined => BANKS.find((bank) => bank.code === code);
export const branchById = (id: string): Branch | undefined => BRANCHES.find((branch) => branch.id === id);

/** The branches of one bank in one district, in the order the platform lists them. */
export function branchesOf(bankCode: string, regionCode: string): Branch[] {
  return BRANCHES.filter((branch) => branch.bankCode === bankCode && branch.regionCode === regionCode);
}

/**
 * A pre-assigned 基本存款账户 number in the bank's own format: its prefix, the branch's district digits, a
 * serial, and a Luhn check digit, `accountLength` digits in all.
 */
export function accountNumber(bank: Bank, branch: Branch, serial: number): string {
  const head = `${bank.accountPrefix}${branch.regionCode.slice(2)}`;
  const width = bank.accountLength - head.length - 1;
  const body = `${head}${String(serial % 10 ** width).padStart(width, '0')}`;
  return `${body}${luhnCheckDigit(body)}`;
}
