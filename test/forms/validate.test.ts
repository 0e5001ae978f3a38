import { describe, expect, it } from 'vitest';
import { resolveForm } from '../../forms/derive/resolve.ts';
import { mergeBundle } from '../../forms/merge/merge.ts';
import type { FormValues, Row } from '../../forms/model/types.ts';
import { companyNameProblem } from '../../forms/validate/company-name.ts';
import { CROSS_FIELD_RULES } from '../../forms/validate/cross-field.ts';
import { elementSchema } from '../../forms/validate/element-schema.ts';
import { validateApplication } from '../../forms/validate/form-schema.ts';
import { REFERENCE_OUTPUTS, referenceCase } from './reference.ts';

const formCase = await referenceCase();
const form = mergeBundle('open-company');
const typedPersons = formCase.typed.persons as readonly Row[];

/** Validates the reference application with some typed values changed. */
function issuesWith(change: (typed: Record<string, unknown>) => void, outputs = true) {
  const typed: Record<string, unknown> = structuredClone(formCase.typed) as Record<string, unknown>;
  change(typed);
  const { values } = resolveForm(form, {
    typed: typed as FormValues,
    documents: formCase.documents,
    today: formCase.today,
    ...(outputs ? { outputs: REFERENCE_OUTPUTS } : {}),
  });
  return validateApplication(form, values, { today: formCase.today, typed: typed as FormValues }).issues;
}

const withRoles = (roles: string[][]) => (typed: Record<string, unknown>) => {
  typed.persons = typedPersons.map((p, i) => ({ ...p, roles: roles[i] ?? [] }));
};

describe('the reference application', () => {
  it('is valid before and after the first waves', () => {
    expect(issuesWith(() => {}, false)).toEqual([]);
    expect(issuesWith(() => {})).toEqual([]);
  });
});

/** Every cross-field rule, broken once, with the message and path it must give. */
const BROKEN: ReadonlyArray<readonly [string, (t: Record<string, unknown>) => void, object]> = [
  [
    'capital-sum',
    (t) => {
      t.shareholders = [
        { person: 'p1', ratio: '60', subscribedCapital: '50' },
        { person: 'p2', ratio: '40' },
      ];
    },
    { path: ['shareholders'], message: '各股东认缴出资额合计90万元，应等于注册资本100万元' },
  ],
  [
    'ratio-sum',
    (t) => {
      t.shareholders = [
        { person: 'p1', ratio: '60' },
        { person: 'p2', ratio: '30' },
      ];
    },
    { path: ['shareholders'], message: '各股东出资比例合计90%，应为100%' },
  ],
  [
    'one-legal-representative',
    withRoles([
      ['股东', '法定代表人', '执行董事', '经理', '联络员'],
      ['股东', '监事'],
      ['财务负责人', '法定代表人'],
    ]),
    { path: ['persons'], message: '应有且仅有一名法定代表人（现有2名）' },
  ],
  [
    'one-legal-representative',
    withRoles([
      ['股东', '执行董事', '联络员'],
      ['股东', '监事'],
      ['财务负责人', '法定代表人'],
    ]),
    {
      path: ['persons', 2, 'roles'],
      message: '人员“黄思琪”担任法定代表人，应同时为执行董事（董事长）或经理',
    },
  ],
  [
    'supervisor-incompatible',
    withRoles([['股东', '法定代表人', '执行董事', '联络员'], ['股东', '监事', '经理'], ['财务负责人']]),
    { path: ['persons', 1, 'roles'], message: '人员“陈晓梅”为监事，不得兼任经理' },
  ],
  [
    'company-organs',
    withRoles([['股东', '法定代表人', '经理', '联络员'], ['股东', '监事'], ['财务负责人']]),
    { path: ['persons'], message: '不设董事会的，应确定一名执行董事（现有0名）' },
  ],
  [
    'company-organs',
    withRoles([['股东', '法定代表人', '执行董事', '经理', '联络员'], ['股东'], ['财务负责人']]),
    { path: ['persons'], message: '不设监事会的，应确定一名监事' },
  ],
  [
    'contribution-deadline',
    (t) => {
      t.shareholders = [
        { person: 'p1', ratio: '60', deadline: '2030-03-11' },
        { person: 'p2', ratio: '40', deadline: '2030-03-10' },
      ];
    },
    {
      path: ['shareholders', 0, 'deadline'],
      message: '股东“林志远”的认缴出资期限应在公司成立之日起五年内（不晚于2030-03-10）',
    },
  ],
  [
    'fund-rates-equal',
    (t) => {
      t['fund.employeeRate'] = '7';
    },
    { path: ['fund.employeeRate'], message: '单位和个人的住房公积金缴存比例应相同（单位5%，个人7%）' },
  ],
  [
    'seal-size-by-type',
    (t) => {
      t.seals = [{ type: '01' }, { type: '03', size: 'Φ40mm' }];
    },
    { path: ['seals', 1, 'size'], message: '印章“发票专用章”的规格应为40×30mm' },
  ],
  [
    'one-main-scope',
    (t) => {
      t.scope = [
        { code: 'I65001', main: '1' },
        { code: 'I65002', main: '1' },
      ];
    },
    { path: ['scope'], message: '经营范围应有且仅有一项主营（现有2项）' },
  ],
];

