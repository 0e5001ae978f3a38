import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { familyFor } from '../../bots/runtime/families/index.ts';
import { fillStep, readBack } from '../../bots/runtime/fill.ts';
import type { StepDeclaration } from '../../bots/runtime/types.ts';
import { regionCascade } from '../../bots/runtime/widgets/index.ts';
import {
  LAYUI_FILES,
  type LocalPage,
  later,
  localRun,
  LOCAL_ORIGIN as ORIGIN,
  openLocalPage,
  serveSite,
} from './support/local-page.ts';

/**
 * The food-licence portal's 经营场所 (a searchable 省 select, then 市 and 区 lists appended to <body>, each
 * loaded 150–600 ms after the level above is chosen, the whole form re-rendered each time) in a browser
 * whose CPU is throttled, as on a loaded machine with several bots. Before the fix, one fill in eight
 * failed: the option's click was abandoned after 400 ms. `YIJIAN_THROTTLE` and `YIJIAN_FILLS` raise the
 * load and the count when hunting a flake.
 */
const THROTTLE = Number(process.env.YIJIAN_THROTTLE ?? 8);
const FILLS = Number(process.env.YIJIAN_FILLS ?? 3);

const PAGE = `<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="/layui/css/layui.css"></head>
<body><form class="layui-form" lay-filter="apply" style="padding:20px">
<div class="layui-form-item"><label class="layui-form-label">经营场所</label><div class="layui-input-block"><div>
<div class="layui-input-inline"><select name="jycs_sheng" lay-filter="sheng" lay-search><option value="">请选择省</option></select></div>
<div class="layui-input-inline"><select name="jycs_shi" lay-filter="shi" lay-append-to="body"><option value="">请选择市</option></select></div>
<div class="layui-input-inline"><select name="jycs_qu" lay-filter="qu" lay-append-to="body"><option value="">请选择区县</option></select></div></div></div></div>
</form>
<script src="/layui/layui.js"></script>
<script>
layui.use(['form', 'layer'], () => {
  const { form, layer } = layui;
  const formEl = document.querySelector('form');
  const levels = ['jycs_sheng', 'jycs_shi', 'jycs_qu'].map((name) => formEl.querySelector('select[name=' + name + ']'));
  const placeholders = ['请选择省', '请选择市', '请选择区县'];
  const emptyLevel = (i) => { levels[i].innerHTML = '<option value="">' + placeholders[i] + '</option>'; };
  const loadLevel = async (i, parent) => {
    for (let j = i; j < levels.length; j += 1) emptyLevel(j);
    form.render('select', 'apply');
    try {
      const response = await fetch('/api/regions' + (parent ? '?parent=' + parent : ''));
      if (!response.ok) throw new Error(String(response.status));
      for (const region of await response.json()) levels[i].add(new Option(region.name, region.code));
    } catch { layer.msg('行政区划加载失败，请重新选择', { icon: 2 }); }
    form.render('select', 'apply');
  };
  form.on('select(sheng)', (data) => loadLevel(1, data.value));
  form.on('select(shi)', (data) => loadLevel(2, data.value));
  loadLevel(0, '');
});
</script></body></html>`;

const PROVINCES = [
  '北京市',
  '天津市',
  '河北省',
  '山西省',
  '内蒙古自治区',
  '辽宁省',
  '吉林省',
  '黑龙江省',
  '上海市',
  '江苏省',
  '浙江省',
  '安徽省',
  '福建省',
  '江西省',
  '山东省',
  '河南省',
  '湖北省',
  '湖南省',
  '广东省',
];
const TREE: Record<string, [string, string][]> = {
  '': PROVINCES.map((n, i) => [n === '福建省' ? '350000' : String(110000 + i * 10000), n]),
  '350000': [
    ['350100', '福州市'],
    ['350200', '厦门市'],
    ['350300', '莆田市'],
    ['350400', '三明市'],
    ['350500', '泉州市'],
    ['350600', '漳州市'],
    ['350700', '南平市'],
  ],
  '350600': [
    ['350602', '芗城区'],
    ['350603', '龙文区'],
    ['350681', '龙海区'],
  ],
};

const serve = serveSite({
  pages: { '/form': PAGE },
  libs: LAYUI_FILES,
  json: {
    '/api/regions': (url) =>
      later(
        150 + Math.random() * 450,
        (TREE[url.searchParams.get('parent') ?? ''] ?? []).map(([code, name]) => ({ code, name })),
      ),
  },
});

describe('the layui region on a loaded browser', () => {
  let local: LocalPage;
  let page: Page;
  beforeAll(async () => {
    local = await openLocalPage(serve);
    ({ page } = local);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
  });
  afterAll(() => local?.close());
  it('fills 福建省/漳州市/龙文区 each time, the choices read back from the page', async () => {
    const step: StepDeclaration = {
      name: 't',
      ready: { text: 'x' },
      fields: [{ field: 'region', find: { label: '经营场所' }, widget: regionCascade() }],
    };
    const results: string[] = [];
    for (let i = 0; i < FILLS; i += 1) {
      await page.goto(`${ORIGIN}/form`);
      const run = localRun(page, { values: { region: '350603' }, findTimeoutMs: 2000 });
      const t = Date.now();
      try {
        const bound = await fillStep(run, page, step, familyFor('layui'));
        await readBack(run, bound);
        const values = await page.evaluate(() =>
          [...document.querySelectorAll('select')].map((s) => (s as HTMLSelectElement).value).join('/'),
        );
        results.push(`${i} ${values} ${run.comparison.every((r) => r.matches)} ${Date.now() - t}ms`);
      } catch (e) {
        results.push(`${i} FAIL ${Date.now() - t}ms ${(e as Error).message}`);
      }
    }
    expect(results.map((r) => r.split(' ').slice(0, 3).join(' '))).toEqual(
      Array.from({ length: FILLS }, (_, i) => `${i} 350000/350600/350603 true`),
    );
  }, 300_000);
});
