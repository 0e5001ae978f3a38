import { ETHNICITIES, NATIONALITIES, POLITICAL_STATUSES } from '../codes/index.ts';
import { ROLES } from '../model/roles.ts';
import type { ElementDef, GroupDef } from '../model/types.ts';
import { applicant, byDefault, derived, element, labelled, ocr } from './define.ts';

export const ID_TYPES = ['居民身份证', '护照', '港澳居民来往内地通行证', '台湾居民来往大陆通行证'] as const;

export const PERSON_GROUP: GroupDef = {
  key: 'persons',
  label: '人员',
  section: 'persons',
  rowKey: 'id',
  rows: 'applicant',
};

/** A person is typed once (or read from the ID card) and holds roles; items pick persons by role. */
export const PERSON_ELEMENTS: readonly ElementDef[] = [
  element('persons[].name', '姓名', 'text', 'persons', [ocr('idCardFront', 'name'), applicant], {
    constraints: { minLength: 2, maxLength: 50 },
  }),
  element('persons[].idType', '证件类型', 'enum', 'persons', [byDefault('居民身份证')], {
    constraints: { options: ID_TYPES },
  }),
  element('persons[].idNumber', '证件号码', 'text', 'persons', [ocr('idCardFront', 'idNumber'), applicant], {
    sensitive: true,
    constraints: { maxLength: 30 },
  }),
  element(
    'persons[].gender',
    '性别',
    'enum',
    'persons',
    [derived('persons[].gender'), ocr('idCardFront', 'gender'), applicant],
    {
      ...labelled([
        ['1', '男'],
        ['2', '女'],
      ]),
    },
  ),
  element('persons[].birthDate', '出生日期', 'date', 'persons', [
    derived('persons[].birthDate'),
    ocr('idCardFront', 'birthDate'),
    applicant,
  ]),
  element('persons[].ethnicity', '民族', 'enum', 'persons', [ocr('idCardFront', 'ethnicity'), applicant], {
    ...labelled(ETHNICITIES.entries.map((e) => [e.code, e.name])),
  }),
  element('persons[].nationality', '国籍', 'enum', 'persons', [byDefault('156')], {
    ...labelled(NATIONALITIES.entries.map((e) => [e.code, e.name])),
  }),
  element('persons[].address', '住址', 'text', 'persons', [ocr('idCardFront', 'address'), applicant], {
    sensitive: true,
    constraints: { maxLength: 200 },
  }),
  element('persons[].mobile', '移动电话', 'text', 'persons', [applicant], {
    sensitive: true,
    constraints: { checks: ['mobile'] },
  }),
  element('persons[].email', '电子邮箱', 'text', 'persons', [applicant], {
    constraints: { required: false, checks: ['email'] },
  }),
  element('persons[].politicalStatus', '政治面貌', 'enum', 'persons', [byDefault('13')], {
    ...labelled(POLITICAL_STATUSES.entries.map((e) => [e.code, e.shortName])),
  }),
  element('persons[].roles', '职务/角色', 'multi', 'persons', [applicant], {
    constraints: { options: ROLES, minLength: 1 },
  }),
  element('persons[].idFrontPhoto', '身份证正面照片', 'upload', 'persons', [applicant], {
    document: 'idCardFront',
  }),
  element('persons[].idBackPhoto', '身份证反面照片', 'upload', 'persons', [applicant], {
    document: 'idCardBack',
  }),
  element(
    'persons[].foodSafetyCertificate',
    '食品安全管理人员培训合格证明',
    'upload',
    'persons',
    [applicant],
    {
      document: 'foodSafetyCertificate',
    },
  ),
];
