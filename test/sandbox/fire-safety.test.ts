import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Submission } from '../../sandbox/kit/submissions.ts';
import { type RunningPortals, startPortals } from '../../sandbox/start.ts';
import { chinaToday, controlOf, JPEG, XhrClient } from './support/xhr-client.ts';

/**
 * 营业前消防安全检查 (TDesign) over HTTP, as its page's scripts talk to it: the kit's login, t-upload's posts,
 * the JSON application with messages by field, the control API, 我的申请 with 备注 and no 办件查询, a lost
 * answer, and a restart.
 */
class Client extends XhrClient {
  async application(unit: string, remark = ''): Promise<Record<string, string>> {
    const form = new FormData();
    form.set('slot', 'pmt');
    form.set('file', new Blob([JPEG], { type: 'image/jpeg' }), 'plan.jpg');
    const upload = (await (await this.fetch('/api/upload', { method: 'POST', body: form })).json()) as {
      id: string;
    };
    return {
      dwmc: unit,
      tyshxydm: '91350603MA0044EF1P',
      csmc: unit,
      cslx: '餐饮场所',
      csdz_sheng: '350000',
      csdz_shi: '350600',
      csdz_qu: '350603',
      csdz_xxdz: '建元路2号101室',
      jzmj: '80.5',
      sylc: '第1层',
      sbrq: chinaToday(),
      tysy: chinaToday().slice(0, 7),
      zrr_xm: '林志远',
      zrr_zjlx: '居民身份证',
      zrr_zjhm: '350603198506120316',
      zrr_dh: '13805961234',
      glr_xm: '林志远',
      glr_dh: '13805961234',
      pmt: upload.id,
      bz: remark,
      cn: '1',
    };
  }

  apply(body: Record<string, string>): Promise<Response> {
    return this.fetch('/api/apply', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  }
}

describe('fire-safety sandbox portal', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'yijian-fire-'));
  let portals: RunningPortals | undefined;
  afterAll(async () => {
    await portals?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const control = controlOf(() => portals, 'fire-safety');

  it('serves Vue and TDesign as shipped, its page behind its login, and no 办件查询', async () => {
    portals = await startPortals({ basePort: 0, dataDir });
    const client = new Client(portals.urls['fire-safety'] ?? '');
    const tdesign = await client.fetch('/vendor/tdesign/tdesign.min.js');
    expect(tdesign.status).toBe(200);
    expect((await tdesign.text()).slice(0, 40)).toContain('tdesign v1.');
    expect((await client.fetch('/vendor/tdesign/tdesign.min.css')).status).toBe(200);
    expect((await client.fetch('/vendor/vue/vue.global.prod.js')).status).toBe(200);
    const bounced = await fetch(`${client.base}/apply`, { redirect: 'manual' });
    expect(bounced.headers.get('location')).toMatch(/^\/login\?next=%2Fapply/);
    await client.login();
    expect(await (await client.fetch('/apply')).text()).toContain('/static/fire-safety.js');
    expect((await client.fetch('/query')).status).toBe(404);
  });

  it('answers messages by field name, files once when all is right, and lists it in 我的申请 with 备注', async () => {
    const client = new Client(portals?.urls['fire-safety'] ?? '');
    await client.login();
    const body = await client.application('漳州味来餐饮有限公司', '一键办 YJ-1/fire-safety');
    const refused = (await (
      await client.apply({
        ...body,
        csdz_qu: '350102',
        zrr_zjhm: '350603198506120317',
        cn: '',
        sbrq: '2020-01-01',
        tysy: '2020-01',
      })
    ).json()) as { ok: boolean; errors: Record<string, string> };
    expect(refused).toMatchObject({
      ok: false,
      errors: {
        csdz_qu: '场所所在区域选择有误',
        zrr_zjhm: '身份证号码校验不通过',
        cn: '请阅读并签署告知承诺书',
        sbrq: '申报日期应为当天',
        tysy: '拟投入使用年月应为本月起12个月内',
      },
    });
    const accepted = (await (await client.apply(body)).json()) as { ok: boolean; reference: string };
    expect(accepted.ok).toBe(true);
    const submission = await control<Submission>(`/submissions/${accepted.reference}`);
    expect(submission.fields).toMatchObject({
      unitName: '漳州味来餐饮有限公司',
      venueAddress: '福建省漳州市龙文区建元路2号101室',
      'responsible.idNumber': '350603198506120316',
      commitmentAccepted: '1',
      floorPlan: { fileName: 'plan.jpg', mimeType: 'image/jpeg' },
    });
    const mine = await (await client.fetch('/mine?dwmc=%E6%BC%B3%E5%B7%9E%E5%91%B3%E6%9D%A5')).text();
    expect(mine).toContain(accepted.reference);
    expect(mine).toContain('一键办 YJ-1/fire-safety');
  });

  it('loses an answer when told to, yet files; keeps its filings across a restart', async () => {
    const client = new Client(portals?.urls['fire-safety'] ?? '');
    await client.login();
    const body = await client.application('漳州食味轩餐饮有限公司');
    await control('/faults', { method: 'PUT', body: { loseAnswerTo: '/api/apply' } });
    const lost = await client
      .apply(body)
      .then((r) => r.json())
      .catch((e: unknown) => e);
    expect(lost).toBeInstanceOf(Error);
    const before = (await control<{ submissions: Submission[] }>('/submissions')).submissions;
    expect(before.map((s) => s.company)).toEqual(['漳州味来餐饮有限公司', '漳州食味轩餐饮有限公司']);
    // Used once: the next answer arrives.
    expect(await control('/faults')).toMatchObject({ loseAnswerTo: '' });

    await portals?.stop();
    portals = await startPortals({ basePort: 0, dataDir });
    const again = new Client(portals.urls['fire-safety'] ?? '');
    await again.login();
    const after = (await control<{ submissions: Submission[] }>('/submissions')).submissions;
    expect(after.map((s) => s.reference)).toEqual(before.map((s) => s.reference));
    expect(await (await again.fetch('/mine')).text()).toContain(before[1]?.reference ?? '-');
  });
});
