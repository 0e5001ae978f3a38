import { REGISTRATION_ROLES, rolesOf } from '../model/roles.ts';
import { attach, ID_TYPE_REGISTRATION } from './codecs.ts';
import { computed, el, group } from './define.ts';
import type { ItemDef } from './types.ts';

const notSameAddress = { field: 'businessAddress.sameAsDomicile', equals: '0' };
const byPost = { field: 'licenceDelivery.method', equals: '2' };

/** 企业设立登记 (市场监督管理局): the first wave; produces the credit code the others need. */
export const businessRegistration: ItemDef = {
  id: 'business-registration',
  name: '企业设立登记',
  department: '市场监督管理局',
  timeLimitDays: 1,
  sandbox: true,
  fields: [
    el('companyName', '企业名称', 'company.name', { constraints: { maxLength: 100 } }),
    el('companyType', '企业类型', 'company.type'),
    el('domicile.region', '住所（省/市/区县）', 'company.domicile.region'),
    el('domicile.detail', '住所详细地址', 'company.domicile.detail', { constraints: { maxLength: 200 } }),
    el('businessAddress.sameAsDomicile', '生产经营地址同住所', 'company.businessAddress.sameAsDomicile'),
    el('businessAddress.region', '生产经营地址（省/市/区县）', 'company.businessAddress.region', {
      when: notSameAddress,
    }),
    el('businessAddress.detail', '生产经营地址详细地址', 'company.businessAddress.detail', {
      when: notSameAddress,
    }),
    el('phone', '联系电话', 'company.phone'),
    el('postcode', '邮政编码', 'company.postcode'),
    el('employees', '从业人数', 'company.employees'),
    el('registeredCapital', '注册资本（万元）', 'company.registeredCapital'),
    el('currency', '币种', 'company.currency'),
    el('establishMethod', '设立方式', 'company.establishMethod'),
    el('accountingMethod', '核算方式', 'company.accountingMethod'),
    el('operatingTerm.type', '经营期限', 'company.operatingTermType'),
    el('operatingTerm.years', '经营期限（年）', 'company.operatingTermYears', {
      when: { field: 'operatingTerm.type', equals: '2' },
    }),
    group('businessScope', '经营范围', 'scope', [
      el('code', '经营范围条目', 'scope[].code'),
      el('main', '主营', 'scope[].main'),
    ]),
    el('businessScopeText', '经营范围', 'company.scopeText', { constraints: { maxLength: 3000 } }),
    el('industryCode', '行业', 'company.industryCode'),
    el('licenceCopies', '执照副本数量', 'delivery.licenceCopies'),
    el('paperLicence', '是否领取纸质执照', 'delivery.paperLicence'),
    el('licenceDelivery.method', '领取方式', 'delivery.licenceMethod'),
    el('licenceDelivery.recipient', '收件人', 'delivery.recipient', { when: byPost }),
    el('licenceDelivery.phone', '收件人电话', 'delivery.recipientPhone', { when: byPost }),
    el('licenceDelivery.address', '收件地址', 'delivery.address', { when: byPost }),
    el('hasBoard', '是否设董事会', 'company.hasBoard'),
    el('hasSupervisoryBoard', '是否设监事会', 'company.hasSupervisoryBoard'),
    group(
      'members',
      '成员',
      'persons',
      [
        el('name', '姓名', 'persons[].name'),
        el('idType', '证件类型', 'persons[].idType', { wire: ID_TYPE_REGISTRATION }),
        el('idNumber', '证件号码', 'persons[].idNumber'),
        el('gender', '性别', 'persons[].gender'),
        el('birthDate', '出生日期', 'persons[].birthDate'),
        el('ethnicity', '民族', 'persons[].ethnicity'),
        el('nationality', '国籍', 'persons[].nationality'),
        el('address', '住址', 'persons[].address'),
        el('mobile', '移动电话', 'persons[].mobile'),
        el('email', '电子邮箱', 'persons[].email', { required: false }),
        el('politicalStatus', '政治面貌', 'persons[].politicalStatus'),
        computed('roles', '职务/角色', ['persons[].roles'], ({ row }) =>
          rolesOf(row ?? {}).filter((r) => (REGISTRATION_ROLES as readonly string[]).includes(r)),
        ),
        el('idFrontPhoto', '身份证正面照片', 'persons[].idFrontPhoto', { wire: attach }),
        el('idBackPhoto', '身份证反面照片', 'persons[].idBackPhoto', { wire: attach }),
      ],
      (row) => rolesOf(row).some((r) => (REGISTRATION_ROLES as readonly string[]).includes(r)),
    ),
    group('contributions', '股东出资', 'shareholders', [
      // Rows of another group that name a person read that person's elements.
      el('shareholderName', '股东名称', 'persons[].name'),
      el('subscribedCapital', '认缴出资额（万元）', 'shareholders[].subscribedCapital'),
      el('method', '出资方式', 'shareholders[].method'),
      el('ratio', '出资比例（%）', 'shareholders[].ratio'),
      el('deadline', '认缴出资期限', 'shareholders[].deadline'),
    ]),
    el('materials.domicileProof', '住所使用证明', 'materials.domicileProof', { wire: attach }),
    el('materials.articlesAccepted', '使用标准公司章程', 'declarations.accepted'),
    el('commitmentAccepted', '已阅读并同意告知承诺书', 'declarations.accepted'),
  ],
  produces: [
    { id: 'acceptanceNo', label: '受理编号' },
    { id: 'creditCode', label: '统一社会信用代码', element: 'company.creditCode' },
    { id: 'establishedDate', label: '成立日期', element: 'company.establishedDate' },
    { id: 'registrationAuthority', label: '登记机关', element: 'company.registrationAuthority' },
  ],
};
