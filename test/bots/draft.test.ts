import { describe, expect, it } from 'vitest';
import { draftBindings, labelVocabulary, renderDraft } from '../../bots/runtime/census/draft.ts';
import type { PageCensus } from '../../bots/runtime/census/types.ts';
import { cronOf } from '../../queue/drift-schedule.ts';

/** Drafting a declaration from a census, without a browser: Finds, widgets and the data elements of labels. */
describe('drafting a declaration from a census', () => {
  const census: PageCensus = {
    url: 'http://portal/open/1',
    headings: ['单位缴存登记（开户）— 单位基本信息'],
    fields: [
      {
        label: '单位全称',
        labelFrom: 'label',
        required: true,
        kind: 'text',
        family: 'native',
        options: [],
        name: 'dwmc',
      },
      {
        label: '单位性质',
        labelFrom: 'label',
        required: true,
        kind: 'div-select',
        family: 'native',
        options: ['国有企业', '私营企业'],
      },
      {
        label: '经办人手机',
        labelFrom: 'label',
        required: true,
        kind: 'text',
        family: 'native',
        options: [],
      },
      {
        label: '姓名',
        labelFrom: 'column',
        required: true,
        kind: 'text',
        family: 'native',
        options: [],
        table: '序号',
      },
      {
        label: '单位名称（英文）',
        labelFrom: 'label',
        required: false,
        kind: 'text',
        family: 'native',
        options: [],
      },
      {
        label: '启缴年月',
        labelFrom: 'label',
        required: true,
        kind: 'month-picker',
        family: 'native',
        options: [],
      },
    ],
    buttons: ['保存并下一步', '返回'],
    notices: [],
    uploads: [],
  };

  it('drafts each field with the Find a person uses, its widget and the element its label names', () => {
    const drafted = draftBindings(census, labelVocabulary('housing-fund'));
    expect(drafted.map((d) => d.find)).toEqual([
      { label: '单位全称' },
      { label: '单位性质' },
      { label: '经办人手机' },
      { column: '姓名' },
      { label: '单位名称（英文）' },
      { label: '启缴年月' },
    ]);
    expect(drafted.map((d) => d.widget)).toEqual([
      'text()',
      'divSelect(OPTIONS)',
      'text()',
      'text()',
      'text()',
      "datePicker({ wire: 'yyyyMM', month: true })",
    ]);
    // 单位全称 is 单位名称 of the other items' forms (the fund's own item is left out).
    expect(drafted[0]).toMatchObject({ element: { key: 'company.name' }, sure: true, name: 'dwmc' });
    expect(drafted[2]).toMatchObject({ element: { key: 'persons[].mobile', role: '经办人' }, sure: true });
    // A label that only contains a known one is a guess, marked for a person to confirm.
    expect(drafted[4]).toMatchObject({ element: { key: 'company.name' }, sure: false });
  });

  it('renders a step a person can finish, with the options and doubts as comments', () => {
    const drafted = draftBindings(census, labelVocabulary());
    const source = renderDraft([{ name: '单位基本信息', census, bindings: drafted }]);
    expect(source).toContain('ready: heading("单位缴存登记（开户）— 单位基本信息"),');
    expect(source).toContain('next: button("保存并下一步"),');
    expect(source).toMatch(
      /\{ field: "company\.name", find: label\("单位全称"\), widget: text\(\) \}, \/\/ 必填；name=dwmc；数据元 company\.name\n/,
    );
    expect(source).toMatch(
      /find: label\("单位性质"\), widget: divSelect\(OPTIONS\) \}, .*选项：国有企业、私营企业/,
    );
    expect(source).toMatch(/label\("单位名称（英文）"\).*TODO 确认/);
  });

  it('turns the admin’s time of day into a daily cron pattern', () => {
    expect(cronOf('02:30')).toBe('30 2 * * *');
    expect(cronOf('00:00')).toBe('0 0 * * *');
    expect(() => cronOf('24:00')).toThrow();
  });
});
