import { type Body, list, str } from '../kit/body.ts';
import type { UploadedFileMeta } from '../kit/submissions.ts';
import { type Draft, rowsOf, stepBody } from './wizard/draft.ts';
import { chosenScope } from './wizard/step-scope.ts';

/**
 * The saved wizard as the contract's business-registration fields (docs/item-fields.md), plus the uploaded
 * files by the HTML names that carried them. Conditional fields are present only when their condition holds.
 */
export function normaliseRegistration(draft: Draft): {
  fields: Record<string, unknown>;
  files: Record<string, UploadedFileMeta>;
} {
  const basic = stepBody(draft, 1);
  const scope = stepBody(draft, 2);
  const people = stepBody(draft, 3);
  const capital = stepBody(draft, 4);
  const materials = stepBody(draft, 5);
  const files: Record<string, UploadedFileMeta> = {};
  const file = (body: Body, name: string): UploadedFileMeta | undefined => {
    const meta = draft.files[str(body, name)];
    if (meta) files[name] = meta;
    return meta;
  };

  const fields: Record<string, unknown> = {
    companyName: str(basic, 'qymc'),
    companyType: str(basic, 'qylx'),
    'domicile.region': str(basic, 'zs_xzqh'),
    'domicile.detail': str(basic, 'zs_xxdz'),
    'businessAddress.sameAsDomicile': str(basic, 'scjydz_tzs'),
    phone: str(basic, 'lxdh'),
    postcode: str(basic, 'yzbm'),
    employees: str(basic, 'cyrs'),
    registeredCapital: str(basic, 'zczb'),
    currency: str(basic, 'bz'),
    establishMethod: str(basic, 'slfs'),
    accountingMethod: str(basic, 'hsfs'),
    'operatingTerm.type': str(basic, 'jyqx_lx'),
  };
  if (str(basic, 'scjydz_tzs') === '0') {
    fields['businessAddress.region'] = str(basic, 'scjydz_xzqh');
    fields['businessAddress.detail'] = str(basic, 'scjydz_xxdz');
  }
  if (str(basic, 'jyqx_lx') === '2') fields['operatingTerm.years'] = str(basic, 'jyqx_ns');

  const chosen = chosenScope(scope);
  fields.businessScope = chosen.map((c) => ({ code: c.code, main: c.main ? '1' : '0' }));
  fields.businessScopeText = str(scope, 'jyfwms');
  fields.industryCode = str(scope, 'hydm');

  fields.licenceCopies = str(materials, 'zzfbs');
  fields.paperLicence = str(materials, 'sflqzzzz');
  fields['licenceDelivery.method'] = str(materials, 'lqfs');
  if (str(materials, 'lqfs') === '2') {
    fields['licenceDelivery.recipient'] = str(materials, 'sjr');
    fields['licenceDelivery.phone'] = str(materials, 'sjrdh');
    fields['licenceDelivery.address'] = str(materials, 'sjdz');
  }
  fields.hasBoard = str(people, 'sfsdsh');
  fields.hasSupervisoryBoard = str(people, 'sfsjsh');
  fields.members = rowsOf(people, 'ry').map((row) => ({
    name: str(people, row.name('xm')),
    idType: str(people, row.name('zjlx')),
    idNumber: str(people, row.name('zjhm')).toUpperCase(),
    gender: str(people, row.name('xb')),
    birthDate: str(people, row.name('csrq')),
    ethnicity: str(people, row.name('mz')),
    nationality: str(people, row.name('gj')),
    address: str(people, row.name('zz')),
    mobile: str(people, row.name('yddh')),
    email: str(people, row.name('dzyx')),
    politicalStatus: str(people, row.name('zzmm')),
    roles: list(people, row.name('zw')),
    idFrontPhoto: file(people, row.name('sfzzm')),
    idBackPhoto: file(people, row.name('sfzfm')),
  }));
  fields.contributions = rowsOf(capital, 'cz').map((row) => ({
    shareholderName: str(capital, row.name('gdmc')),
    subscribedCapital: str(capital, row.name('rjcze')),
    method: str(capital, row.name('czfs')),
    ratio: str(capital, row.name('czbl')),
    deadline: str(capital, row.name('rjczqx')),
  }));
  fields['materials.domicileProof'] = file(materials, 'zsyyzm');
  fields['materials.articlesAccepted'] = str(materials, 'syzc');
  fields.commitmentAccepted = str(materials, 'gzcns');
  return { fields, files };
}
