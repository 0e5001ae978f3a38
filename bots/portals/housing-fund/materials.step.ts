import { readAndAccept, upload } from '../../runtime/widgets/index.ts';
import { label, wizardPages } from '../common/standard-pages.ts';

const { last } = wizardPages('单位缴存登记（开户）—');

/** Step 3 材料与承诺: the legal representative's ID copy and the 承诺书, which counts down before it can be accepted. */
export const materialsStep = last('材料与承诺', {
  fields: [
    { field: 'legalRep.idCopy', find: label('法定代表人身份证复印件'), widget: upload(), personal: true },
    {
      // The portal's own 承诺书: not a field of the item, accepted on the applicant's behalf as the form requires.
      field: '承诺书',
      value: () => '1',
      find: { after: '住房公积金单位缴存承诺书' },
      widget: readAndAccept('本单位已阅读并同意《住房公积金单位缴存承诺书》'),
    },
  ],
});
