import type { ElementDef, GroupDef } from '../model/types.ts';
import { applicant, byDefault, derived, element, labelled, producedBy } from './define.ts';

const BANK = 'bank-account';

export const SEAL_GROUP: GroupDef = {
  key: 'seals',
  label: '印章',
  section: 'seals',
  rowKey: 'type',
  rows: { default: 'seals' },
  typedRows: 'replace',
};

export const SEAL_TYPES = labelled([
  ['01', '单位公章'],
  ['02', '财务专用章'],
  ['03', '发票专用章'],
  ['04', '合同专用章'],
  ['05', '法定代表人名章'],
]);
export const SEAL_MATERIALS = ['铜', '光敏', '原子', '橡胶', '树脂'] as const;
export const SEAL_SIZES = ['Φ40mm', 'Φ38mm', '40×30mm', '18×18mm', '20×20mm'] as const;

/** Banks whose branches take appointments (the applicant picks one; the branch is picked by the bot). */
export const BANKS = [
  '中国工商银行',
  '中国农业银行',
  '中国银行',
  '中国建设银行',
  '交通银行',
  '中国邮政储蓄银行',
  '兴业银行',
  '招商银行',
] as const;

export const SEAL_ELEMENTS: readonly ElementDef[] = [
  element('seals[].type', '印章类型', 'enum', 'seals', [derived('seals[].type')], SEAL_TYPES),
  element('seals[].text', '印文', 'text', 'seals', [derived('seals[].text'), applicant], {
    constraints: { maxLength: 100 },
  }),
  element('seals[].material', '材质', 'enum', 'seals', [byDefault('光敏')], {
    constraints: { options: SEAL_MATERIALS },
  }),
  element('seals[].size', '规格', 'enum', 'seals', [derived('seals[].size')], {
    constraints: { options: SEAL_SIZES },
  }),
  element('seals[].quantity', '数量', 'int', 'seals', [byDefault('1')], { constraints: { min: 1, max: 5 } }),
];

export const BANK_ELEMENTS: readonly ElementDef[] = [
  element('bank.bank', '开户银行', 'enum', 'bank', [applicant], { constraints: { options: BANKS } }),
  element('bank.services', '服务选项', 'multi', 'bank', [byDefault(['网上银行', '电子回单'])], {
    constraints: { required: false, options: ['网上银行', '电子回单', '短信通知'] },
  }),
  element('bank.accountBank', '基本存款账户开户银行', 'text', 'bank', [
    producedBy(BANK, 'bankName'),
    applicant,
  ]),
  element('bank.accountNo', '基本存款账户账号', 'text', 'bank', [producedBy(BANK, 'accountNo'), applicant], {
    sensitive: true,
    constraints: { checks: ['accountNo'] },
  }),
];

export const TAX_ELEMENTS: readonly ElementDef[] = [
  element('tax.accountingStandard', '适用会计制度', 'enum', 'tax', [byDefault('102')], {
    ...labelled([
      ['101', '企业会计准则'],
      ['102', '小企业会计准则'],
      ['103', '民间非营利组织会计制度'],
    ]),
  }),
  element('tax.generalTaxpayer', '是否登记为增值税一般纳税人', 'bool', 'tax', [byDefault('0')]),
  element(
    'tax.mainBusinessCategory',
    '主营业务类别',
    'enum',
    'tax',
    [derived('tax.mainBusinessCategory'), applicant],
    {
      constraints: { options: ['工业', '商业', '服务业', '其他'] },
      when: { element: 'tax.generalTaxpayer', in: ['1'] },
    },
  ),
  element('tax.invoiceTypes', '票种', 'multi', 'tax', [byDefault(['数电发票（普通发票）'])], {
    constraints: { options: ['数电发票（普通发票）', '数电发票（增值税专用发票）'] },
  }),
  element('tax.ukey', '是否申领税务UKey', 'bool', 'tax', [byDefault('0')]),
  element('tax.depositAccountNature', '账户性质', 'enum', 'tax', [byDefault('基本存款账户')], {
    constraints: { options: ['基本存款账户', '一般存款账户'] },
  }),
];

