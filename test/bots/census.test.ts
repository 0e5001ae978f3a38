import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { declarationFor } from '../../bots/portals/registry.ts';
import { BrowserPool } from '../../bots/runtime/browser-pool.ts';
import { censusOf } from '../../bots/runtime/census/census.ts';
import type { PageCensus } from '../../bots/runtime/census/types.ts';
import { resolveRunnerOptions } from '../../bots/runtime/options.ts';
import { Run } from '../../bots/runtime/run.ts';
import type { PortalId } from '../../sandbox/kit/portal.ts';
import { accountOf } from './support/later-items.ts';
import { RecordingIo, Sandbox } from './support/sandbox.ts';

/** Logs in with the declaration's own login and opens the item's form, as a filing would. */
async function openForm(sandbox: Sandbox, page: Page, itemId: string, portalId: PortalId): Promise<void> {
  const declaration = declarationFor(itemId);
  if (!declaration) throw new Error(`no declaration for ${itemId}`);
  const run = new Run(
    page,
    {
      applicationId: 'census',
      applicationRef: 'census',
      itemId,
      portalId,
      baseUrl: sandbox.url(portalId),
      values: {},
      documents: {},
      credentials: accountOf(portalId) ?? { username: '', password: '' },
      reconcile: false,
    },
    new RecordingIo(sandbox.dir, (q) => sandbox.answer(q)),
    resolveRunnerOptions({ findTimeoutMs: 3000 }),
    undefined,
  );
  await declaration.login(run);
  await page.goto(run.url(declaration.entry));
}

const field = (census: PageCensus, label: string) => census.fields.find((f) => f.label === label);

describe('the census of a portal page', () => {
  const sandbox = new Sandbox();
  const pool = new BrowserPool({ size: 1, recycleAfterRuns: 10 });
  let page: Page;
  let release: () => Promise<void>;

  beforeAll(async () => {
    await sandbox.start();
    const lease = await pool.acquire();
    release = () => lease.release();
    page = await lease.context.newPage();
  });
  afterAll(async () => {
    await release?.();
    await pool.close();
    await sandbox.stop();
  });

  it('lists the layui form of the food-licence portal: labels, kinds, options, columns, uploads, notice', async () => {
    await openForm(sandbox, page, 'food-business-licence', 'food-licence');
    const census = await censusOf(page);
    expect(field(census, '经营者名称')).toMatchObject({
      labelFrom: 'label',
      required: true,
      kind: 'text',
      family: 'layui',
      name: 'jyzmc',
    });
    // The provinces load over XHR; the census waits for them (opening the list if need be).
    expect(field(census, '经营场所')?.kind).toBe('layui-region');
    expect(field(census, '经营场所')?.options).toContain('福建省');
    expect(field(census, '主体业态')?.kind).toBe('layui-radio');
    expect(field(census, '主体业态')?.options.length).toBeGreaterThan(1);
    expect(field(census, '经营项目')?.kind).toBe('layui-checkboxes');
    expect(field(census, '经营项目')?.options).toContain('预包装食品销售');
    expect(field(census, '申请日期')?.kind).toBe('layui-date');
    expect(field(census, '承诺书')?.kind).toBe('layui-notice');
    // The people's table: one field per column, found as a group binding finds them.
    expect(field(census, '身份证号码')).toMatchObject({ labelFrom: 'column', table: '序号', kind: 'text' });
    expect(field(census, '培训合格证明')).toMatchObject({ labelFrom: 'column', kind: 'layui-upload' });
    expect(census.uploads).toEqual(
      expect.arrayContaining(['从业人员健康证明', '经营场所平面布局图', '操作流程图', '食品安全管理制度']),
    );
    expect(census.notices).toContainEqual({
      title: '承诺书',
      agree: '我已阅读并签署《食品经营许可告知承诺书》',
    });
    expect(census.buttons).toEqual(expect.arrayContaining(['添加人员', '提交申请']));
    // Every binding of the declaration has its field in the census, under the label it is found by.
    const labels = census.fields.map((f) => f.label);
    for (const label of [
      '经营者名称',
      '统一社会信用代码',
      '法定代表人（负责人）',
      '经营场所详细地址',
      '就餐座位数',
    ])
      expect(labels).toContain(label);
    // Read-only: nothing was filed.
    expect(await sandbox.submissions('food-licence')).toHaveLength(0);
  });

  it('lists a native (kit) form: radio, div selects with their lists, the region cascade, the headings', async () => {
    await openForm(sandbox, page, 'housing-fund', 'housing-fund');
    const census = await censusOf(page);
    expect(census.fields.map((f) => `${f.label}:${f.kind}`)).toEqual(
      expect.arrayContaining([
        '单位全称:text',
        '单位类型:radio',
        '单位性质:div-select',
        '隶属关系:div-select',
        '行政区划:region-cascade',
      ]),
    );
    expect(census.fields.every((f) => f.family === 'native' && f.required)).toBe(true);
    expect(field(census, '单位性质')?.options).toContain('国有企业');
    expect(field(census, '行政区划')?.options).toContain('福建省');
    expect(census.headings).toContain('单位信息');
    expect(census.buttons).toEqual(['保存并下一步']);
    expect(await sandbox.submissions('housing-fund')).toHaveLength(0);
  });

  it('opens a list that loads only when opened, reads a CSS-drawn star and a placeholder-only box', async () => {
    await page.setContent(`<style>.req::before{content:"*";color:red}</style>
<div><label class="req">开户银行</label><div><input type="hidden" name="bank"><input readonly placeholder="请选择">
<ul role="listbox"></ul></div></div>
<div><label>备注</label><div><textarea name="memo"></textarea></div></div>
<input name="keyword" placeholder="输入关键字检索">
<button type="button">保存</button>
<script>
document.querySelector('input[readonly]').addEventListener('click', () => setTimeout(() => {
  document.querySelector('[role=listbox]').innerHTML = '<li>中国银行</li><li>建设银行</li>';
}, 300));
</script>`);
    const census = await censusOf(page);
    expect(census.fields).toEqual([
      expect.objectContaining({
        label: '开户银行',
        required: true,
        kind: 'div-select',
        name: 'bank',
        options: ['中国银行', '建设银行'],
      }),
      expect.objectContaining({ label: '备注', required: false, kind: 'text', name: 'memo', options: [] }),
      expect.objectContaining({
        label: '输入关键字检索',
        labelFrom: 'placeholder',
        kind: 'text',
        name: 'keyword',
      }),
    ]);
    expect(census.buttons).toEqual(['保存']);
  });
});
