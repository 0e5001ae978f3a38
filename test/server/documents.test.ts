import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import type { LicenceFacts } from '../../server/documents/licence-facts.ts';
import { licencePdf } from '../../server/documents/licence-pdf.ts';
import { noticePdf } from '../../server/documents/notice-pdf.ts';
import { DEFAULT_PDF_FONT } from '../../server/documents/pdf.ts';
import { receiptWords } from '../../server/documents/receipt-words.ts';
import { COMPANY_NOTICE_SHOWS, COMPANY_ROWS } from './finished-items.ts';
import { expectPdfShows, squash } from './pdf-shows.ts';
import { pdfGrey, pdfPages } from './pdf-text.ts';

/**
 * The documents as built from stored receipts and outputs (the shapes the bots store, see the bank and
 * public-security bot tests): each receipt in words with its next step, the 行业综合许可证 read back from its
 * PDF (text and QR code), and the 办结通知书. The stored rows are the ones the screenshots use too; a missing
 * one is a broken fixture, not an empty receipt.
 */
const stored = (itemId: string) => {
  const row = COMPANY_ROWS[itemId];
  if (!row) throw new Error(`no stored row for ${itemId}`);
  return row;
};
const BANK = stored('bank-account');
const SEALS = stored('seal-engraving');
const TAX = stored('tax-registration');

const FACTS: LicenceFacts = {
  title: '行业综合许可证',
  industry: '餐饮服务',
  company: {
    name: '漳州市龙文区味道餐饮有限公司',
    creditCode: '91350603MA0044EF1P',
    legalRep: '林志远',
    address: '福建省漳州市龙文区建元路2号101室',
  },
  permits: [
    {
      name: '食品经营许可证',
      number: 'JY23506030001237',
      department: '市场监督管理局',
      validity: '至 2031-12-06',
    },
    {
      name: '户外招牌设置许可',
      number: 'ZPSL202612070001',
      department: '城市管理局',
      validity: '至 2029-12-06',
    },
    {
      name: '公众聚集场所投入使用、营业前消防安全检查合格证',
      number: '漳消承受字〔2026〕第0007号',
      department: '消防救援机构',
      validity: '长期',
    },
  ],
  issuer: '漳州市龙文区政务服务中心',
  issuedOn: '2026-12-07',
};

/** pdftotext breaks lines where the layout wraps; compare without whitespace. */

describe('receipts in words', () => {
  it('names each number once, by the department’s name for it, and says where to open the account', () => {
    const words = receiptWords('bank-account', BANK.receipt, BANK.outputs);
    expect(words.facts).toEqual([
      { label: '预约号', value: 'YY2026120700017' },
      { label: '账号', value: '35050166010700001234' },
      { label: '开户网点', value: '中国建设银行漳州龙文支行' },
    ]);
    expect(words.nextStep).toContain('2026-12-08 09:00-10:00');
    expect(words.nextStep).toContain('中国建设银行漳州龙文支行（龙文区建元东路8号）');
  });

  it('lists the seals with their 备案编码 and where to collect them; no raw key is left', () => {
    const words = receiptWords('seal-engraving', SEALS.receipt, SEALS.outputs);
    expect(words.facts).toEqual([{ label: '备案受理号', value: 'BA20261207000003' }]);
    expect(words.lists).toEqual([
      {
        columns: ['印章类型', '备案编码'],
        rows: [
          ['单位公章', '3506034000001'],
          ['财务专用章', '3506034000002'],
        ],
      },
    ]);
    expect(words.nextStep).toBe(
      '请经办人携带本人身份证原件，凭备案编码到漳州市龙文区鑫源印章有限公司（龙文区建元东路2号）领取印章。',
    );
    const posted = receiptWords('seal-engraving', SEALS.receipt, {
      ...SEALS.outputs,
      pickup: '邮寄（福建省漳州市芗城区胜利西路10号）',
    });
    expect(posted.nextStep).toContain('邮寄（福建省漳州市芗城区胜利西路10号）寄出');
  });

  it('keeps a department’s reference under 部门办件编号 only when no other name has it', () => {
    const words = receiptWords('tax-registration', { ...TAX.receipt, reference: 'SW-0001' }, TAX.outputs);
    expect(words.facts.map((f) => f.label)).toEqual(['税务受理号', '部门办件编号']);
    expect(words.nextStep).toContain('国家税务总局漳州市龙文区税务局');
    expect(receiptWords('tax-registration', TAX.receipt, TAX.outputs).facts.map((f) => f.label)).toEqual([
      '税务受理号',
    ]);
  });
});

