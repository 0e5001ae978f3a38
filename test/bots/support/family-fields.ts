import type { StepField, Widget } from '../../../bots/runtime/types.ts';
import {
  checkboxes,
  datePicker,
  divSelect,
  radio,
  readAndAccept,
  regionCascade,
  upload,
} from '../../../bots/runtime/widgets/index.ts';

/** The fields of the form that every UI family's widget test builds in that library, one of each usual kind. */
export type FamilyField =
  | 'currency'
  | 'branch'
  | 'region'
  | 'sex'
  | 'types'
  | 'established'
  | 'startMonth'
  | 'licence'
  | 'accepted';

/** Where a family's demo page words a label or a button its own way. */
export interface FamilyWording {
  region?: string;
  startMonth: string;
  uploadButton: string;
}

const bind = (field: FamilyField, label: string, widget: Widget): StepField => ({
  field,
  find: { label },
  widget,
});

/**
 * The bindings of `names`, in the order given (the page's, since the order of filling matters to popups), found
 * by the labels a person sees on the family's form.
 */
export function familyFields(names: FamilyField[], wording: FamilyWording): StepField[] {
  const bindings: Record<FamilyField, () => StepField> = {
    currency: () => bind('currency', '币种', divSelect({ '156': '人民币', '840': '美元' })),
    branch: () => bind('branch', '开户网点', divSelect()),
    region: () => {
      if (!wording.region) throw new Error('a region field needs its label');
      return bind('region', wording.region, regionCascade());
    },
    sex: () => bind('sex', '性别', radio({ '2': '女', '1': '男' })),
    types: () => bind('types', '险种', checkboxes({ '510': '生育保险', '390': '大额医疗补助' })),
    established: () =>
      bind('established', '成立日期', datePicker({ wire: 'yyyy-MM-dd', shown: 'yyyy-MM-dd' })),
    startMonth: () =>
      bind('startMonth', wording.startMonth, datePicker({ wire: 'yyyyMM', shown: 'yyyy-MM', month: true })),
    licence: () => bind('licence', '营业执照', upload(wording.uploadButton)),
    accepted: () => bind('accepted', '承诺', readAndAccept('我已阅读并同意承诺书', '同意')),
  };
  return names.map((name) => bindings[name]());
}

/** The values every family's form takes for the fields whose choices are the same on each page. */
export const FAMILY_VALUES = {
  sex: '2',
  types: ['510', '390'],
  established: '2024-02-29',
  licence: { document: 'licence' },
  accepted: '1',
};
