import type { MergedForm } from '../merge/types.ts';
import { holdsRole, rolesOf } from '../model/roles.ts';
import type { FormValues } from '../model/types.ts';
import { addYears, formatDecimal, rowScalar, rowsOf, scalar, toNumber } from '../model/values.ts';
import { rowName } from './describe.ts';

export interface RuleIssue {
  readonly path: readonly (string | number)[];
  readonly message: string;
}

/** A rule over several fields; it applies when the form has the elements it names. */
export interface CrossFieldRule {
  readonly id: string;
  readonly description: string;
  readonly needs: readonly string[];
  check(values: FormValues, context: { readonly form: MergedForm; readonly today: string }): RuleIssue[];
}

const LLC = ['1130', '1151', '1110'];
const close = (a: number, b: number) => Math.abs(a - b) < 0.005;
const ROUND = ['Φ40mm', 'Φ38mm'];
const SEAL_SIZES_BY_TYPE: Readonly<Record<string, readonly string[]>> = {
  '01': ROUND,
  '02': ROUND,
  '03': ['40×30mm'],
  '04': ROUND,
  '05': ['18×18mm', '20×20mm'],
};
const INCOMPATIBLE_WITH_SUPERVISOR = ['执行董事', '董事长', '董事', '经理', '财务负责人'];

