import { BUSINESS_SCOPE_ITEMS, generateCreditCode, lookupRegion } from '../../forms/codes/index.ts';
import { registrarName } from '../fields/registrar.ts';
import { randomAddress, randomDate, randomPerson } from './people.ts';
import { fujianDistricts } from './places.ts';
import type { Rng } from './rng.ts';
import type { LicenceTruth, LicenceVariant } from './truth.ts';

/**
 * Random but valid licences: a registrar in a 福建 district, a credit code with correct check characters from
 * forms/codes (机构类别 1 企业 or 2 个体工商户), a name built by the naming rule (行政区划 + 字号 + 行业 +
 * 组织形式), 经营范围 from the 规范表述 list with the standard closing sentences, dates that follow each other.
 */

const TRADE_NAMES = [...'鑫源泰华宏盛达恒信诚博远创新星辰科睿智汇通佳禾聚丰锦程海峰嘉瑞德润启明天宇金桥绿洲'];
const INDUSTRIES = [
  {
    words: '软件科技',
    scope: ['软件开发', '信息技术咨询服务', '数据处理服务', '计算机系统服务', '信息系统集成服务'],
  },
  { words: '信息技术', scope: ['信息技术咨询服务', '软件开发', '网络技术服务', '数据处理和存储支持服务'] },
  { words: '商贸', scope: ['日用百货销售', '办公用品销售', '电子产品销售', '五金产品批发', '服装服饰零售'] },
  {
    words: '餐饮管理',
    scope: ['餐饮管理', '企业管理咨询', '食品销售（仅销售预包装食品）', '会议及展览服务'],
  },
  {
    words: '文化传媒',
    scope: ['组织文化艺术交流活动', '广告设计、代理', '广告制作', '会议及展览服务', '平面设计'],
  },
  { words: '建筑工程', scope: ['工程管理服务', '园林绿化工程施工', '建筑装饰材料销售', '专业设计服务'] },
  { words: '物业管理', scope: ['物业管理', '家政服务', '城市绿化管理', '停车场服务'] },
  {
    words: '教育咨询',
    scope: [
      '教育咨询服务（不含涉许可审批的教育培训活动）',
      '业务培训（不含教育培训、职业技能培训等需取得许可的培训）',
    ],
  },
];
const SHOP_KINDS = ['便利店', '小吃店', '日用品店', '服装店', '五金店', '理发店', '餐饮店', '水果店'];

const GENERAL_CLOSING = '（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）';
const PERMIT_CLOSING =
  '（依法须经批准的项目，经相关部门批准后方可开展经营活动，具体经营项目以相关部门批准文件或许可证件为准）';

export function randomLicence(rng: Rng, variant: LicenceVariant): LicenceTruth {
  const district = rng.pick(fujianDistricts());
  const city = lookupRegion(district.parentCode ?? '')?.name ?? '';
  const industry = rng.pick(INDUSTRIES);
  const owner = randomPerson(rng.fork()).name;
  const established = randomDate(rng, 2016, 2025);
  const issue = rng.chance(0.7) ? established : laterDate(rng, established);
  const trade =
    rng.pick(TRADE_NAMES) + rng.pick(TRADE_NAMES) + (rng.chance(0.2) ? rng.pick(TRADE_NAMES) : '');
  const place = rng.chance(0.5) ? `${city}${district.name}` : city;
  const common = {
    variant,
    registrationAuthority: registrarName(district.code) ?? '',
    domicile: randomAddress(rng, district.code, rng.chance(0.5)),
    establishedDate: established,
    issueDate: issue,
    legalRepresentative: owner,
  };
  const serial = rng.int(0, 31 ** 6 - 1);
  switch (variant) {
    case 'company':
      return {
        ...common,
        creditCode: generateCreditCode({ region: district.code, serial }),
        name: `${place}${trade}${industry.words}${rng.chance(0.8) ? '有限公司' : '有限责任公司'}`,
        type: rng.pick(['有限责任公司(自然人投资或控股)', '有限责任公司(自然人独资)']),
        registeredCapital: String(rng.pick([10, 30, 50, 100, 100, 200, 300, 500, 1000, 1050])),
        businessTerm: `${established}至${rng.chance(0.8) ? '长期' : yearsLater(established, 30)}`,
        businessScope: scope(rng, industry.scope),
      };
    case 'individual':
      return {
        ...common,
        creditCode: generateCreditCode({ region: district.code, category: '2', serial }),
        name: `${city}${district.name}${owner}${rng.pick(SHOP_KINDS)}`,
        type: '个体工商户',
        compositionForm: rng.chance(0.8) ? '个人经营' : '家庭经营',
        businessScope: scope(rng, industry.scope),
      };
    case 'sole':
      return {
        ...common,
        creditCode: generateCreditCode({ region: district.code, serial }),
        name: `${place}${trade}${industry.words.replace(/科技|技术/, '')}${rng.pick(['服务部', '经营部', '工作室'])}`,
        type: '个人独资企业',
        businessScope: scope(rng, industry.scope),
      };
  }
}

/** 一般项目：a；b；c。（closing） — the items exist in the 规范表述 list. */
function scope(rng: Rng, preferred: string[]): string {
  const known = preferred.filter((name) => BUSINESS_SCOPE_ITEMS.byName(name));
  const count = rng.int(2, Math.min(5, known.length));
  const chosen = [...known].sort(() => rng.next() - 0.5).slice(0, count);
  return `一般项目：${chosen.join('；')}。${GENERAL_CLOSING}`;
}

export const SCOPE_CLOSINGS = { general: GENERAL_CLOSING, permit: PERMIT_CLOSING } as const;

function laterDate(rng: Rng, from: string): string {
  const date = new Date(`${from}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + rng.int(30, 900));
  return date.toISOString().slice(0, 10);
}

/** The day before the same date `years` later (a term of 30 years ends the day before its anniversary). */
function yearsLater(from: string, years: number): string {
  const date = new Date(`${from}T00:00:00Z`);
  date.setUTCFullYear(date.getUTCFullYear() + years);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}
