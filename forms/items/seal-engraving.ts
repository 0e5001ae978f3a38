import { scalar } from '../model/values.ts';
import { DOMICILE_USES, domicileInFull } from './codecs.ts';
import { computed, directive, el, group, personField } from './define.ts';
import type { ItemDef } from './types.ts';

/** 公章刻制备案 (公安局): needs the credit code; the portal texts an SMS code to the 经办人. */
export const sealEngraving: ItemDef = {
  id: 'seal-engraving',
  name: '公章刻制备案',
  department: '公安局',
  timeLimitDays: 0.5,
  sandbox: true,
  fields: [
    el('unitName', '单位名称', 'company.name'),
    el('creditCode', '统一社会信用代码', 'company.creditCode'),
    el('unitType', '单位类型', 'company.legalForm'),
    computed('unitAddress', '单位地址', DOMICILE_USES, ({ values }) => domicileInFull(values)),
    personField('legalRep.name', '法定代表人姓名', '法定代表人', 'name'),
    personField('legalRep.idNumber', '法定代表人证件号码', '法定代表人', 'idNumber'),
    personField('legalRep.mobile', '法定代表人手机', '法定代表人', 'mobile'),
    personField('agent.name', '经办人姓名', '经办人', 'name'),
    personField('agent.idNumber', '经办人证件号码', '经办人', 'idNumber'),
    personField('agent.mobile', '经办人手机', '经办人', 'mobile'),
    group('seals', '印章', 'seals', [
      el('type', '印章类型', 'seals[].type'),
      el('text', '印文', 'seals[].text'),
      el('material', '材质', 'seals[].material'),
      el('size', '规格', 'seals[].size'),
      el('quantity', '数量', 'seals[].quantity'),
    ]),
    directive(
      'engravingCompany',
      '刻章企业',
      ['company.domicile.region'],
      ({ values }) => `auto:first-in-district:${scalar(values, 'company.domicile.region') ?? ''}`,
    ),
    el('pickup.method', '领取方式', 'delivery.sealPickupMethod'),
    el('pickup.address', '邮寄地址', 'delivery.sealAddress', {
      when: { field: 'pickup.method', equals: '2' },
    }),
    // Sent to agent.mobile while the bot waits; only the person holding that phone can supply it.
    directive('smsCode', '短信验证码', ['persons[].mobile'], () => 'ask:sms-code'),
  ],
  produces: [
    { id: 'filingNo', label: '备案受理号' },
    { id: 'seals[].type', label: '印章类型' },
    { id: 'seals[].filingCode', label: '备案编码' },
    // Where the seals are collected with their 备案编码.
    { id: 'engraver', label: '刻章企业' },
    { id: 'engraverAddress', label: '刻章企业地址' },
    { id: 'pickup', label: '领取方式' },
  ],
};
