import { regionFullName } from '../../../forms/codes/index.ts';
import type { FormValues, Row } from '../../../forms/index.ts';
import { ApplicationActions } from '../../applications/actions.ts';
import { html, type SafeHtml } from '../../html/html.ts';
import { sendPage } from '../../html/layout.ts';
import { notFound } from '../../http/errors.ts';
import { applicantPage, type RouteSpec } from '../../http/routes.ts';
import type { Services } from '../../services.ts';

/**
 * What the applicant agrees to with one tick on the form: the departments' 告知承诺书 and the 标准公司章程 (the
 * model articles of a limited company, filled with this application's values as they stand). Readable as a
 * page (no JavaScript) or in a dialog over the form (static/form.js takes the page's <article>).
 */
export function agreementRoutes(services: Services): RouteSpec[] {
  const actions = new ApplicationActions(services);
  return [
    applicantPage(
      'get',
      '/my/applications/:id/agreements/:which',
      '阅读告知承诺书或公司章程',
      async (req, res) => {
        const application = await actions.get(req, String(req.params.id));
        const which = String(req.params.which);
        const values = application.values as FormValues;
        const items = services.catalog.bundle(application.bundleId)?.items ?? [];
        const body =
          which === 'commitment'
            ? commitment(
                values,
                items.map((item) => `${item.department}：${item.name}`),
              )
            : which === 'articles'
              ? articles(values)
              : undefined;
        if (!body) throw notFound('文书');
        sendPage(req, res, {
          title: which === 'commitment' ? '告知承诺书' : '公司章程（标准版）',
          crumbs: [
            { label: '我的办件', href: '/my' },
            { label: '确认表单', href: `/my/applications/${application.id}/form` },
          ],
          body: html`<article class="card agreement" data-agreement>${body}</article>`,
        });
      },
    ),
  ];
}

const text = (values: FormValues, key: string, blank = '＿＿＿＿') => {
  const value = values[key];
  return typeof value === 'string' && value.trim() ? value.trim() : blank;
};

function commitment(values: FormValues, items: readonly string[]): SafeHtml {
  return html`<h2 class="agreement__title">告知承诺书</h2>
<p>本人（申请人）代表 <strong>${text(values, 'company.name')}</strong>，就本次"一件事"申请办理的下列事项作出承诺：</p>
<ol>${items.map((item) => html`<li>${item}</li>`)}</ol>
<ol class="agreement__clauses">
<li>所填写的信息和提交的材料真实、准确、完整、有效，复印件与原件一致，不存在虚假记载、误导性陈述或重大遗漏。</li>
<li>已知晓各事项的办理条件、标准和要求，本企业符合上述条件；需要取得许可的经营项目，取得许可前不从事相关经营活动。</li>
<li>同意由服务中心窗口工作人员审核后，将本表单信息一并报送各相关部门，并由各部门依法核验；授权服务中心代为提交。</li>
<li>住所（经营场所）真实存在且可以用于经营，已取得合法使用权。</li>
<li>如有违反上述承诺，愿意承担相应的法律责任，接受有关部门依法作出的撤销登记、列入经营异常名录或严重违法失信名单等处理。</li>
</ol>
<p class="muted">勾选「已阅读并同意」即视为本人签署本承诺书；提交审核前可以随时修改表单。</p>`;
}

function articles(values: FormValues): SafeHtml {
  const persons = (Array.isArray(values.persons) ? values.persons : []) as Row[];
  const nameOf = (id: unknown) => {
    const person = persons.find((candidate) => candidate.id === id);
    return typeof person?.name === 'string' && person.name ? person.name : '＿＿＿＿';
  };
  const holding = (role: string) =>
    persons
      .filter((person) => Array.isArray(person.roles) && person.roles.includes(role))
      .map((person) => nameOf(person.id))
      .join('、') || '＿＿＿＿';
  const shareholders = (Array.isArray(values.shareholders) ? values.shareholders : []) as Row[];
  const region = text(values, 'company.domicile.region', '');
  const domicile = `${region ? (regionFullName(region) ?? '') : ''}${text(values, 'company.domicile.detail')}`;
  return html`<h2 class="agreement__title">${text(values, 'company.name')}章程</h2>
<p class="muted">依据《中华人民共和国公司法》制定的有限责任公司标准章程，以下内容按您在表单中填写的信息生成。</p>
<h3>第一章 总则</h3>
<p>第一条 公司名称：${text(values, 'company.name')}。</p>
<p>第二条 公司住所：${domicile}。</p>
<p>第三条 公司经营范围：${text(values, 'company.scopeText')}。公司经营范围中属于法律、行政法规规定须经批准的项目，依法经批准后方可经营。</p>
<h3>第二章 注册资本与股东出资</h3>
<p>第四条 公司注册资本为人民币 ${text(values, 'company.registeredCapital')} 万元。</p>
<p>第五条 股东的姓名、认缴出资额、出资方式和出资期限如下：</p>
<table class="table"><thead><tr><th>股东</th><th>认缴出资额（万元）</th><th>出资比例</th><th>出资方式</th><th>出资期限</th></tr></thead>
<tbody>${shareholders.map(
    (row) =>
      html`<tr><td>${nameOf(row.person)}</td><td>${String(row.subscribedCapital ?? '＿＿')}</td><td>${String(row.ratio ?? '＿＿')}%</td><td>${String(row.method ?? '货币')}</td><td>${String(row.deadline ?? '＿＿')}</td></tr>`,
  )}</tbody></table>
<p>第六条 股东应当按期足额缴纳各自所认缴的出资额；股东未按期足额缴纳出资的，应当对给公司造成的损失承担赔偿责任。</p>
<h3>第三章 组织机构</h3>
<p>第七条 股东会由全体股东组成，是公司的权力机构，依照《中华人民共和国公司法》行使职权；股东按照出资比例行使表决权。</p>
<p>第八条 公司不设董事会，设执行董事一名：${holding('执行董事')}；设经理一名：${holding('经理')}。</p>
<p>第九条 公司不设监事会，设监事一名：${holding('监事')}。董事、高级管理人员不得兼任监事。</p>
<p>第十条 公司的法定代表人由${holding('法定代表人')}担任。</p>
<h3>第四章 附则</h3>
<p>第十一条 公司营业期限自营业执照签发之日起计算。本章程经全体股东签署后生效，与登记机关登记的事项不一致的，以登记事项为准。</p>`;
}
