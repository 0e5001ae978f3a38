import { drawTable, type PdfFont, renderPdf, roomFor } from './pdf.ts';
import type { ReceiptWords } from './receipt-words.ts';

/** One item on the 办结通知书: its name, department, state in words, receipt and next step. */
export interface NoticeItem {
  name: string;
  department: string;
  status: string;
  words: ReceiptWords;
}

export interface NoticeInput {
  reference: string;
  bundleName: string;
  company: string;
  centre: string;
  issuedOn: string;
  items: NoticeItem[];
  /** The 行业综合许可证, when the bundle issued one. */
  licenceNumber?: string;
}

/**
 * 办结通知书: what each item of the application came to, in words, and what the applicant must still do and
 * where (the bank appointment, where to collect the seals, the tax office). Printable A4, several pages if
 * need be.
 */
export function noticePdf(input: NoticeInput, font: PdfFont): Promise<Buffer> {
  return renderPdf({ font, title: `办结通知书 ${input.reference}` }, (doc) => {
    const left = doc.page.margins.left;
    const width = doc.page.width - left - doc.page.margins.right;
    doc
      .fillColor('#1f1f1f')
      .fontSize(22)
      .text('办结通知书', left, 56, { width, align: 'center', characterSpacing: 4 });
    let y = drawTable(doc, { x: left, y: 100, widths: [110, width - 110] }, undefined, [
      ['办件编号', input.reference],
      ['一件事', input.bundleName],
      ['申请单位', input.company],
      ...(input.licenceNumber ? [['行业综合许可证', `编号 ${input.licenceNumber}（另附）`]] : []),
    ]);
    doc
      .fontSize(11)
      .text(
        `您申请的“${input.bundleName}”各事项办理情况如下。标有“下一步”的事项，还需您按所列时间、地点办理。`,
        left,
        y + 14,
        { width },
      );
    y = doc.y + 8;

    input.items.forEach((item, index) => {
      y = roomFor(doc, y, 80);
      doc
        .fontSize(13)
        .fillColor('#1f1f1f')
        .text(`${index + 1}. ${item.name}`, left, y + 8, { continued: true })
        .fontSize(10)
        .fillColor('#595959')
        .text(`　${item.department} · ${item.status}`);
      y = doc.y + 4;
      if (item.words.facts.length) {
        y = drawTable(
          doc,
          { x: left, y, widths: [130, width - 130] },
          undefined,
          item.words.facts.map((fact) => [fact.label, fact.value]),
        );
      }
      for (const list of item.words.lists) {
        const column = width / list.columns.length;
        y = drawTable(
          doc,
          { x: left, y: y + 6, widths: list.columns.map(() => column) },
          list.columns,
          list.rows,
        );
      }
      if (item.words.nextStep) {
        y = roomFor(doc, y, 40);
        doc
          .fontSize(11)
          .fillColor('#a8071a')
          .text(`下一步：${item.words.nextStep}`, left, y + 6, { width });
        y = doc.y;
      }
      y += 6;
    });

    y = roomFor(doc, y, 60);
    doc
      .fillColor('#1f1f1f')
      .fontSize(12)
      .text(input.centre, left, y + 24, { width, align: 'right' })
      .text(input.issuedOn, left, doc.y + 4, { width, align: 'right' });
  });
}
