import type { Page } from 'playwright-core';
import { documentPicture } from '../../../cli/document-picture.ts';
import { generateIdNumber } from '../../../forms/codes/index.ts';
import { chinaDate } from '../../../sandbox/kit/references.ts';
import {
  choose,
  chooseInTree,
  chooseRegion,
  clickRadio,
  item,
  pickDate,
  tick,
  typeInto,
  upload,
} from './person.ts';

/** A picture file as a phone camera would give it (a drawn card, real JPEG/PNG bytes). */
export function picture(name: string, text: string, type: 'jpeg' | 'png' = 'jpeg') {
  const buffer = documentPicture(text, { width: 320, height: 200, type });
  return { name, mimeType: type === 'jpeg' ? 'image/jpeg' : 'image/png', buffer };
}

const inYears = (years: number) => {
  const date = new Date();
  date.setFullYear(date.getFullYear() + years);
  return chinaDate(date);
};

/** The reference case of the 开办企业 bundle (a new LLC in 漳州市龙文区), as the applicant fills it in. */
export const REFERENCE_CASE = {
  companyName: '漳州龙文云帆软件有限公司',
  detail: '朝阳北路1号3幢501室',
  phone: '0596-2345678',
  postcode: '363000',
  employees: '8',
  capital: '100',
  scope: ['软件开发', '信息技术咨询服务', '数据处理服务'],
  members: [
    {
      name: '张伟',
      idNumber: generateIdNumber({ region: '350603', birthDate: '1985-03-12', gender: '1', serial: 7 }),
      gender: '男',
      birthDate: '1985-03-12',
      address: '福建省漳州市龙文区朝阳北路2号',
      mobile: '13905961234',
      email: 'zhangwei@example.com',
      roles: ['股东', '法定代表人', '执行董事', '经理', '联络员'],
    },
    {
      name: '李娜',
      idNumber: generateIdNumber({ region: '350602', birthDate: '1990-07-08', gender: '2', serial: 12 }),
      gender: '女',
      birthDate: '1990-07-08',
      address: '福建省漳州市芗城区胜利西路8号',
      mobile: '13805962345',
      email: '',
      roles: ['股东', '监事'],
    },
    {
      name: '王芳',
      idNumber: generateIdNumber({ region: '350603', birthDate: '1992-01-20', gender: '2', serial: 30 }),
      gender: '女',
      birthDate: '1992-01-20',
      address: '福建省漳州市龙文区建元路6号',
      mobile: '13705963456',
      email: '',
      roles: ['财务负责人'],
    },
  ],
  contributions: [
    { name: '张伟', amount: '60', ratio: '60', deadline: inYears(3) },
    { name: '李娜', amount: '40', ratio: '40', deadline: inYears(3) },
  ],
  recipient: { name: '张伟', phone: '13905961234', address: '福建省漳州市龙文区朝阳北路1号3幢501室' },
};

export const FILES = {
  fronts: REFERENCE_CASE.members.map((m, i) =>
    i === 2
      ? picture(`${m.name}-正面.png`, `居民身份证 ${m.name} 正面`, 'png')
      : picture(`${m.name}-正面.jpg`, `居民身份证 ${m.name} 正面`),
  ),
  backs: REFERENCE_CASE.members.map((m) => picture(`${m.name}-反面.jpg`, `居民身份证 ${m.name} 反面`)),
  lease: picture('租赁合同.jpg', '房屋租赁合同'),
};

const save = (page: Page) => page.getByRole('button', { name: '保存并下一步' }).click();

/** Steps 1–4 of the wizard, as a person fills them (step 1's first save asks to 继续). */
export async function fillSteps1to4(page: Page): Promise<void> {
  const c = REFERENCE_CASE;
  await typeInto(page, '企业名称', c.companyName);
  await chooseInTree(page, '企业类型', [
    '内资公司',
    '[1100] 有限责任公司',
    '[1130] 有限责任公司(自然人投资或控股)',
  ]);
  await chooseRegion(page, '住所', ['福建省', '漳州市', '龙文区']);
  await typeInto(page, '详细地址', c.detail);
  await typeInto(page, '联系电话', c.phone);
  await typeInto(page, '邮政编码', c.postcode);
  await typeInto(page, '注册资本（万元）', c.capital);
  await typeInto(page, '从业人数', c.employees);
  await save(page);
  await page.getByRole('dialog', { name: '温馨提示' }).getByRole('button', { name: '继续' }).click();
  await page.waitForURL(/\/apply\/2$/);

  await page.getByRole('button', { name: '选择经营范围' }).click();
  const dialog = page.getByRole('dialog', { name: '选择经营范围（规范表述）' });
  for (const name of c.scope) {
    await dialog.getByPlaceholder('输入关键字检索').fill(name);
    await dialog
      .locator('label.k-picker__item', {
        has: page.locator('.k-picker__name', { hasText: new RegExp(`^${name}$`) }),
      })
      .click();
  }
  await dialog.getByRole('button', { name: '确定' }).click();
  await save(page);
  await page.waitForURL(/\/apply\/3$/);

  for (const [i, member] of c.members.entries()) {
    if (i > 0) await page.getByRole('button', { name: '＋ 添加成员' }).click();
    const row = page.locator('.k-row').nth(i);
    await typeInto(row, '姓名', member.name);
    await typeInto(row, '证件号码', member.idNumber);
    await clickRadio(row, '性别', member.gender);
    await pickDate(row, '出生日期', member.birthDate);
    await typeInto(row, '住址', member.address);
    await typeInto(row, '移动电话', member.mobile);
    if (member.email) await typeInto(row, '电子邮箱', member.email);
    await tick(row, '职务/角色', member.roles);
    await upload(row, '身份证正面照片', FILES.fronts[i] as ReturnType<typeof picture>);
    await upload(row, '身份证反面照片', FILES.backs[i] as ReturnType<typeof picture>);
  }
  await save(page);
  await page.waitForURL(/\/apply\/4$/);

  for (const [i, contribution] of c.contributions.entries()) {
    const row = page.locator('.k-row').nth(i);
    await item(row, '股东名称').locator('.k-select__input').waitFor();
    await typeInto(row, '认缴出资额（万元）', contribution.amount);
    await choose(row, '出资方式', '货币');
    await typeInto(row, '出资比例（%）', contribution.ratio);
    await pickDate(row, '认缴出资期限', contribution.deadline);
  }
  await save(page);
  await page.waitForURL(/\/apply\/5$/);
}

/** Step 5 without the notice: the proof of domicile, articles, licence delivery by post. */
export async function fillStep5(page: Page): Promise<void> {
  const c = REFERENCE_CASE;
  await upload(page, '住所使用证明', FILES.lease);
  await page.getByLabel('使用标准公司章程').check();
  await clickRadio(page, '领取方式', '邮寄送达');
  await typeInto(page, '收件人', c.recipient.name);
  await typeInto(page, '收件人电话', c.recipient.phone);
  await typeInto(page, '收件地址', c.recipient.address);
}
