import { type FormManifest, field, type ManifestField } from '../kit/form-manifest.ts';

/** 企业设立登记 on the market-regulation portal (wizard steps 1 基本信息 … 5 材料与承诺). */
export const itemId = 'business-registration' as const;

const notSameAddress = { field: 'businessAddress.sameAsDomicile', equals: '0' };
const byPost = { field: 'licenceDelivery.method', equals: '2' };

export const fields: readonly ManifestField[] = [
  field('companyName', '企业名称', 'text'),
  field('companyType', '企业类型', 'enum'),
  field('domicile.region', '住所（省/市/区县）', 'region'),
  field('domicile.detail', '住所详细地址', 'text'),
  field('businessAddress.sameAsDomicile', '生产经营地址同住所', 'bool'),
  field('businessAddress.region', '生产经营地址（省/市/区县）', 'region', { when: notSameAddress }),
  field('businessAddress.detail', '生产经营地址详细地址', 'text', { when: notSameAddress }),
  field('phone', '联系电话', 'text'),
  field('postcode', '邮政编码', 'text'),
  field('employees', '从业人数', 'int'),
  field('registeredCapital', '注册资本（万元）', 'decimal'),
  field('currency', '币种', 'enum'),
  field('establishMethod', '设立方式', 'enum'),
  field('accountingMethod', '核算方式', 'enum'),
  field('operatingTerm.type', '经营期限', 'enum'),
  field('operatingTerm.years', '经营期限（年）', 'int', {
    when: { field: 'operatingTerm.type', equals: '2' },
  }),
  field('businessScope[].code', '经营范围条目', 'code'),
  field('businessScope[].main', '主营', 'bool'),
  field('businessScopeText', '经营范围', 'text'),
  field('industryCode', '行业', 'code'),
  field('licenceCopies', '执照副本数量', 'int'),
  field('paperLicence', '是否领取纸质执照', 'bool'),
  field('licenceDelivery.method', '领取方式', 'enum'),
  field('licenceDelivery.recipient', '收件人', 'text', { when: byPost }),
  field('licenceDelivery.phone', '收件人电话', 'text', { when: byPost }),
  field('licenceDelivery.address', '收件地址', 'text', { when: byPost }),
  field('hasBoard', '是否设董事会', 'bool'),
  field('hasSupervisoryBoard', '是否设监事会', 'bool'),
  field('members[].name', '姓名', 'text'),
  field('members[].idType', '证件类型', 'enum'),
  field('members[].idNumber', '证件号码', 'text'),
  field('members[].gender', '性别', 'enum'),
  field('members[].birthDate', '出生日期', 'date'),
  field('members[].ethnicity', '民族', 'enum'),
  field('members[].nationality', '国籍', 'enum'),
  field('members[].address', '住址', 'text'),
  field('members[].mobile', '移动电话', 'text'),
  field('members[].email', '电子邮箱', 'text', { required: false }),
  field('members[].politicalStatus', '政治面貌', 'enum'),
  field('members[].roles', '职务/角色', 'multi'),
  field('members[].idFrontPhoto', '身份证正面照片', 'upload'),
  field('members[].idBackPhoto', '身份证反面照片', 'upload'),
  field('contributions[].shareholderName', '股东名称', 'text'),
  field('contributions[].subscribedCapital', '认缴出资额（万元）', 'decimal'),
  field('contributions[].method', '出资方式', 'enum'),
  field('contributions[].ratio', '出资比例（%）', 'decimal'),
  field('contributions[].deadline', '认缴出资期限', 'date'),
  field('materials.domicileProof', '住所使用证明', 'upload'),
  field('materials.articlesAccepted', '使用标准公司章程', 'bool'),
  field('commitmentAccepted', '已阅读并同意告知承诺书', 'bool'),
];

export const manifest: FormManifest = {
  item: itemId,
  portal: 'market-regulation',
  fields,
  produces: ['acceptanceNo', 'creditCode', 'establishedDate', 'registrationAuthority'],
};
