import { describe, expect, it } from 'vitest';
import { generateIdNumber } from '../../forms/codes/index.ts';
import type { PortalContext } from '../../sandbox/kit/portal.ts';
import { registrationAuthorityOf } from '../../sandbox/market-regulation/approval.ts';
import { normaliseRegistration } from '../../sandbox/market-regulation/normalise.ts';
import type { Draft } from '../../sandbox/market-regulation/wizard/draft.ts';
import { checkCompanyName } from '../../sandbox/market-regulation/wizard/step-basic.ts';
import { capitalStep } from '../../sandbox/market-regulation/wizard/step-capital.ts';
import { membersStep } from '../../sandbox/market-regulation/wizard/step-members.ts';

const ctx = {} as PortalContext;
const file = { fileName: 'a.jpg', sha256: 'x', size: 1, mimeType: 'image/jpeg' };

function draftWith(steps: Draft['steps']): Draft {
  return { id: 'd', steps, completed: 3, warned: true, files: { F1: file } };
}

const member = (
  i: number,
  name: string,
  roles: string[],
  idNumber: string,
  gender: string,
  birth: string,
) => ({
  [`ry[${i}][xm]`]: name,
  [`ry[${i}][zjlx]`]: '10',
  [`ry[${i}][zjhm]`]: idNumber,
  [`ry[${i}][xb]`]: gender,
  [`ry[${i}][csrq]`]: birth,
  [`ry[${i}][mz]`]: '01',
  [`ry[${i}][gj]`]: '156',
  [`ry[${i}][zzmm]`]: '13',
  [`ry[${i}][zz]`]: '漳州市',
  [`ry[${i}][yddh]`]: '13900000000',
  [`ry[${i}][zw]`]: roles,
  [`ry[${i}][sfzzm]`]: 'F1',
  [`ry[${i}][sfzfm]`]: 'F1',
});

describe('registration rules (server-side checks of the wizard)', () => {
  it('applies the 企业名称 rules of 国务院令第734号', () => {
    expect(checkCompanyName('漳州龙文云帆软件有限公司', '1130', '350603')).toBeUndefined();
    expect(checkCompanyName('中国云帆软件有限公司', '1130', '350603')).toBe('企业名称不得含有“中国”等字词');
    expect(checkCompanyName('漳州云帆软件', '1130', '350603')).toContain(
      '应当以“有限公司”或“有限责任公司”结尾',
    );
    expect(checkCompanyName('厦门云帆软件有限公司', '1130', '350603')).toContain(
      '冠以企业所在地行政区划名称',
    );
    expect(checkCompanyName('漳州云帆ABC有限公司', '1130', '350603')).toContain('规范汉字');
    expect(checkCompanyName('漳州云帆软件公司', '4540', '350603')).toBe('个人独资企业名称不得使用“公司”字样');
    expect(checkCompanyName('漳州软件有限公司', '1130', '350603')).toContain('字号不少于两个汉字');
  });

  it('checks ID numbers, sex and birth date, and the roles of the members', () => {
    const id = generateIdNumber({ region: '350603', birthDate: '1985-03-12', gender: '1', serial: 7 });
    const wrongCheck = `${id.slice(0, 17)}${id.endsWith('0') ? '1' : '0'}`;
    const base = { sfsdsh: '0', sfsjsh: '0' };
    const one = (roles: string[], idNumber = id, gender = '1', birth = '1985-03-12') =>
      membersStep.validate(
        { ...base, ...member(0, '张伟', roles, idNumber, gender, birth) },
        draftWith({}),
        ctx,
      );
    expect(one(['股东', '法定代表人', '执行董事', '监事'])['ry[0][zw]']).toBe(
      '监事不得兼任董事、经理或财务负责人',
    );
    expect(one(['股东', '法定代表人'])['ry[0][zw]']).toBe('法定代表人应由执行董事、董事长或经理担任');
    expect(one(['股东', '法定代表人', '执行董事'], wrongCheck)['ry[0][zjhm]']).toContain(
      '居民身份证号码不正确',
    );
    expect(one(['股东', '法定代表人', '执行董事'], id, '2')['ry[0][xb]']).toBe('性别与身份证号码不一致');
    expect(one(['股东', '法定代表人', '执行董事'], id, '1', '1985-03-13')['ry[0][csrq]']).toBe(
      '出生日期与身份证号码不一致',
    );
    expect(one(['股东', '执行董事']).ry).toBe('法定代表人必须且只能有一名（当前 0 名）');
    expect(one(['股东', '法定代表人', '执行董事']).ry).toBe('不设监事会的，应当设一名监事');
  });

  it('requires contributions to add up to the registered capital and to 100 %', () => {
    const id1 = generateIdNumber({ region: '350603', birthDate: '1985-03-12', gender: '1', serial: 7 });
    const id2 = generateIdNumber({ region: '350603', birthDate: '1990-07-08', gender: '2', serial: 8 });
    const draft = draftWith({
      1: { body: { zczb: '100', qylx: '1130' }, receivedAt: '', path: '/apply/1' },
      3: {
        body: {
          ...member(0, '张伟', ['股东', '法定代表人', '执行董事'], id1, '1', '1985-03-12'),
          ...member(1, '李娜', ['股东', '监事'], id2, '2', '1990-07-08'),
        },
        receivedAt: '',
        path: '/apply/3',
      },
    });
    const next = new Date();
    next.setFullYear(next.getFullYear() + 2);
    const deadline = next.toISOString().slice(0, 10);
    const row = (i: number, name: string, amount: string, ratio: string, until = deadline) => ({
      [`cz[${i}][gdmc]`]: name,
      [`cz[${i}][rjcze]`]: amount,
      [`cz[${i}][czfs]`]: '货币',
      [`cz[${i}][czbl]`]: ratio,
      [`cz[${i}][rjczqx]`]: until,
    });
    expect(
      capitalStep.validate({ ...row(0, '张伟', '60', '60'), ...row(1, '李娜', '40', '40') }, draft, ctx),
    ).toEqual({});
    expect(capitalStep.validate({ ...row(0, '张伟', '60', '60') }, draft, ctx).cz).toBe(
      '以下股东尚未填写出资信息：李娜',
    );
    expect(
      capitalStep.validate({ ...row(0, '张伟', '60', '60'), ...row(1, '李娜', '30', '30') }, draft, ctx).cz,
    ).toBe('认缴出资额合计（90 万元）与注册资本（100 万元）不一致');
    expect(
      capitalStep.validate({ ...row(0, '张伟', '60', '50'), ...row(1, '李娜', '40', '40') }, draft, ctx)[
        'cz[0][czbl]'
      ],
    ).toBe('出资比例与认缴出资额不符（应为 60%）');
    expect(
      capitalStep.validate(
        { ...row(0, '张伟', '60', '60'), ...row(1, '李娜', '40', '40', '2099-01-01') },
        draft,
        ctx,
      )['cz[1][rjczqx]'],
    ).toBe('有限责任公司股东认缴出资期限不得超过公司成立之日起五年');
  });

  it('names the registrar after the district of the 住所', () => {
    expect(registrationAuthorityOf('350603')).toBe('漳州市龙文区市场监督管理局');
    expect(registrationAuthorityOf('350102')).toBe('福州市鼓楼区市场监督管理局');
  });
});

