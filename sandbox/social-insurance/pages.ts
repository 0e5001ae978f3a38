import { type Body, type Errors, str } from '../kit/body.ts';
import { html, type SafeHtml } from '../kit/html/escape.ts';
import { textInput } from '../kit/html/widgets.ts';
import { gridBlock, gridRow } from './grid.ts';

/** The agency's front page: the services of 单位网上经办 as a table, with notices. */
export const HOME: SafeHtml = html`<div class="si-home">
<div class="si-home__intro">根据《社会保险法》第五十七条，用人单位应当自成立之日起三十日内凭营业执照向当地社会保险经办机构申请办理社会保险登记。本系统已与市场监管部门实现信息共享，新设立单位无需提交纸质材料。</div>
<table class="k-table si-services"><thead><tr><th style="width:70px">序号</th><th>业务名称</th><th>办理条件</th><th style="width:110px">办理时限</th><th style="width:180px">操作</th></tr></thead><tbody>
<tr><td>1</td><td>单位参保登记（养老、失业、工伤）</td><td>已取得营业执照且工商信息已共享至人社部门</td><td>即时办结</td><td><a class="k-btn k-btn--primary" href="/register">我要办理</a></td></tr>
<tr><td>2</td><td>办件查询</td><td>本账号已提交的业务</td><td>—</td><td><a class="k-btn" href="/query">查询</a></td></tr>
</tbody></table>
<div class="si-notices"><div class="si-notices__title">通知公告</div><ul>
<li><span>关于调整2025年度社会保险缴费基数上下限的通知</span><em>2025-07-01</em></li>
<li><span>新设立企业“一件事”联办：营业执照与社保登记同步办理</span><em>2025-05-20</em></li>
<li><span>系统将于每周日 22:00—24:00 进行例行维护，期间暂停服务</span><em>2025-03-12</em></li>
</ul></div>
</div>`;

/** Step 1 of 单位参保登记: the unit is looked up in the data shared by the market regulator. */
export function verifyForm(values: Body, errors: Errors, notYetShared: boolean): SafeHtml {
  const v = (name: string) => str(values, name);
  const table = gridBlock('单位信息核验', [
    gridRow({
      label: '统一社会信用代码',
      required: true,
      error: errors.aab998,
      control: textInput({
        name: 'aab998',
        value: v('aab998'),
        maxLength: 18,
        placeholder: '18位统一社会信用代码',
      }),
    }),
    gridRow({
      label: '单位名称',
      required: true,
      error: errors.aab004,
      control: textInput({ name: 'aab004', value: v('aab004'), placeholder: '与营业执照一致' }),
    }),
  ]);
  return html`${stepsLine(1)}
${notYetShared ? html`<div class="k-alert k-alert--warning" role="alert">市场监管部门登记信息同步存在时间差，新设立单位通常在登记后一段时间内完成共享。</div>` : ''}
<form method="post" action="/register" novalidate class="si-form">${table}
<p class="si-tip">系统将通过政务数据共享平台获取该单位的工商登记信息（名称、成立日期、法定代表人），核验通过后方可填写参保登记表。</p>
<div class="k-actions"><button type="submit" class="k-btn k-btn--primary">核验</button></div></form>`;
}

/** The agency's two-step progress line. */
export function stepsLine(current: 1 | 2 | 3): SafeHtml {
  const step = (no: number, label: string) =>
    html`<span class="si-steps__item${no === current ? ' is-current' : no < current ? ' is-done' : ''}">${no}. ${label}</span>`;
  return html`<div class="si-steps">${step(1, '单位信息核验')}<span class="si-steps__sep">→</span>${step(2, '填写参保登记表')}<span class="si-steps__sep">→</span>${step(3, '打印回执')}</div>`;
}