export const INSURANCE_ELEMENTS: readonly ElementDef[] = [
  element('insurance.specialistDepartment', '社保专管员部门', 'text', 'insurance', [byDefault('综合部')], {
    constraints: { maxLength: 50 },
  }),
  element('insurance.socialTypes', '参保险种', 'multi', 'insurance', [byDefault(['110', '210', '410'])], {
    ...labelled([
      ['110', '企业职工基本养老保险'],
      ['210', '失业保险'],
      ['410', '工伤保险'],
    ]),
  }),
  element('insurance.medicalTypes', '医保险种', 'multi', 'insurance', [byDefault(['310', '510'])], {
    ...labelled([
      ['310', '职工基本医疗保险'],
      ['510', '生育保险'],
    ]),
  }),
  element('insurance.insuredDate', '参保日期', 'date', 'insurance', [
    derived('insurance.insuredDate'),
    applicant,
  ]),
];

export const FUND_ELEMENTS: readonly ElementDef[] = [
  element('fund.startMonth', '启缴年月', 'month', 'fund', [derived('fund.startMonth'), applicant]),
  element('fund.monthlyWageBase', '月缴存工资基数总额（元）', 'decimal', 'fund', [applicant], {
    constraints: { min: 1 },
  }),
  element('fund.employerRate', '单位缴存比例（%）', 'int', 'fund', [byDefault('5')], {
    constraints: { min: 5, max: 12 },
  }),
  element(
    'fund.employeeRate',
    '个人缴存比例（%）',
    'int',
    'fund',
    [derived('fund.employeeRate'), applicant],
    {
      constraints: { min: 5, max: 12 },
    },
  ),
  element('fund.payday', '发薪日', 'int', 'fund', [applicant], { constraints: { min: 1, max: 31 } }),
  element(
    'fund.agentOfficePhone',
    '经办人办公电话',
    'text',
    'fund',
    [derived('fund.agentOfficePhone'), applicant],
    {
      constraints: { checks: ['phone'] },
    },
  ),
];

export const DELIVERY_ELEMENTS: readonly ElementDef[] = [
  element('delivery.paperLicence', '是否领取纸质执照', 'bool', 'delivery', [byDefault('1')]),
  element('delivery.licenceCopies', '执照副本数量', 'int', 'delivery', [byDefault('1')], {
    constraints: { min: 1, max: 10 },
  }),
  element('delivery.licenceMethod', '执照领取方式', 'enum', 'delivery', [byDefault('1')], {
    ...labelled([
      ['1', '自取'],
      ['2', '邮寄'],
    ]),
  }),
  element('delivery.recipient', '收件人', 'text', 'delivery', [derived('delivery.recipient'), applicant], {
    when: { element: 'delivery.licenceMethod', in: ['2'] },
  }),
  element(
    'delivery.recipientPhone',
    '收件人电话',
    'text',
    'delivery',
    [derived('delivery.recipientPhone'), applicant],
    {
      constraints: { checks: ['phone'] },
      when: { element: 'delivery.licenceMethod', in: ['2'] },
    },
  ),
  element('delivery.address', '收件地址', 'text', 'delivery', [applicant], {
    constraints: { maxLength: 200 },
    when: { element: 'delivery.licenceMethod', in: ['2'] },
  }),
  element('delivery.sealPickupMethod', '印章领取方式', 'enum', 'delivery', [byDefault('1')], {
    ...labelled([
      ['1', '自取'],
      ['2', '邮寄'],
    ]),
  }),
  element(
    'delivery.sealAddress',
    '印章邮寄地址',
    'text',
    'delivery',
    [derived('delivery.sealAddress'), applicant],
    {
      constraints: { maxLength: 200 },
      when: { element: 'delivery.sealPickupMethod', in: ['2'] },
    },
  ),
];

export const DECLARATION_ELEMENTS: readonly ElementDef[] = [
  element(
    'materials.domicileProof',
    '住所使用证明（产权证明或租赁合同）',
    'upload',
    'declarations',
    [applicant],
    {
      document: 'domicileProof',
    },
  ),
  element(
    'declarations.accepted',
    '已阅读并同意各部门告知承诺书，使用标准公司章程',
    'bool',
    'declarations',
    [applicant],
    { constraints: { mustBe: '1' } },
  ),
];
