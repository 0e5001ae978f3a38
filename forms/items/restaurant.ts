import { holdsRole } from '../model/roles.ts';
import {
  attach,
  BUSINESS_ADDRESS_USES,
  businessAddressInFull,
  DOMICILE_USES,
  domicileInFull,
} from './codecs.ts';
import { computed, el, group, personField } from './define.ts';
import type { ItemDef } from './types.ts';

/** 食品经营许可 (新办), 市场监督管理局. */
export const foodBusinessLicence: ItemDef = {
  id: 'food-business-licence',
  name: '食品经营许可',
  department: '市场监督管理局',
  timeLimitDays: 10,
  sandbox: true,
  fields: [
    el('operatorName', '经营者名称', 'company.name'),
    el('creditCode', '统一社会信用代码', 'company.creditCode'),
    personField('legalRep.name', '法定代表人（负责人）', '法定代表人', 'name'),
    computed('domicile', '住所', DOMICILE_USES, ({ values }) => domicileInFull(values)),
    computed('premises', '经营场所', BUSINESS_ADDRESS_USES, ({ values }) => businessAddressInFull(values)),
    el('format', '主体业态', 'food.format'),
    el('items', '经营项目', 'food.items'),
    el('area', '经营面积（㎡）', 'food.area'),
    el('seats', '就餐座位数', 'food.seats'),
    group(
      'safetyManagers',
      '食品安全管理人员',
      'persons',
      [
        el('name', '姓名', 'persons[].name'),
        el('idNumber', '身份证号码', 'persons[].idNumber'),
        el('phone', '电话', 'persons[].mobile'),
        el('certificate', '培训合格证明', 'persons[].foodSafetyCertificate', { wire: attach }),
      ],
      (row) => holdsRole(row, '食品安全管理员'),
    ),
    el('employees', '从业人员人数', 'company.employees'),
    el('materials.healthCertificates', '健康证明', 'food.healthCertificates', { wire: attach }),
    el('materials.layoutPlan', '经营场所平面布局图', 'food.layoutPlan', { wire: attach }),
    el('materials.processFlow', '操作流程图', 'food.processFlow', { wire: attach }),
    el('materials.safetyRules', '食品安全管理制度', 'food.safetyRules', { wire: attach }),
  ],
  produces: [
    { id: 'licenceNo', label: '食品经营许可证编号' },
    { id: 'validUntil', label: '有效期至' },
  ],
  permit: { name: '食品经营许可证', number: 'licenceNo', validity: 'validUntil' },
};

/** 户外招牌设置, 城市管理局. */
export const signboard: ItemDef = {
  id: 'signboard',
  name: '户外招牌设置',
  department: '城市管理局',
  timeLimitDays: 5,
  sandbox: true,
  fields: [
    el('unitName', '单位名称', 'company.name'),
    el('creditCode', '统一社会信用代码', 'company.creditCode'),
    el('location', '设置地点', 'signboard.location'),
    el('text', '招牌文字', 'signboard.text'),
    el('size.length', '长（m）', 'signboard.length'),
    el('size.width', '宽（m）', 'signboard.width'),
    el('material', '材质', 'signboard.material'),
    el('illuminated', '是否发光', 'signboard.illuminated'),
    el('rendering', '效果图', 'signboard.rendering', { wire: attach }),
    personField('contact.name', '联系人', '联络员', 'name'),
    personField('contact.mobile', '联系人手机', '联络员', 'mobile'),
  ],
  produces: [
    { id: 'acceptanceNo', label: '受理编号' },
    { id: 'validUntil', label: '设置期限至' },
  ],
  permit: { name: '户外招牌设置许可', number: 'acceptanceNo', validity: 'validUntil' },
};

/** 公众聚集场所投入使用、营业前消防安全检查 (告知承诺), 消防救援机构. */
export const fireSafety: ItemDef = {
  id: 'fire-safety',
  name: '营业前消防安全检查（告知承诺）',
  department: '消防救援机构',
  timeLimitDays: 10,
  sandbox: true,
  fields: [
    el('unitName', '单位名称', 'company.name'),
    el('creditCode', '统一社会信用代码', 'company.creditCode'),
    el('venueName', '场所名称', 'fire.venueName'),
    computed('venueAddress', '场所地址', BUSINESS_ADDRESS_USES, ({ values }) =>
      businessAddressInFull(values),
    ),
    el('buildingArea', '建筑面积（㎡）', 'fire.buildingArea'),
    el('floors', '使用楼层', 'fire.floors'),
    personField('responsible.name', '消防安全责任人姓名', '消防安全责任人', 'name'),
    personField('responsible.idNumber', '消防安全责任人证件号码', '消防安全责任人', 'idNumber'),
    personField('responsible.phone', '消防安全责任人电话', '消防安全责任人', 'mobile'),
    personField('manager.name', '消防安全管理人姓名', '消防安全管理人', 'name'),
    personField('manager.phone', '消防安全管理人电话', '消防安全管理人', 'mobile'),
    el('commitmentAccepted', '已阅读并签署告知承诺书', 'declarations.accepted'),
    el('floorPlan', '消防设施平面图', 'fire.floorPlan', { wire: attach }),
  ],
  produces: [
    { id: 'acceptanceNo', label: '受理编号' },
    { id: 'validity', label: '有效期限' },
  ],
  permit: {
    name: '公众聚集场所投入使用、营业前消防安全检查合格证',
    number: 'acceptanceNo',
    validity: 'validity',
  },
};
