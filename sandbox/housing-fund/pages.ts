import { html, type SafeHtml } from '../kit/html/escape.ts';

/** The centre's front page for units: the 开户 guide and the business menu. */
export const HOME: SafeHtml = html`<div class="hf-home">
<div class="hf-home__menu">
<a class="hf-home__entry is-main" href="/open/new"><b>单位缴存登记（开户）</b><span>新设立单位自设立之日起30日内办理</span></a>
<a class="hf-home__entry" href="/query"><b>业务查询</b><span>查看已提交业务及单位公积金账号</span></a>
<span class="hf-home__entry is-disabled"><b>汇缴核定</b><span>开户后次月起办理</span></span>
<span class="hf-home__entry is-disabled"><b>职工个人账户设立</b><span>开户后办理</span></span>
</div>
<div class="hf-home__guide"><h3>单位缴存登记办事指南</h3>
<table class="k-table"><tbody>
<tr><th style="width:140px">办理依据</th><td>《住房公积金管理条例》第十三条、第十四条</td></tr>
<tr><th>申请材料</th><td>法定代表人身份证复印件（JPG/PNG 不超过2MB，或 PDF 不超过5MB）；营业执照信息由系统通过数据共享获取</td></tr>
<tr><th>缴存比例</th><td>单位和职工缴存比例均不低于5%、不高于12%，原则上应当一致</td></tr>
<tr><th>办理时限</th><td>即时办结，当场取得单位公积金账号</td></tr>
</tbody></table></div>
</div>`;
