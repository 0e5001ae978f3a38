import type { LicenceFacts } from './licence-facts.ts';
import { drawQr, drawTable, type PdfFont, renderPdf } from './pdf.ts';

const RED = '#a8071a';

/** The company's lines as printed, in order; the same lines the verification page shows. */
export function companyLines(facts: LicenceFacts): [string, string][] {
  return [
    ['名称', facts.company.name],
    ['统一社会信用代码', facts.company.creditCode],
    ['法定代表人（负责人）', facts.company.legalRep],
    ['住所', facts.company.address],
    ...(facts.company.premises ? [['经营场所', facts.company.premises] as [string, string]] : []),
  ];
}

export const PERMIT_COLUMNS = ['许可事项', '许可证编号', '发证部门', '有效期'];

export const permitRows = (facts: LicenceFacts): string[][] =>
  facts.permits.map((p) => [p.name, p.number, p.department, p.validity]);

/**
 * The 行业综合许可证 on one landscape A4 page: number, title and industry, the QR code that opens the public
 * verification page, the company, a table of the permits it brings together, the issuer and the date.
 */
export function licencePdf(
  facts: LicenceFacts,
  licence: { number: string; verifyUrl: string },
  font: PdfFont,
): Promise<Buffer> {
  return renderPdf({ font, title: `${facts.title} ${licence.number}`, layout: 'landscape' }, (doc) => {
    const { width, height } = doc.page;
    doc
      .rect(20, 20, width - 40, height - 40)
      .lineWidth(2.5)
      .stroke(RED);
    doc
      .rect(27, 27, width - 54, height - 54)
      .lineWidth(0.8)
      .stroke(RED);

    doc.fillColor('#1f1f1f').fontSize(10.5).text(`编号：${licence.number}`, 56, 48);
    const qr = 92;
    drawQr(doc, licence.verifyUrl, width - 56 - qr, 40, qr);
    doc.fontSize(8).text('扫码核验', width - 56 - qr, 40 + qr + 2, { width: qr, align: 'center' });

    doc
      .fillColor(RED)
      .fontSize(30)
      .text(facts.title, 56, 62, { width: width - 112, align: 'center', characterSpacing: 6 });
    doc
      .fillColor('#1f1f1f')
      .fontSize(14)
      .text(`（${facts.industry}）`, 56, 104, { width: width - 112, align: 'center' });

    const tableWidth = width - 112;
    let y = drawTable(
      doc,
      { x: 56, y: 156, widths: [150, tableWidth - 150], fontSize: 11 },
      undefined,
      companyLines(facts),
    );
    doc
      .fontSize(12)
      .fillColor(RED)
      .text('许可事项', 56, y + 14);
    y = drawTable(
      doc,
      { x: 56, y: y + 34, widths: [250, 190, 150, tableWidth - 590] },
      PERMIT_COLUMNS,
      permitRows(facts),
    );

    const footY = Math.max(y + 24, height - 130);
    doc
      .fillColor('#595959')
      .fontSize(9)
      .text(
        `本证依据上列各部门的办理结果生成，许可内容以发证部门的记录为准。扫描二维码或访问以下地址可核验本证：${licence.verifyUrl}`,
        56,
        footY,
        { width: tableWidth - 260 },
      );
    doc
      .fillColor('#1f1f1f')
      .fontSize(12)
      .text(`发证单位：${facts.issuer}`, width - 56 - 250, footY, { width: 250, align: 'right' })
      .text(`发证日期：${facts.issuedOn}`, width - 56 - 250, footY + 22, { width: 250, align: 'right' });
  });
}
