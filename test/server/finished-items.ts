/**
 * Items as the queue stores them once done: receipts and outputs in the shapes the bots read from the
 * sandbox portals (see the bank, public-security and restaurant bot tests), for the documents' tests and
 * their screenshots.
 */
export type StoredItems = Record<
  string,
  { receipt: Record<string, string>; outputs: Record<string, unknown> }
>;

export const PERMIT_ROWS: StoredItems = {
  'food-business-licence': {
    receipt: { reference: 'SP20261207000001', licenceNo: 'JY23506030001237' },
    outputs: { licenceNo: 'JY23506030001237', validUntil: '2031-12-06' },
  },
  signboard: {
    receipt: { reference: 'ZP20261207000001', acceptanceNo: 'ZPSL202612070001' },
    outputs: { acceptanceNo: 'ZPSL202612070001', validUntil: '2029-12-06' },
  },
  'fire-safety': {
    receipt: { reference: 'XF20261207000001', acceptanceNo: '漳消承受字〔2026〕第0007号' },
    outputs: { acceptanceNo: '漳消承受字〔2026〕第0007号', validity: '长期' },
  },
};

export const COMPANY_ROWS: StoredItems = {
  'business-registration': {
    receipt: { reference: 'SL20261207000001', acceptanceNo: 'SL20261207000001' },
    outputs: {
      acceptanceNo: 'SL20261207000001',
      creditCode: '91350603MA2Y8ABC1X',
      establishedDate: '2026-12-07',
    },
  },
  'seal-engraving': {
    receipt: { reference: 'BA20261207000003', filingNo: 'BA20261207000003' },
    outputs: {
      filingNo: 'BA20261207000003',
      'seals[].type': ['单位公章', '财务专用章'],
      'seals[].filingCode': ['3506034000001', '3506034000002'],
      engraver: '漳州市龙文区鑫源印章有限公司',
      engraverAddress: '龙文区建元东路2号',
      pickup: '到刻章企业自取',
    },
  },
  'bank-account': {
    receipt: { reference: 'YY2026120700017', appointmentNo: 'YY2026120700017' },
    outputs: {
      appointmentNo: 'YY2026120700017',
      accountNo: '35050166010700001234',
      bankName: '中国建设银行漳州龙文支行',
      appointmentTime: '2026-12-08 09:00-10:00',
      branchAddress: '龙文区建元东路8号',
    },
  },
  'tax-registration': {
    receipt: { reference: '13506030000202612070001', taxAcceptanceNo: '13506030000202612070001' },
    outputs: { taxAcceptanceNo: '13506030000202612070001', taxOffice: '国家税务总局漳州市龙文区税务局' },
  },
};

/** What the 办结通知书 of COMPANY_ROWS shows of their next steps: the bank appointment, seals and tax office. */
export const COMPANY_NOTICE_SHOWS = [
  '下一步：请法定代表人于2026-12-0809:00-10:00',
  '中国建设银行漳州龙文支行（龙文区建元东路8号）',
  '3506034000001',
  '3506034000002',
  '漳州市龙文区鑫源印章有限公司（龙文区建元东路2号）',
  '国家税务总局漳州市龙文区税务局',
];
