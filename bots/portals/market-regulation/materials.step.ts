import { checkbox, radio, readAndAccept, text, upload } from '../../runtime/widgets/index.ts';
import { label, wizardPages } from '../common/standard-pages.ts';

const { last } = wizardPages('企业设立登记 —');

import { DELIVERY_METHODS, YES_NO } from './options.ts';

/** Step 5 材料与承诺: proof of domicile, standard articles, licence delivery, the 告知承诺书 (read to the end). */
export const materialsStep = last('材料与承诺', {
  fields: [
    { field: 'materials.domicileProof', find: label('住所使用证明'), widget: upload() },
    { field: 'materials.articlesAccepted', find: label('公司章程'), widget: checkbox('使用标准公司章程') },
    { field: 'licenceCopies', find: label('执照副本数量'), widget: text() },
    { field: 'paperLicence', find: label('是否领取纸质执照'), widget: radio(YES_NO) },
    { field: 'licenceDelivery.method', find: label('领取方式'), widget: radio(DELIVERY_METHODS) },
    { field: 'licenceDelivery.recipient', find: label('收件人'), widget: text() },
    { field: 'licenceDelivery.phone', find: label('收件人电话'), widget: text() },
    { field: 'licenceDelivery.address', find: label('收件地址'), widget: text() },
    {
      field: 'commitmentAccepted',
      find: { after: '企业设立登记告知承诺书' },
      widget: readAndAccept('我已阅读并同意告知承诺书'),
    },
  ],
});