export const CROSS_FIELD_RULES: readonly CrossFieldRule[] = [
  {
    id: 'capital-sum',
    description: '股东认缴出资额之和等于注册资本',
    needs: ['shareholders[].subscribedCapital', 'company.registeredCapital'],
    check: (values) => {
      const rows = rowsOf(values, 'shareholders');
      const capital = toNumber(scalar(values, 'company.registeredCapital'));
      const sum = rows.reduce((s, r) => s + toNumber(rowScalar(r, 'subscribedCapital')), 0);
      if (rows.length === 0 || !Number.isFinite(capital) || !Number.isFinite(sum) || close(sum, capital))
        return [];
      return [
        {
          path: ['shareholders'],
          message: `各股东认缴出资额合计${formatDecimal(sum)}万元，应等于注册资本${formatDecimal(capital)}万元`,
        },
      ];
    },
  },
  {
    id: 'ratio-sum',
    description: '股东出资比例之和为100%',
    needs: ['shareholders[].ratio'],
    check: (values) => {
      const rows = rowsOf(values, 'shareholders');
      const sum = rows.reduce((s, r) => s + toNumber(rowScalar(r, 'ratio')), 0);
      if (rows.length === 0 || !Number.isFinite(sum) || close(sum, 100)) return [];
      return [{ path: ['shareholders'], message: `各股东出资比例合计${formatDecimal(sum)}%，应为100%` }];
    },
  },
  {
    id: 'one-legal-representative',
    description: '有且仅有一名法定代表人，由执行董事（董事长）或经理担任',
    needs: ['persons[].roles'],
    check: (values) => {
      const persons = rowsOf(values, 'persons');
      const reps = persons.flatMap((p, i) => (holdsRole(p, '法定代表人') ? [i] : []));
      if (reps.length !== 1)
        return [{ path: ['persons'], message: `应有且仅有一名法定代表人（现有${reps.length}名）` }];
      const index = reps[0] as number;
      const rep = persons[index];
      const type = scalar(values, 'company.type');
      const eligible = ['执行董事', '董事长', '经理'].some((r) => rolesOf(rep ?? {}).includes(r));
      if (type === '4540' || eligible) return [];
      return [
        {
          path: ['persons', index, 'roles'],
          message: `${rowName('persons', index, values)}担任法定代表人，应同时为执行董事（董事长）或经理`,
        },
      ];
    },
  },
  {
    id: 'supervisor-incompatible',
    description: '监事不得兼任董事、经理或财务负责人',
    needs: ['persons[].roles'],
    check: (values) =>
      rowsOf(values, 'persons').flatMap((p, i) => {
        const clash = rolesOf(p).filter((r) => INCOMPATIBLE_WITH_SUPERVISOR.includes(r));
        if (!holdsRole(p, '监事') || clash.length === 0) return [];
        return [
          {
            path: ['persons', i, 'roles'],
            message: `${rowName('persons', i, values)}为监事，不得兼任${clash.join('、')}`,
          },
        ];
      }),
  },
  {
    id: 'company-organs',
    description: '不设董事会的有一名执行董事，不设监事会的有一名监事；有限责任公司至少有一名股东',
    needs: ['company.hasBoard', 'company.hasSupervisoryBoard', 'persons[].roles'],
    check: (values) => {
      const type = scalar(values, 'company.type');
      if (type === '4540') return [];
      const persons = rowsOf(values, 'persons');
      const count = (role: '执行董事' | '董事长' | '监事' | '股东') =>
        persons.filter((p) => holdsRole(p, role)).length;
      const issues: RuleIssue[] = [];
      if (scalar(values, 'company.hasBoard') === '0' && count('执行董事') !== 1) {
        issues.push({
          path: ['persons'],
          message: `不设董事会的，应确定一名执行董事（现有${count('执行董事')}名）`,
        });
      }
      if (scalar(values, 'company.hasBoard') === '1' && count('董事长') !== 1) {
        issues.push({ path: ['persons'], message: '设董事会的，应确定一名董事长' });
      }
      if (scalar(values, 'company.hasSupervisoryBoard') === '0' && count('监事') < 1) {
        issues.push({ path: ['persons'], message: '不设监事会的，应确定一名监事' });
      }
      if (LLC.includes(type ?? '') && count('股东') < 1)
        issues.push({ path: ['persons'], message: '应至少有一名股东' });
      if (type === '1151' && count('股东') > 1) {
        issues.push({
          path: ['persons'],
          message: `有限责任公司(自然人独资)只能有一名股东（现有${count('股东')}名）`,
        });
      }
      return issues;
    },
  },
  {
    id: 'contribution-deadline',
    description: '有限责任公司股东认缴出资期限在公司成立之日起五年内（2024年公司法）',
    needs: ['shareholders[].deadline'],
    check: (values, { today }) => {
      if (!LLC.includes(scalar(values, 'company.type') ?? '')) return [];
      const limit = addYears(scalar(values, 'company.establishedDate') ?? today, 5);
      return rowsOf(values, 'shareholders').flatMap((row, i) => {
        const deadline = rowScalar(row, 'deadline');
        if (!deadline || deadline <= limit) return [];
        return [
          {
            path: ['shareholders', i, 'deadline'],
            message: `${rowName('shareholders', i, values)}的认缴出资期限应在公司成立之日起五年内（不晚于${limit}）`,
          },
        ];
      });
    },
  },
  {
    id: 'fund-rates-equal',
    description: '住房公积金单位和个人缴存比例相同',
    needs: ['fund.employerRate', 'fund.employeeRate'],
    check: (values) => {
      const employer = scalar(values, 'fund.employerRate');
      const employee = scalar(values, 'fund.employeeRate');
      if (!employer || !employee || toNumber(employer) === toNumber(employee)) return [];
      return [
        {
          path: ['fund.employeeRate'],
          message: `单位和个人的住房公积金缴存比例应相同（单位${employer}%，个人${employee}%）`,
        },
      ];
    },
  },
  {
    id: 'one-main-scope',
    description: '经营范围有且仅有一项主营',
    needs: ['scope[].main'],
    check: (values) => {
      const rows = rowsOf(values, 'scope');
      const main = rows.filter((r) => rowScalar(r, 'main') === '1').length;
      if (rows.length === 0) return [{ path: ['scope'], message: '经营范围至少选择一项' }];
      return main === 1 ? [] : [{ path: ['scope'], message: `经营范围应有且仅有一项主营（现有${main}项）` }];
    },
  },
  {
    id: 'seal-size-by-type',
    description: '印章规格与印章类型相符（发票专用章为椭圆40×30mm，名章为方章，其余为圆章）',
    needs: ['seals[].type', 'seals[].size'],
    check: (values) =>
      rowsOf(values, 'seals').flatMap((row, i) => {
        const type = rowScalar(row, 'type') ?? '';
        const size = rowScalar(row, 'size');
        const allowed = SEAL_SIZES_BY_TYPE[type];
        if (!size || !allowed || allowed.includes(size)) return [];
        return [
          {
            path: ['seals', i, 'size'],
            message: `${rowName('seals', i, values)}的规格应为${allowed.join('或')}`,
          },
        ];
      }),
  },
  {
    id: 'food-safety-manager',
    description: '食品经营许可须有食品安全管理人员',
    needs: ['persons[].foodSafetyCertificate'],
    check: (values) =>
      rowsOf(values, 'persons').some((p) => holdsRole(p, '食品安全管理员'))
        ? []
        : [{ path: ['persons'], message: '应至少确定一名食品安全管理人员' }],
  },
];
