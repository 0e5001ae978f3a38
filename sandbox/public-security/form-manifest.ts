import { field, type ManifestField } from '../kit/form-manifest.ts';

/** 公章刻制备案 on the public-security portal. */
export const itemId = 'seal-engraving' as const;

export const fields: readonly ManifestField[] = [
  field('unitName', '单位名称', 'text'),
  field('creditCode', '统一社会信用代码', 'text'),
  field('unitType', '单位类型', 'enum'),
  field('unitAddress', '单位地址', 'text'),
  field('legalRep.name', '法定代表人姓名', 'text'),
  field('legalRep.idNumber', '法定代表人证件号码', 'text'),
  field('legalRep.mobile', '法定代表人手机', 'text'),
  field('agent.name', '经办人姓名', 'text'),
  field('agent.idNumber', '经办人证件号码', 'text'),
  field('agent.mobile', '经办人手机', 'text'),
  field('seals[].type', '印章类型', 'enum'),
  field('seals[].text', '印文', 'text'),
  field('seals[].material', '材质', 'enum'),
  field('seals[].size', '规格', 'enum'),
  field('seals[].quantity', '数量', 'int'),
  field('engravingCompany', '刻章企业', 'enum'),
  field('pickup.method', '领取方式', 'enum'),
  field('pickup.address', '邮寄地址', 'text', { when: { field: 'pickup.method', equals: '2' } }),
  field('smsCode', '短信验证码', 'text'),
];
