import type { DocumentReading } from '../../forms/derive/documents.ts';

// The readings of the 开餐饮店 case's photos that the bot tests and the projection tests both start from.

/** The company's existing business licence, as its photo reads. */
export const restaurantLicence = (companyName: string): DocumentReading => ({
  id: 'licence',
  kind: 'businessLicence',
  fields: {
    name: companyName,
    creditCode: '91350603MA0044EF1P',
    domicile: '福建省漳州市龙文区建元路2号101室',
    establishedDate: '2024年12月5日',
  },
});

/** The ID card of p1, 林志远: legal representative, liaison and 食品安全管理员. */
export const LIN_ZHIYUAN_ID_CARD: DocumentReading = {
  id: 'id-1',
  kind: 'idCardFront',
  person: 'p1',
  fields: {
    name: '林志远',
    idNumber: '350603198506120316',
    ethnicity: '汉',
    address: '福建省漳州市龙文区蓝田镇湘桥村123号',
  },
};