describe('cross-field rules', () => {
  it.each(BROKEN.map(([rule, change, issue], i) => [i, rule, change, issue] as const))(
    '#%i %s',
    (_i, _rule, change, issue) => {
      expect(issuesWith(change)).toContainEqual(issue);
    },
  );

  it('the food-safety rule asks the 开餐饮店 bundle for a 食品安全管理人员', () => {
    const restaurant = mergeBundle('open-restaurant');
    const rule = CROSS_FIELD_RULES.find((r) => r.id === 'food-safety-manager');
    const values: FormValues = { persons: [{ id: 'p1', roles: ['法定代表人'] }] };
    expect(rule?.check(values, { form: restaurant, today: formCase.today })).toEqual([
      { path: ['persons'], message: '应至少确定一名食品安全管理人员' },
    ]);
    const withManager: FormValues = { persons: [{ id: 'p1', roles: ['法定代表人', '食品安全管理员'] }] };
    expect(rule?.check(withManager, { form: restaurant, today: formCase.today })).toEqual([]);
  });

  it('every rule is exercised here', () => {
    const tested = new Set([...BROKEN.map(([id]) => id), 'food-safety-manager']);
    expect(CROSS_FIELD_RULES.map((r) => r.id).filter((id) => !tested.has(id))).toEqual([]);
  });
});

