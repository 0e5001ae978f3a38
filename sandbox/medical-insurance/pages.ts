import { html, type SafeHtml } from '../kit/html/escape.ts';

/** The bureau's front page: service tiles and the rules of 单位参保登记. */
export const HOME: SafeHtml = html`<div class="mi-home">
<div class="mi-tiles">
<a class="mi-tile" href="/apply"><span class="mi-tile__icon">参</span><span class="mi-tile__name">单位参保登记</span><span class="mi-tile__note">职工基本医疗保险、生育保险</span></a>
<a class="mi-tile" href="/query"><span class="mi-tile__icon">查</span><span class="mi-tile__name">业务查询</span><span class="mi-tile__note">已提交业务的办理进度与结果</span></a>
<span class="mi-tile is-disabled"><span class="mi-tile__icon">变</span><span class="mi-tile__name">单位信息变更</span><span class="mi-tile__note">暂未开放网上办理</span></span>
</div>
<div class="mi-guide"><h3>办理须知</h3><ol>
<li>用人单位应自成立之日起三十日内办理医疗保险参保登记，参保日期不得早于单位成立日期。</li>
<li>单位名称、统一社会信用代码须与市场主体登记信息一致，系统将自动比对。</li>
<li>生育保险与职工基本医疗保险合并实施，须同时参保。</li>
<li>提交成功即办结，可在“业务查询”中查看单位医保编号。</li>
</ol></div>
</div>`;

/** The portal page around the business frame. */
export const APPLY_PAGE: SafeHtml = html`<div class="mi-crumb">当前位置：首页 &gt; 单位业务 &gt; 单位参保登记</div>
<iframe name="mainFrame" class="mi-iframe" src="/apply/frame" title="单位参保登记表" scrolling="no"></iframe>`;
