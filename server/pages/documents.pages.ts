import type { Request, Response } from 'express';
import { z } from 'zod';
import type { Application } from '../../store/applications.repo.ts';
import { ApplicationDocuments } from '../documents/documents.ts';
import { companyLines, PERMIT_COLUMNS, permitRows } from '../documents/licence-pdf.ts';
import { formatTime } from '../html/components.ts';
import { html, type SafeHtml } from '../html/html.ts';
import { sendPage } from '../html/layout.ts';
import { HttpError } from '../http/errors.ts';
import { applicantPage, deskPage, type RouteSpec } from '../http/routes.ts';
import type { Services } from '../services.ts';

/** The token a licence's QR code carries: 32 URL-safe characters (store/licences.repo.ts). */
const tokenSchema = z.string().regex(/^[A-Za-z0-9_-]{32}$/);

function sendPdf(res: Response, pdf: Buffer, fileName: string, disposition: 'inline' | 'attachment'): void {
  res.set('Content-Type', 'application/pdf');
  res.set('Cache-Control', 'private, no-store');
  res.set('Content-Disposition', `${disposition}; filename*=UTF-8''${encodeURIComponent(fileName)}`);
  res.send(pdf);
}

const origin = (req: Request) => `${req.protocol}://${req.get('host') ?? 'localhost'}`;

const unknownLicence = () =>
  new HttpError(
    404,
    'NOT_FOUND',
    '没有找到这张许可证。请核对二维码或地址是否完整；如有疑问，请向发证的政务服务中心咨询。',
  );

/**
 * The card linking an application's documents: the 办结通知书 once every item is done, the 行业综合许可证 once
 * its permits are (applicants download them; the counter opens them to print).
 */
export async function documentsCard(
  services: Services,
  application: Application,
  base: string,
  audience: 'applicant' | 'clerk',
): Promise<SafeHtml | ''> {
  const licence = await new ApplicationDocuments(services).licenceState(application);
  const completed = application.status === 'completed';
  if (!completed && licence !== 'ready') return '';
  const link = (href: string, label: string) =>
    audience === 'applicant'
      ? html`<a class="button" href="${href}" download>下载${label}（PDF）</a>`
      : html`<a class="button" href="${href}" target="_blank" rel="noopener">打印${label}</a>`;
  return html`<section class="card documents"><h2 class="card__title">办结文件</h2>
  <p class="actions">${licence === 'ready' ? link(`${base}/licence.pdf`, '行业综合许可证') : ''}${completed ? link(`${base}/notice.pdf`, '办结通知书') : ''}</p>
</section>`;
}

/**
 * The documents of an application, for its applicant (to download) and for the centre's clerks and admins
 * (to print): the 行业综合许可证 and the 办结通知书. And the licence's public verification page, reached by the
 * token in its QR code, without signing in, showing only what the printed licence shows.
 */
export function documentRoutes(services: Services): RouteSpec[] {
  const documents = new ApplicationDocuments(services);
  // The applicant downloads the PDFs; the desk opens them in the browser to print.
  const routesFor = (
    prefix: '/my' | '/desk',
    page: typeof applicantPage,
    disposition: 'inline' | 'attachment',
  ): RouteSpec[] => [
    page('get', `${prefix}/applications/:id/licence.pdf`, '行业综合许可证（PDF）', async (req, res) => {
      const { pdf, number } = await documents.licencePdf(req, String(req.params.id), origin(req));
      sendPdf(res, pdf, `行业综合许可证-${number}.pdf`, disposition);
    }),
    page('get', `${prefix}/applications/:id/notice.pdf`, '办结通知书（PDF）', async (req, res) => {
      sendPdf(res, await documents.noticePdf(req, String(req.params.id)), '办结通知书.pdf', disposition);
    }),
  ];

  return [
    ...routesFor('/my', applicantPage, 'attachment'),
    ...routesFor('/desk', deskPage, 'inline'),
    {
      method: 'get',
      path: '/verify/:token',
      access: 'public',
      kind: 'page',
      summary: '行业综合许可证核验',
      handler: async (req, res) => {
        const token = tokenSchema.safeParse(req.params.token);
        const licence = token.success ? await documents.verify(token.data) : undefined;
        if (!licence) throw unknownLicence();
        const { facts } = licence;
        res.set('Cache-Control', 'no-store');
        res.set('Referrer-Policy', 'no-referrer');
        sendPage(req, res, {
          title: '许可证核验',
          width: 'normal',
          body: html`<section class="card verify">
  <p class="verify__result"><span class="badge badge--completed">核验通过</span> 这是本系统签发的${facts.title}，内容与打印件一致。</p>
  <h2 class="card__title">${facts.title}（${facts.industry}）</h2>
  <p class="muted">编号 ${licence.number}</p>
  <dl class="item__facts">${companyLines(facts).map(([label, value]) => html`<div><dt>${label}</dt><dd>${value}</dd></div>`)}</dl>
  <h3>许可事项</h3>
  <table class="table"><thead><tr>${PERMIT_COLUMNS.map((column) => html`<th>${column}</th>`)}</tr></thead>
  <tbody>${permitRows(facts).map((row) => html`<tr>${row.map((cell) => html`<td>${cell}</td>`)}</tr>`)}</tbody></table>
  <p>发证单位：${facts.issuer}　发证日期：${facts.issuedOn}</p>
  <p class="muted">核验时间 ${formatTime(new Date())}。许可内容以各发证部门的记录为准。</p>
</section>`,
        });
      },
    },
  ];
}
