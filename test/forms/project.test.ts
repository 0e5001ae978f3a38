import { describe, expect, it } from 'vitest';
import { loadCase } from '../../forms/cases/load.ts';
import { resolveForm } from '../../forms/derive/resolve.ts';
import { mergeBundle } from '../../forms/merge/merge.ts';
import { flattenProjection, projectItem } from '../../forms/project/project.ts';
import { LIN_ZHIYUAN_ID_CARD, restaurantLicence } from '../support/restaurant-documents.ts';
import { resolvedReference } from './reference.ts';
import { REFERENCE_PROJECTIONS } from './reference-projections.ts';

const { form, resolved } = await resolvedReference({ outputs: true });

describe('projecting the reference case onto each original form', () => {
  it.each(form.items)('%s', (item) => {
    const projection = projectItem(item, resolved.values);
    expect(projection.missing).toEqual([]);
    expect(projection.values).toEqual(REFERENCE_PROJECTIONS[item]);
  });

  it('writes each department’s own codes and formats', () => {
    const value = (item: string, id: string) =>
      flattenProjection(projectItem(item, resolved.values).values).find(([k]) => k === id)?.[1];
    expect(value('business-registration', 'members[].idType')).toBe('10');
    expect(value('tax-registration', 'financeOfficer.idType')).toBe('201');
    expect(value('social-insurance', 'legalRep.idType')).toBe('01');
    expect(value('social-insurance', 'unitType')).toBe('10');
    expect(value('medical-insurance', 'unitType')).toBe('企业');
    expect(value('social-insurance', 'insuredDate')).toBe('20250310');
    expect(value('medical-insurance', 'insuredDate')).toBe('2025-03-10');
    expect(value('housing-fund', 'startMonth')).toBe('202503');
    expect(value('seal-engraving', 'seals[].text')).toBe('漳州云启软件科技有限公司');
    expect(value('seal-engraving', 'engravingCompany')).toBe('auto:first-in-district:350603');
    expect(value('seal-engraving', 'smsCode')).toBe('ask:sms-code');
    expect(value('bank-account', 'branch')).toBe('auto:first-in-district:350603');
    expect(value('business-registration', 'members[].idFrontPhoto')).toEqual({ document: 'p1-id-front' });
    // The 发票专用章 carries the 税号 on its second line.
    const invoiceSeal = (
      projectItem('seal-engraving', resolved.values).values.seals as { text: string }[]
    )[2];
    expect(invoiceSeal?.text).toBe('漳州云启软件科技有限公司\n91350603MA0044EF1P');
  });

  it('lists what the form needs and the application cannot give yet', async () => {
    const early = (await resolvedReference()).resolved;
    expect(projectItem('tax-registration', early.values).missing.map((m) => m.field)).toEqual([
      'login.taxpayerId',
      'depositAccount.bank',
      'depositAccount.accountNo',
    ]);
    expect(projectItem('business-registration', early.values).missing).toEqual([]);
  });

  it('projects conditional fields only when their condition holds', async () => {
    const { formCase } = await resolvedReference();
    const typed = {
      ...formCase.typed,
      'company.businessAddress.sameAsDomicile': '0',
      'company.businessAddress.region': '350602',
      'company.businessAddress.detail': '胜利西路10号',
      'delivery.licenceMethod': '2',
      'delivery.address': '福建省漳州市芗城区胜利西路10号',
    };
    const resolvedAgain = resolveForm(form, { typed, documents: formCase.documents, today: formCase.today });
    const values = projectItem('business-registration', resolvedAgain.values).values;
    expect(values).toMatchObject({
      'businessAddress.sameAsDomicile': '0',
      'businessAddress.region': '350602',
      'businessAddress.detail': '胜利西路10号',
      'licenceDelivery.method': '2',
      'licenceDelivery.recipient': '林志远',
      'licenceDelivery.address': '福建省漳州市芗城区胜利西路10号',
    });
    expect(REFERENCE_PROJECTIONS['business-registration']).not.toHaveProperty('licenceDelivery.recipient');
  });

  it('projects the 开餐饮店 items from a licence photo and the restaurant data', () => {
    const restaurant = mergeBundle('open-restaurant');
    const { values } = resolveForm(restaurant, {
      today: '2025-03-03',
      typed: {
        'company.employees': '6',
        'company.businessAddress.sameAsDomicile': '1',
        scope: [{ code: 'H62001' }],
        persons: [{ id: 'p1', mobile: '13805961234', roles: ['法定代表人', '联络员', '食品安全管理员'] }],
        'food.items': ['热食类食品制售'],
        'food.area': '80',
        'food.seats': '24',
        'signboard.length': '4',
        'signboard.width': '0.8',
        'fire.floors': '1',
        'declarations.accepted': '1',
      },
      documents: [
        restaurantLicence('漳州味来餐饮有限公司'),
        LIN_ZHIYUAN_ID_CARD,
        { id: 'cert-1', kind: 'foodSafetyCertificate', person: 'p1' },
        { id: 'health', kind: 'healthCertificates' },
        { id: 'layout', kind: 'layoutPlan' },
        { id: 'flow', kind: 'processFlow' },
        { id: 'rules', kind: 'safetyRules' },
        { id: 'render', kind: 'signboardRendering' },
        { id: 'plan', kind: 'fireFloorPlan' },
      ],
    });
    const food = projectItem('food-business-licence', values);
    expect(food.missing).toEqual([]);
    expect(food.values).toMatchObject({
      operatorName: '漳州味来餐饮有限公司',
      creditCode: '91350603MA0044EF1P',
      premises: '福建省漳州市龙文区建元路2号101室',
      format: '餐饮服务经营者',
      safetyManagers: [
        {
          name: '林志远',
          idNumber: '350603198506120316',
          phone: '13805961234',
          certificate: { document: 'cert-1' },
        },
      ],
    });
    expect(projectItem('signboard', values)).toMatchObject({
      missing: [],
      values: {
        text: '漳州味来餐饮有限公司',
        location: '福建省漳州市龙文区建元路2号101室',
        'contact.name': '林志远',
      },
    });
    expect(projectItem('fire-safety', values)).toMatchObject({
      missing: [],
      values: {
        buildingArea: '80',
        'responsible.name': '林志远',
        'manager.name': '林志远',
        commitmentAccepted: '1',
      },
    });
  });
});

describe('projecting the 开餐饮店 case onto each original form', async () => {
  const formCase = await loadCase('restaurant');
  const restaurant = mergeBundle(formCase.bundle, formCase.choice);
  const { values } = resolveForm(restaurant, {
    typed: formCase.typed,
    documents: formCase.documents,
    today: formCase.today,
  });

  it.each(restaurant.items)('%s has no gap', (item) => {
    expect(projectItem(item, values).missing).toEqual([]);
  });

  it('takes the company from the licence photo and the account the applicant already has', () => {
    const value = (item: string, id: string) =>
      flattenProjection(projectItem(item, values).values).find(([k]) => k === id)?.[1];
    expect(value('food-business-licence', 'creditCode')).toBe('91350603MA0044EF1P');
    expect(value('fire-safety', 'creditCode')).toBe('91350603MA0044EF1P');
    expect(value('social-insurance', 'payAccount.accountNo')).toBe('1410020309200765432');
    expect(value('housing-fund', 'collection.bank')).toBe('中国工商银行漳州龙文支行');
    const managers = projectItem('food-business-licence', values).values.safetyManagers as unknown[];
    expect(managers).toHaveLength(2);
  });
});
