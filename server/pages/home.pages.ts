import { html } from '../html/html.ts';
import { HOME_OF, sendPage } from '../html/layout.ts';
import type { RouteSpec } from '../http/routes.ts';
import type { Services } from '../services.ts';

/** The front door: signed-in people go to their own start page, visitors see what the service does. */
export function homeRoutes(services: Services): RouteSpec[] {
  return [
    {
      method: 'get',
      path: '/',
      access: 'public',
      kind: 'page',
      summary: '首页',
      handler: (req, res) => {
        if (req.yj.user) return res.redirect(303, HOME_OF[req.yj.user.role]);
        const bundles = services.catalog.bundles();
        sendPage(req, res, {
          title: '一件事 · 一键办',
          bare: true,
          width: 'wide',
          body: html`<section class="hero">
  <div class="hero__text">
    <h1 class="hero__title">开公司、开饭店，<br>一张表就够了</h1>
    <p class="hero__lead">选好要办的"一件事"，拍照上传身份证和证照，系统自动识别填表。确认提交后，窗口工作人员一键报送各个部门，办理进度和回执随时可查。</p>
    <div class="actions"><a class="button button--primary button--large" href="/register">注册并开始办理</a><a class="button button--large" href="/login">已有账号，登录</a></div>
  </div>
  <ol class="hero__steps">
    <li><span class="hero__step-no">1</span><span><strong>选择一件事</strong>开办企业、开餐饮店……</span></li>
    <li><span class="hero__step-no">2</span><span><strong>上传证照</strong>身份证、租赁合同，自动识别</span></li>
    <li><span class="hero__step-no">3</span><span><strong>确认一张表</strong>重复信息只填一次</span></li>
    <li><span class="hero__step-no">4</span><span><strong>一键报送</strong>各部门并联办理，进度实时可见</span></li>
  </ol>
</section>
${
  bundles.length
    ? html`<h2 class="section-title">可以办理的一件事</h2><div class="grid grid--2">${bundles.map(
        (
          bundle,
        ) => html`<article class="card bundle-card"><h3 class="bundle-card__name">${bundle.name}</h3><p class="bundle-card__summary">${bundle.summary}</p>
<p class="bundle-card__items">${bundle.items.length} 个事项：${bundle.items.map((item) => item.name).join('、')}</p></article>`,
      )}</div>`
    : ''
}`,
        });
      },
    },
  ];
}
