import { describe, expect, it } from 'vitest';
import { generateCreditCode } from '../../forms/codes/index.ts';
import {
  interpretCompanyName,
  interpretCompositionForm,
  interpretEntityType,
  interpretScope,
  interpretTerm,
} from '../../ocr/fields/licence.ts';
import { interpretLicence } from '../../ocr/read/licence.interpret.ts';
import { reading } from './reading.ts';

const GENERAL = '（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）';

describe('类型 and 组成形式 snapped to their closed lists', () => {
  it('normalises brackets and snaps small misreadings', () => {
    expect(interpretEntityType(reading('有限责任公司（自然人投资或控股）'))).toMatchObject({
      value: '有限责任公司(自然人投资或控股)',
      status: 'confident',
    });
    expect(interpretEntityType(reading('有限责任公司(自然人投资或控服)')).value).toBe(
      '有限责任公司(自然人投资或控股)',
    );
    expect(interpretEntityType(reading('个体工商户'))).toMatchObject({
      value: '个体工商户',
      status: 'confident',
    });
    expect(interpretCompositionForm(reading('家庭经营'))).toMatchObject({ value: '家庭经营' });
  });

  it('refuses text far from every entry', () => {
    expect(interpretEntityType(reading('某某某某')).status).toBe('unreadable');
  });
});

describe('名称 against the naming rule', () => {
  it('accepts 行政区划 + 字号 + 行业 + 组织形式', () => {
    expect(interpretCompanyName(reading('漳州市龙文区星辰软件科技有限公司'), 'company')).toMatchObject({
      value: '漳州市龙文区星辰软件科技有限公司',
      status: 'confident',
    });
  });

  it('snaps a prefecture one character off, asking to confirm', () => {
    expect(interpretCompanyName(reading('戎田市恒远建筑工程有限责任公司'), 'company')).toMatchObject({
      value: '莆田市恒远建筑工程有限责任公司',
      status: 'needs-confirmation',
    });
  });

  it('needs confirmation when the 组织形式 does not fit the type or the name lacks a division', () => {
    expect(interpretCompanyName(reading('漳州市龙文区星辰软件科技中心'), 'company').status).toBe(
      'needs-confirmation',
    );
    expect(interpretCompanyName(reading('星辰软件科技有限公司'), 'company').status).toBe(
      'needs-confirmation',
    );
    expect(interpretCompanyName(reading('中国星辰软件科技有限公司'), 'company').status).toBe(
      'needs-confirmation',
    );
  });
});

describe('营业期限', () => {
  it('normalises the term and checks it against 成立日期', () => {
    expect(interpretTerm(reading('2024年03月15日至长期'), '2024-03-15')).toMatchObject({
      value: '2024-03-15至长期',
      status: 'confident',
    });
    expect(interpretTerm(reading('2024年03月15日至2054年03月14日'), '2024-03-15').value).toBe(
      '2024-03-15至2054-03-14',
    );
    expect(interpretTerm(reading('2024年03月15日至长期'), '2024-03-16').status).toBe('needs-confirmation');
  });
});

describe('经营范围 against the 规范表述 list', () => {
  it('rebuilds the scope from matched items and the standard closing sentence', () => {
    const text = `一般项目：软件开发；信息技术咨询服务；数据处理服务。${GENERAL}`;
    expect(interpretScope(reading(text))).toMatchObject({ value: text, status: 'confident' });
  });

  it('snaps an item one character off and keeps items with their own brackets and commas', () => {
    const printed = `一般项目：软件开法；食品销售（仅销售预包装食品）；广告设计、代理。${GENERAL}`;
    const expected = `一般项目：软件开发；食品销售（仅销售预包装食品）；广告设计、代理。${GENERAL}`;
    expect(interpretScope(reading(printed)).value).toBe(expected);
  });

  it('needs confirmation for an item that is not in the list', () => {
    const field = interpretScope(reading(`一般项目：星际旅行；软件开发。${GENERAL}`));
    expect(field.status).toBe('needs-confirmation');
    expect(field.value).toContain('星际旅行');
  });
});

describe('licence cross-checks', () => {
  const code = generateCreditCode({ region: '350603', serial: 99 });
  const company = {
    creditCode: reading(code),
    name: reading('漳州市龙文区星辰软件科技有限公司'),
    type: reading('有限责任公司(自然人投资或控股)'),
    legalRepresentative: reading('林志强'),
    registeredCapital: reading('壹佰万元整'),
    establishedDate: reading('2024年03月15日'),
    businessTerm: reading('2024年03月15日至长期'),
    domicile: reading('福建省漳州市龙文区蓝田镇朝阳北路88号'),
    businessScope: reading(`一般项目：软件开发。${GENERAL}`),
    issueDate: reading('2024年03月15日'),
  };

  it('reads a consistent company licence as confident and names the registrar from the code', () => {
    const fields = interpretLicence('company', company);
    for (const [key, field] of Object.entries(fields)) expect(field.status, key).toBe('confident');
    expect(fields.registrationAuthority?.value).toBe('漳州市龙文区市场监督管理局');
    expect(fields.registeredCapital?.value).toBe('100');
  });

  it('checks 登记机关 against the district the seal names', () => {
    const agreeing = interpretLicence('company', { ...company, seal: reading('漳州市龙文区市场监督管理局') });
    expect(agreeing.registrationAuthority?.status).toBe('confident');
    const garbled = interpretLicence('company', { ...company, seal: reading('六平县市场到和留必未局') });
    expect(garbled.registrationAuthority?.status).toBe('confident');
    const other = interpretLicence('company', { ...company, seal: reading('漳州市芗城区市场监督管理局') });
    expect(other.registrationAuthority).toMatchObject({
      value: '漳州市龙文区市场监督管理局',
      status: 'needs-confirmation',
    });
    expect(other.registrationAuthority?.notes.join()).toContain('芗城区');
  });

  it('flags 成立日期 that differs from the start of 营业期限, and an issue date before it', () => {
    const fields = interpretLicence('company', {
      ...company,
      establishedDate: reading('2024年03月16日'),
      issueDate: reading('2023年01月01日'),
    });
    expect(fields.establishedDate?.status).toBe('needs-confirmation');
    expect(fields.issueDate?.status).toBe('needs-confirmation');
  });

  it('flags a code whose category does not fit a 个体工商户 licence', () => {
    const fields = interpretLicence('individual', { ...company, type: reading('个体工商户') });
    expect(fields.creditCode?.status).toBe('needs-confirmation');
    expect(fields.registrationAuthority?.status).toBe('needs-confirmation');
    expect(fields.creditCode?.notes.join()).toContain('机构类别');
  });

  it('flags a 类型 that contradicts the label set of the licence', () => {
    const fields = interpretLicence('sole', { ...company, type: reading('个体工商户') });
    expect(fields.type?.status).toBe('needs-confirmation');
  });
});
