import { ETHNICITIES, generateIdNumber, lookupRegion, regionFullName } from '../../forms/codes/index.ts';
import { COMMON_SURNAMES, COMPOUND_SURNAMES } from '../fields/surnames.ts';
import { fujianDistricts } from './places.ts';
import type { Rng } from './rng.ts';
import type { IdCardBackTruth, IdCardTruth } from './truth.ts';

/**
 * Random but valid people for synthetic ID cards: a common surname and given name, a birth date, a 福建 district
 * as the 地址码 and the address, and an ID number with a correct check character from forms/codes.
 */

// Surnames by how common they are; compound surnames now and then.
const SURNAMES = [...COMMON_SURNAMES, ...COMPOUND_SURNAMES];

const GIVEN = [
  ...'伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂英华建文辉玲红鹏宇浩凯晨欣怡子涵梓轩雨婷佳琪思远俊杰晓燕志强海峰春梅秋菊建国国庆小龙德华天佑嘉豪慧敏婉清若曦一鸣博文翔鑫瑞雪梦琳诗雨嘉怡宏伟振华永福金水阿明水生',
];

export function randomPerson(rng: Rng): IdCardTruth {
  const surname = rng.weighted(SURNAMES.map((s) => [s, s.length === 2 ? 0.15 : 1] as const));
  const givenLength = rng.weighted([
    [1, 0.3],
    [2, 0.7],
  ] as const);
  let given = '';
  for (let i = 0; i < givenLength; i += 1) given += rng.pick(GIVEN);
  const gender = rng.chance(0.5) ? '男' : '女';
  const ethnicity = rng.chance(0.85) ? '汉族' : rng.pick(ETHNICITIES.entries).name;
  const birthDate = randomDate(rng, 1950, 2006);
  const district = rng.pick(fujianDistricts());
  const idNumber = generateIdNumber({
    region: district.code,
    birthDate,
    gender: gender === '男' ? '1' : '2',
    serial: rng.int(0, 498),
  });
  return {
    name: surname + given,
    gender,
    ethnicity,
    birthDate,
    address: randomAddress(rng, district.code, true),
    idNumber,
  };
}

export function randomIdBack(rng: Rng, person: IdCardTruth): IdCardBackTruth {
  const region = person.idNumber.slice(0, 6);
  const district = lookupRegion(region);
  const city = district?.parentCode ? lookupRegion(district.parentCode) : undefined;
  const from = randomDate(rng, 2010, 2024);
  const years = rng.pick([10, 20]);
  return {
    issuingAuthority: `${city?.name ?? ''}公安局${(district?.name ?? '').replace(/[区县市]$/, '')}分局`,
    validFrom: from,
    validTo: `${Number(from.slice(0, 4)) + years}${from.slice(4)}`,
  };
}

const TOWNS = [
  '蓝田镇',
  '步文街道',
  '朝阳镇',
  '郭坑镇',
  '东园镇',
  '城关镇',
  '新桥街道',
  '石码街道',
  '官园镇',
  '岩溪镇',
];
const ROADS = [
  '朝阳北路',
  '建元东路',
  '九龙大道',
  '水仙大街',
  '胜利西路',
  '延安南路',
  '新华东路',
  '江滨路',
  '湖滨路',
  '锦绣路',
  '金峰路',
  '龙江路',
  '腾飞路',
  '人民路',
  '中山路',
];
const VILLAGES = ['后坂村', '湘桥村', '蔡坂村', '西山村', '洋尾村', '下庄村', '前进村', '龙潭村'];

/** An address inside the district: 街道/镇, then a road with number and flat, or a village house. */
export function randomAddress(rng: Rng, districtCode: string, withProvince: boolean): string {
  const full = regionFullName(districtCode) ?? '';
  const region = withProvince ? full : full.replace(/^福建省/, '');
  const town = rng.pick(TOWNS);
  if (rng.chance(0.25)) return `${region}${town}${rng.pick(VILLAGES)}${rng.int(1, 199)}号`;
  const flat = rng.chance(0.7) ? `${rng.int(1, 12)}幢${rng.int(1, 28)}0${rng.int(1, 6)}室` : '';
  return `${region}${town}${rng.pick(ROADS)}${rng.int(1, 399)}号${flat}`;
}

/** A real calendar date yyyy-MM-dd with the year in [fromYear, toYear]. */
export function randomDate(rng: Rng, fromYear: number, toYear: number): string {
  const year = rng.int(fromYear, toYear);
  const month = rng.int(1, 12);
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = rng.int(1, days);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