describe('registration submissions normalised to the contract ids', () => {
  it('adds the conditional fields only when their condition holds', () => {
    const steps = (basic: Record<string, string>, materials: Record<string, string>): Draft => ({
      id: 'd',
      completed: 5,
      warned: true,
      files: { F1: file },
      steps: {
        1: {
          body: { qymc: '漳州龙文云帆软件有限公司', scjydz_tzs: '1', jyqx_lx: '1', ...basic },
          receivedAt: '',
          path: '/apply/1',
        },
        5: { body: { zsyyzm: 'F1', lqfs: '1', ...materials }, receivedAt: '', path: '/apply/5' },
      },
    });
    const plain = normaliseRegistration(steps({}, {})).fields;
    expect(Object.keys(plain)).not.toContain('businessAddress.region');
    expect(Object.keys(plain)).not.toContain('operatingTerm.years');
    expect(Object.keys(plain)).not.toContain('licenceDelivery.recipient');
    expect(plain['materials.domicileProof']).toEqual(file);
    const full = normaliseRegistration(
      steps(
        { scjydz_tzs: '0', scjydz_xzqh: '350602', scjydz_xxdz: '胜利西路1号', jyqx_lx: '2', jyqx_ns: '20' },
        { lqfs: '2', sjr: '张伟', sjrdh: '13900000000', sjdz: '龙文区朝阳北路1号' },
      ),
    );
    expect(full.fields).toMatchObject({
      'businessAddress.sameAsDomicile': '0',
      'businessAddress.region': '350602',
      'businessAddress.detail': '胜利西路1号',
      'operatingTerm.type': '2',
      'operatingTerm.years': '20',
      'licenceDelivery.method': '2',
      'licenceDelivery.recipient': '张伟',
      'licenceDelivery.phone': '13900000000',
      'licenceDelivery.address': '龙文区朝阳北路1号',
    });
    expect(full.files).toEqual({ zsyyzm: file });
  });
});
