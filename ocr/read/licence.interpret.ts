import { childrenOf, lookupRegion, provinces, validateCreditCode } from '../../forms/codes/index.ts';
import { interpretAddress } from '../fields/address.ts';
import { consensus } from '../fields/agreement.ts';
import { interpretCapital } from '../fields/capital.ts';
import { interpretCreditCodeReadings } from '../fields/credit-code.ts';
import {
  interpretCompanyName,
  interpretCompositionForm,
  interpretDate,
  interpretEntityType,
  interpretScope,
  interpretTerm,
} from '../fields/licence.ts';
import { interpretName } from '../fields/person.ts';
import { registrarName } from '../fields/registrar.ts';
import { field, type OcrField, type RawReading } from '../fields/result.ts';
import { LICENCE_LAYOUTS, type LicenceVariant } from '../templates/licence.template.ts';

/**
 * The text-level half of reading a licence, with the cross-checks between fields:
 * - the credit code's 机构类别 (1 企业, 2 个体工商户) must fit the 类型;
 * - 成立日期 is printed twice (also as the start of 营业期限); the two must agree;
 * - the issue date cannot precede 成立日期;
 * - 登记机关 is the 市场监督管理局 of the credit code's region digits (positions 3–8 name the registrar).
 */
export function interpretLicence(
  variant: LicenceVariant,
  readings: Record<string, RawReading>,
  extra: Record<string, RawReading[]> = {},
): Record<string, OcrField> {
  const empty: RawReading = { text: '', symbols: [] };
  const get = (key: string) => readings[key] ?? empty;
  const twice = (key: string, interpret: (reading: RawReading) => OcrField) =>
    consensus([get(key), ...(extra[key] ?? [])].map(interpret));
  const labelOf = (key: string) =>
    [...LICENCE_LAYOUTS[variant].left, ...LICENCE_LAYOUTS[variant].right].find(([k]) => k === key)?.[1] ??
    key;

  const type = interpretEntityType(get('type'));
  const expectedType =
    variant === 'individual' ? '个体工商户' : variant === 'sole' ? '个人独资企业' : undefined;
  if (type.value && expectedType && type.value !== expectedType) demote(type, '类型与执照的栏目不符，请核对');
  if (type.value && variant === 'company' && !/公司/.test(type.value))
    demote(type, '类型与执照的栏目不符，请核对');

  const creditCode = interpretCreditCodeReadings([get('creditCode'), ...(extra.creditCode ?? [])], {
    category: variant === 'individual' ? '2' : '1',
  });
  const fields: Record<string, OcrField> = {
    creditCode,
    name: twice('name', (r) => interpretCompanyName(r, variant)),
    type,
    legalRepresentative: twice('legalRepresentative', (r) =>
      interpretName(r, labelOf('legalRepresentative')),
    ),
  };

  const term = variant === 'company' ? twice('businessTerm', (r) => interpretTerm(r, undefined)) : undefined;
  const termStart = term?.value?.split('至')[0];
  const established = twice('establishedDate', (r) => interpretDate(r, labelOf('establishedDate')));
  if (established.value && termStart && termStart !== established.value) {
    demote(established, '与营业期限的起始日不一致，请核对');
  }
  fields.establishedDate = established;
  if (variant === 'company') {
    fields.registeredCapital = twice('registeredCapital', (r) => interpretCapital(r));
    fields.businessTerm = twice('businessTerm', (r) => interpretTerm(r, established.value ?? undefined));
  }
  if (variant === 'individual') fields.compositionForm = interpretCompositionForm(get('compositionForm'));
  fields.domicile = twice('domicile', (r) => interpretAddress(r, labelOf('domicile')));
  fields.businessScope = interpretScope(get('businessScope'));
  fields.registrationAuthority = registrationAuthority(creditCode, get('seal').text);
  const issue = twice('issueDate', (r) => interpretDate(r, '发照日期'));
  if (issue.value && established.value && issue.value < established.value)
    demote(issue, '发照日期早于成立日期，请核对');
  fields.issueDate = issue;
  return fields;
}

/**
 * 登记机关 follows from the registrar's region in the credit code (positions 3–8 name it), so it is as certain as
 * the code. The seal, which carries the registrar's name, is the independent witness: when what was read along
 * its arc names a different district or county, the two disagree and the value needs confirmation. (Seal
 * lettering is small, bold and curved; a garbled reading proves nothing either way.)
 */
function registrationAuthority(creditCode: OcrField, sealText: string): OcrField {
  const label = '登记机关';
  const parsed = creditCode.value ? validateCreditCode(creditCode.value) : undefined;
  const name = parsed?.valid ? registrarName(parsed.region) : undefined;
  if (!name || !parsed?.valid) return field(label, null, 0, ['登记机关无法确定，请手工填写']);
  const problems = creditCode.status === 'confident' ? [] : ['按统一社会信用代码推断，请核对'];
  const other = otherDistrictNamed(sealText.replace(/\s/g, ''), parsed.region);
  if (other) problems.push(`印章上的登记机关（${other}）与统一社会信用代码不符，请核对`);
  return field(label, name, creditCode.confidence, problems);
}

let districtNames: { code: string; name: string }[] | undefined;

/** A district or county other than `code` whose full name appears in the text. */
function otherDistrictNamed(text: string, code: string): string | undefined {
  districtNames ??= provinces().flatMap((p) =>
    childrenOf(p.code).flatMap((city) => childrenOf(city.code).map((d) => ({ code: d.code, name: d.name }))),
  );
  const own = lookupRegion(code)?.name;
  return districtNames.find(
    (d) => d.code !== code && d.name !== own && d.name.length >= 3 && text.includes(d.name),
  )?.name;
}

function demote(target: OcrField, note: string): void {
  if (target.status === 'unreadable') return;
  target.status = 'needs-confirmation';
  target.notes.push(note);
}