describe('field checks, with the field named and the path of the field', () => {
  const CASES: ReadonlyArray<readonly [string, (t: Record<string, unknown>) => void, object]> = [
    [
      'mobile',
      (t) => {
        t.persons = typedPersons.map((p, i) => (i === 1 ? { ...p, mobile: '1395961234' } : p));
      },
      { path: ['persons', 1, 'mobile'], message: '人员“陈晓梅”的移动电话应为11位手机号码' },
    ],
    [
      'region',
      (t) => {
        t['company.domicile.region'] = '350600';
      },
      { path: ['company.domicile.region'], message: '住所（省/市/区县）应选择到区/县一级' },
    ],
    [
      'postcode',
      (t) => {
        t['company.postcode'] = '36300';
      },
      { path: ['company.postcode'], message: '邮政编码应为6位数字' },
    ],
    [
      'phone',
      (t) => {
        t['company.phone'] = '2345678';
      },
      { path: ['company.phone'], message: '联系电话应为手机号码或固定电话（如0596-2345678）' },
    ],
    [
      'required',
      (t) => {
        delete t['fund.payday'];
      },
      { path: ['fund.payday'], message: '发薪日不能为空' },
    ],
    [
      'range',
      (t) => {
        t['fund.employerRate'] = '13';
        t['fund.employeeRate'] = '13';
      },
      { path: ['fund.employerRate'], message: '单位缴存比例（%）不能大于12' },
    ],
    [
      'number',
      (t) => {
        t['company.registeredCapital'] = '一百';
      },
      { path: ['company.registeredCapital'], message: '注册资本（万元）应为数字' },
    ],
    [
      'acceptance',
      (t) => {
        t['declarations.accepted'] = '0';
      },
      {
        path: ['declarations.accepted'],
        message: '已阅读并同意各部门告知承诺书，使用标准公司章程须勾选确认',
      },
    ],
    [
      'scope code',
      (t) => {
        t.scope = [{ code: 'Z99001' }];
      },
      { path: ['scope', 0, 'code'], message: '第1项经营范围的经营范围条目不是经营范围规范表述目录中的条目' },
    ],
    [
      'ID number check character',
      (t) => {
        t.persons = typedPersons.map((p, i) => (i === 2 ? { ...p, idNumber: '350203199511200824' } : p));
      },
      { path: ['persons', 2, 'idNumber'], message: '人员“黄思琪”的证件号码校验位不正确，请核对' },
    ],
    [
      'typed 性别 contradicting the ID number',
      (t) => {
        t.persons = typedPersons.map((p, i) => (i === 0 ? { ...p, gender: '2' } : p));
      },
      {
        path: ['persons', 0, 'gender'],
        message: '人员“林志远”：性别与公民身份号码不一致（身份证号码第17位奇数为男、偶数为女）',
      },
    ],
    [
      'typed 出生日期 contradicting the ID number',
      (t) => {
        t.persons = typedPersons.map((p, i) => (i === 1 ? { ...p, birthDate: '1990-08-03' } : p));
      },
      { path: ['persons', 1, 'birthDate'], message: '人员“陈晓梅”：出生日期与公民身份号码不一致' },
    ],
    [
      'typed 行业 contradicting the main scope item',
      (t) => {
        t['company.industryCode'] = 'I64';
      },
      { path: ['company.industryCode'], message: '行业应与主营经营范围对应的国民经济行业一致' },
    ],
    [
      'company name',
      (t) => {
        t['company.name'] = '漳州云启软件科技合作社';
      },
      { path: ['company.name'], message: '企业名称应以“有限公司”或“有限责任公司”结尾' },
    ],
  ];

  it.each(CASES.map(([name, change, issue]) => [name, change, issue] as const))(
    '%s',
    (_name, change, issue) => {
      expect(issuesWith(change)).toContainEqual(issue);
    },
  );

  it('a credit code read from a licence is checked (GB 32100)', () => {
    const schema = elementSchema({
      label: '统一社会信用代码',
      kind: 'text',
      constraints: { checks: ['creditCode'] },
    });
    expect(schema.safeParse('91350603MA0044EF1P').success).toBe(true);
    expect(schema.safeParse('91350603MA0044EF1Q').error?.issues[0]?.message).toBe(
      '统一社会信用代码校验位不正确，请核对',
    );
    expect(schema.safeParse('91350603MA0044EF1').error?.issues[0]?.message).toBe('统一社会信用代码应为18位');
  });
});

describe('company names (国务院令第734号)', () => {
  it.each([
    ['漳州云启软件科技有限公司', '1130', undefined],
    ['云启（漳州）软件科技有限公司', '1130', undefined],
    ['福建省漳州市云启国际贸易有限公司', '1130', undefined],
    ['云启软件科技有限公司', '1130', '应冠以行政区划名称（如“漳州”），或将其置于字号之后的括号中'],
    ['漳州中华软件有限公司', '1130', '的字号不得使用“中国”“中华”“全国”“国家”“国际”等字词'],
    ['漳州启软件有限公司', '1130', '应依次由行政区划、字号（至少两个汉字）、行业或经营特点、组织形式组成'],
    ['漳州云启软件科技有限公司', '1200', '应以“股份有限公司”结尾'],
    ['漳州云启软件科技有限公司', '4540', '个人独资企业的名称不得含有“公司”字样'],
    ['漳州云启小吃店', '4540', undefined],
    ['漳州Cloud软件有限公司', '1130', '应使用规范汉字（括号使用全角“（）”）'],
  ])('%s (%s)', (name, type, problem) => {
    expect(companyNameProblem(name, type)).toBe(problem);
  });
});

describe('who is blamed', () => {
  it('a bad mobile typed for the 法定代表人 flags that field, not the phones derived from it', () => {
    const issues = issuesWith((t) => {
      t.persons = typedPersons.map((p, i) => (i === 0 ? { ...p, mobile: '1380596123' } : p));
    });
    expect(issues.map((issue) => issue.path.join('.'))).toEqual(['persons.0.mobile']);
  });

  it('a derived phone typed over is still checked', () => {
    const issues = issuesWith((t) => {
      t['company.phone'] = '12';
    });
    expect(issues.map((issue) => issue.path.join('.'))).toContain('company.phone');
  });

  it('asks to tick a box that must be ticked, not that it is empty', () => {
    const issues = issuesWith((t) => {
      delete t['declarations.accepted'];
    });
    expect(issues).toContainEqual({
      path: ['declarations.accepted'],
      message: '请勾选「已阅读并同意各部门告知承诺书，使用标准公司章程」',
    });
  });
});