describe('行业综合许可证 PDF', () => {
  const verifyUrl = 'https://yijian.example.gov.cn/verify/Zx8kq2Lr4Tn6Vb0Hc3Jd5Mf7Pw9Ys1Ga';

  it('prints the company, each permit with number, department and validity, and the verification address', async () => {
    const pdf = await licencePdf(FACTS, { number: '综许〔2026〕000001号', verifyUrl }, DEFAULT_PDF_FONT);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdfPages(pdf)).toBe(1);
    expectPdfShows(pdf, [
      '行业综合许可证',
      '（餐饮服务）',
      '编号：综许〔2026〕000001号',
      '漳州市龙文区味道餐饮有限公司',
      '91350603MA0044EF1P',
      '法定代表人（负责人）林志远',
      '福建省漳州市龙文区建元路2号101室',
      '发证单位：漳州市龙文区政务服务中心',
      '发证日期：2026-12-07',
      verifyUrl,
      ...FACTS.permits.flatMap((p) => [squash(p.name), p.number, p.department, squash(p.validity)]),
    ]);
  });

  it('draws a QR code whose modules encode the verification address', async () => {
    const pdf = await licencePdf(FACTS, { number: '综许〔2026〕000001号', verifyUrl }, DEFAULT_PDF_FONT);
    const dpi = 144;
    const scale = dpi / 72;
    const page = await pdfGrey(pdf, dpi);
    // Where licence-pdf.ts puts it: 92 pt square, 56 pt from the right edge, 40 pt from the top.
    const size = 92 * scale;
    const left = page.width - (56 + 92) * scale;
    const top = 40 * scale;
    const read = (count: number) => {
      const cell = size / (count + 4);
      return Array.from({ length: count }, (_, row) =>
        Array.from({ length: count }, (_, col) =>
          page.at(left + (col + 2.5) * cell, top + (row + 2.5) * cell) < 128 ? 1 : 0,
        ),
      );
    };
    const grid = (text: string) => {
      const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
      return Array.from({ length: modules.size }, (_, row) =>
        Array.from({ length: modules.size }, (_, col) => (modules.get(row, col) ? 1 : 0)),
      );
    };
    const expected = grid(verifyUrl);
    expect(read(expected.length)).toEqual(expected);
    // Another token gives another picture: the comparison above can fail.
    expect(read(expected.length)).not.toEqual(grid(verifyUrl.replace('Zx8k', 'Ab8k')));
  });
});

describe('办结通知书 PDF', () => {
  it('lists each item’s receipt and the next steps: the bank appointment, the seals’ codes and engraver, the tax office', async () => {
    const items = [
      {
        name: '银行预约开户',
        department: '开户银行',
        status: '已办结',
        words: receiptWords('bank-account', BANK.receipt, BANK.outputs),
      },
      {
        name: '公章刻制备案',
        department: '公安局',
        status: '已办结',
        words: receiptWords('seal-engraving', SEALS.receipt, SEALS.outputs),
      },
      {
        name: '新办纳税人涉税事项',
        department: '税务局',
        status: '已办结',
        words: receiptWords('tax-registration', TAX.receipt, TAX.outputs),
      },
    ];
    const pdf = await noticePdf(
      {
        reference: 'YJ202612070001',
        bundleName: '开办企业',
        company: '漳州云启软件科技有限公司',
        centre: '漳州市龙文区政务服务中心',
        issuedOn: '2026-12-07',
        items,
      },
      DEFAULT_PDF_FONT,
    );
    const text = expectPdfShows(pdf, [
      '办结通知书',
      'YJ202612070001',
      '漳州云启软件科技有限公司',
      ...COMPANY_NOTICE_SHOWS,
    ]);
    expect(text).not.toMatch(/filingNo|appointmentTime|部门办件编号/);
  });
});
