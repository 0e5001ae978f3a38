import { type Body, list, str } from '../kit/body.ts';

/** The accepted form as the contract's social-insurance fields (docs/item-fields.md), by the agency's names. */
export function normaliseRegistration(body: Body): Record<string, unknown> {
  return {
    unitName: str(body, 'aab004'),
    creditCode: str(body, 'aab998').toUpperCase(),
    unitType: str(body, 'aab019'),
    economicType: str(body, 'aab020'),
    affiliation: str(body, 'aab021'),
    industryCode: str(body, 'aab022'),
    injuryRiskClass: str(body, 'aab118'),
    unitAddress: str(body, 'aae006'),
    region: str(body, 'aab301'),
    postcode: str(body, 'aae007'),
    unitPhone: str(body, 'aae005'),
    'legalRep.name': str(body, 'aab013'),
    'legalRep.idType': str(body, 'aab014'),
    'legalRep.idNumber': str(body, 'aab015').toUpperCase(),
    'legalRep.phone': str(body, 'aab016'),
    'specialist.name': str(body, 'aae004'),
    'specialist.department': str(body, 'aae013'),
    'specialist.phone': str(body, 'aae159'),
    'specialist.idNumber': str(body, 'aae135').toUpperCase(),
    'payAccount.accountName': str(body, 'aae009'),
    'payAccount.bank': str(body, 'aae008'),
    'payAccount.accountNo': str(body, 'aae010'),
    insuranceTypes: list(body, 'aae140'),
    insuredDate: str(body, 'aae030'),
  };
}
