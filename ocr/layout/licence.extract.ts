import { isValidCreditCode, isValidRegistrationNumber } from '../../forms/codes/index.ts';
import type { TextLine } from '../engine/page-reader.ts';
import { interpretCapital } from '../fields/capital.ts';
import { interpretCreditCode } from '../fields/credit-code.ts';
import { parseChineseDate } from '../fields/dates.ts';
import {
  interpretCompanyName,
  interpretCompositionForm,
  interpretDate,
  interpretEntityType,
  interpretScope,
  parseTerm,
} from '../fields/licence.ts';
import { mendRegionNames } from '../fields/region-names.ts';
import { registrarName } from '../fields/registrar.ts';
import { field, type OcrField, type RawReading, unreadable, weakestSymbol } from '../fields/result.ts';
import { knownSurname } from '../fields/surnames.ts';
import { compact } from '../fields/text.ts';
import { findCodeLine, registrationNumberLine } from './code-lines.ts';
import { labelsByOneCharacter } from './column-labels.ts';
import { otherDateLines } from './issue-date.ts';
import { findLabels, type LabelHit } from './label-hits.ts';
import { LICENCE_LABELS, type LicenceFieldKey } from './labels.ts';
import {
  type LicenceFormat,
  type LicenceVariant,
  licenceFormatOf,
  licenceVariantOf,
  mayBeMissing,
  notPrinted,
} from './licence-format.ts';
import { isAslant, isSpeck, medianSlant, type PlacedLine, placeLines, typicalHeight } from './page-lines.ts';
import {
  printedCapital,
  printedCompanyName,
  printedDate,
  printedEntityType,
  printedPersonName,
  printedTerm,
} from './printed.ts';
import { printedScope } from './printed-scope.ts';
import { labelsByValueShape } from './truncated-labels.ts';
import { unlabelledAddress } from './unlabelled-address.ts';
import { readingOf, type TakenValue, takeValue, unlabelledHit } from './values.ts';

/** Values that wrap onto further lines. */
const WRAPPING = new Set(['name', 'domicile', 'businessScope', 'registrationAuthority']);

export interface LicenceExtraction {
  format: LicenceFormat;
  variant: LicenceVariant;
  /** The text taken for each field found; fields the format does not print are in `absent`. */
  taken: Partial<Record<LicenceFieldKey, TakenValue>>;
  absent: LicenceFieldKey[];
  lines: PlacedLine[];
}

/** Finds the labels among the page's lines and takes each value by geometry (no fixed boxes). */
export function extractLicence(
  textLines: readonly TextLine[],
  page: { width: number; height: number },
): LicenceExtraction {
  const placed = placeLines(textLines);
  const unit = typicalHeight(placed);
  const slant = medianSlant(textLines);
  const lines = placed.filter((line) => !isSpeck(line, unit) && !isAslant(line, slant));
  const read = findLabels(lines, LICENCE_LABELS, unit);
  const byCharacter = labelsByOneCharacter(lines, LICENCE_LABELS, read, unit);
  const byShape = labelsByValueShape(lines, LICENCE_LABELS, [...read, ...byCharacter], unit);
  const hits = bestHits([...read, ...byCharacter, ...byShape]);
  const pageText = lines.map((l) => l.text).join('');
  const variant = licenceVariantOf(hits, pageText);
  const format = licenceFormatOf(hits, pageText, page);
  const taken: LicenceExtraction['taken'] = {};
  for (const hit of hits) {
    taken[hit.key as LicenceFieldKey] = takeValue(hit, hits, lines, unit, {
      wraps: WRAPPING.has(hit.key),
      firstBoxOnly: hit.key === 'legalRepresentative',
    });
  }
  const codeLine = findCodeLine(
    lines,
    /[0-9A-Z]{18}/,
    hits.find((h) => h.key === 'creditCode'),
  );
  if (codeLine) taken.creditCode = codeLine;
  const registration = taken.registrationNumber;
  if (registration && !/\d{10}/.test(registration.reading.text.replace(/\s+/g, ''))) {
    // Lines another field took, or a label's, are not the number.
    const claimed = new Set([
      ...hits.map((h) => h.line),
      ...Object.values(taken).flatMap((value) => (value === registration ? [] : value.lines)),
    ]);
    const numberLine = registrationNumberLine(lines, registration.hit, unit, claimed);
    if (numberLine) taken.registrationNumber = numberLine;
  }
  if (!taken.domicile && !notPrinted(format, variant).has('domicile')) {
    const address = unlabelledAddress(lines, hits, Object.values(taken), unit);
    if (address) taken.domicile = address;
  }
  const issue = findIssueDate(lines, hits, otherDateLines(taken));
  if (issue) taken.issueDate = issue;
  const never = notPrinted(format, variant);
  const optional = mayBeMissing(format);
  const keys: LicenceFieldKey[] = [...(Object.keys(LICENCE_LABELS) as LicenceFieldKey[]), 'issueDate'];
  const absent = keys.filter((key) => never.has(key) || (!taken[key] && optional.has(key)));
  for (const key of never) delete taken[key as LicenceFieldKey];
  return { format, variant, taken, absent, lines };
}

/** One hit per field: the first from the top whose line is a label line (a title can repeat a label). */
function bestHits(hits: LabelHit[]): LabelHit[] {
  const byKey = new Map<string, LabelHit>();
  for (const hit of [...hits].sort((a, b) => a.middle - b.middle))
    if (!byKey.has(hit.key)) byKey.set(hit.key, hit);
  return [...byKey.values()];
}

/** The date printed at the foot under 登记机关: the lowest date on the page that no label claims. */
function findIssueDate(
  lines: readonly PlacedLine[],
  hits: readonly LabelHit[],
  valueLines: readonly PlacedLine[],
): TakenValue | null {
  const authority = hits.find((h) => h.key === 'registrationAuthority');
  // Lines of the other dates (the term's end) and notices of validity (「有效期限至…止」) are not the issue date.
  const claimed = new Set([...hits.map((h) => h.line), ...valueLines]);
  const dated = lines
    .filter(
      (line) =>
        !claimed.has(line) &&
        /\d{4}|[〇一二三四五六七八九]{4}/.test(line.text) &&
        /年/.test(line.text) &&
        !/至|止|期限|有效|日期/.test(line.text),
    )
    .filter((line) => !authority || line.middle > authority.middle - authority.height)
    .sort((a, b) => b.middle - a.middle);
  const line = dated[0];
  if (!line) return null;
  return { reading: readingOf(line.chars), lines: [line], hit: unlabelledHit('issueDate', '发证日期', line) };
}

/** The label actually printed for a field (经营者 rather than 法定代表人 …), for messages. */
export function printedLabel(extraction: LicenceExtraction, key: LicenceFieldKey): string {
  return (
    extraction.taken[key]?.hit.label ??
    (LICENCE_LABELS as Record<string, readonly string[]>)[key]?.at(-1) ??
    key
  );
}

/**
 * Interprets what was taken: each field checked by what can prove it (check characters, the 注册号's MOD 11,10,
 * the grammar of amounts, the closed list of types, 成立日期 read twice — alone and as the start of 营业期限).
 * `printed` keeps the value as printed on the document.
 */
export function interpretLicence(extraction: LicenceExtraction): Record<string, OcrField> {
  const { taken, variant } = extraction;
  const mended = new Map<LicenceFieldKey, RawReading>();
  const reading = (key: LicenceFieldKey): RawReading =>
    mended.get(key) ?? taken[key]?.reading ?? { text: '', symbols: [] };
  const label = (key: LicenceFieldKey) => printedLabel(extraction, key);
  const out: Record<string, OcrField> = {};
  const put = (key: LicenceFieldKey, make: () => OcrField) => {
    if (extraction.absent.includes(key)) out[key] = absentField(label(key));
    else if (!taken[key]) out[key] = unreadable(label(key));
    else out[key] = withPrinted(key, make(), reading(key));
    // A value read again from the space after its label has no line of its own: a person confirms it.
    const field = out[key];
    if (taken[key]?.reread && field?.status === 'confident')
      out[key] = {
        ...field,
        status: 'needs-confirmation',
        notes: [...field.notes, '该值系补读所得，请核对'],
      };
    // A value placed without its label keeps a note of its own, so no second reading makes it confident.
    if (taken[key]?.unlabelled && field && field.value !== null)
      out[key] = {
        ...field,
        status: 'needs-confirmation',
        notes: [...field.notes, `未找到“${label(key)}”标签，按位置和格式识别，请核对`],
      };
  };
  const category = variant === 'individual' ? '2' : '1';
  put('creditCode', () => interpretCreditCode(reading('creditCode'), { category }));
  put('registrationNumber', () => interpretRegistrationNumber(reading('registrationNumber')));
  mended.set('domicile', mendRegionNames(shaped(reading('domicile'), GRAMMARS.domicile), regionCodeOf(out)));
  put('name', () =>
    interpretFreeText(shaped(reading('name'), GRAMMARS.name), label('name'), (r) =>
      interpretCompanyName(r, variantForName(variant)),
    ),
  );
  put('type', () => interpretEntityType(shaped(reading('type'), GRAMMARS.type)));
  put('legalRepresentative', () =>
    interpretPerson(reading('legalRepresentative'), label('legalRepresentative')),
  );
  put('registeredCapital', () => interpretCapital(reading('registeredCapital'), label('registeredCapital')));
  const term = parseTerm(reading('businessTerm').text);
  const established = parseChineseDate(reading('establishedDate').text)?.value;
  put('establishedDate', () =>
    interpretDate(
      reading('establishedDate'),
      label('establishedDate'),
      term.from && term.from === established ? [] : ['请核对日期'],
    ),
  );
  put('businessTerm', () => interpretTermPrinted(reading('businessTerm'), established));
  put('compositionForm', () => interpretCompositionForm(reading('compositionForm')));
  put('domicile', () => interpretFreeText(reading('domicile'), label('domicile')));
  put('businessScope', () => interpretScope(reading('businessScope')));
  put('registrationAuthority', () =>
    interpretAuthority(reading('registrationAuthority'), out.creditCode?.value ?? null),
  );
  put('issueDate', () => interpretDate(reading('issueDate'), '发证日期', ['请核对日期']));
  return out;
}

/** The county the licence's own code names: 统一社会信用代码 characters 3–8, or a 注册号's first six digits. */
function regionCodeOf(out: Record<string, OcrField>): string | undefined {
  const credit = out.creditCode?.value;
  if (credit && isValidCreditCode(credit)) return credit.slice(2, 8);
  const registration = out.registrationNumber?.value;
  if (registration && isValidRegistrationNumber(registration)) return registration.slice(0, 6);
  return undefined;
}

function variantForName(variant: LicenceVariant): 'company' | 'individual' | 'sole' {
  return variant === 'individual' ? 'individual' : variant === 'sole' ? 'sole' : 'company';
}

export function absentField(label: string): OcrField {
  return { value: null, confidence: 0, status: 'absent', label, notes: ['此证照版式不印此项'] };
}

/** Free text has nothing to prove it but a second reader; until one agrees it needs confirmation. */
function interpretFreeText(
  reading: RawReading,
  label: string,
  interpret?: (reading: RawReading) => OcrField,
): OcrField {
  const text = cleanPrinted(reading.text);
  if (!text) return unreadable(label);
  const base = interpret ? interpret(reading) : field(label, text, weakestSymbol(reading), []);
  const value = base.value ?? text;
  return { ...field(label, value, base.confidence, [...base.notes, '请与证照核对']), printed: text };
}

/** 法定代表人 / 经营者 / 投资人: a person's name (or, for a partnership, a company's), with nothing after it. */
function interpretPerson(reading: RawReading, label: string): OcrField {
  const name = printedPersonName(reading.text);
  if (!name) return unreadable(label);
  const chars = reading.symbols.slice(0, [...name].length);
  const weakest = weakestSymbol({ text: name, symbols: chars });
  // Two readers agreeing on the wrong crop prove nothing: a person's name must also look like one.
  const length = [...name].length;
  const looksLikeAPerson = length >= 2 && length <= 4 && knownSurname(name) !== undefined;
  const problems = looksLikeAPerson ? ['请与证照核对'] : ['请与证照核对', '不像人名，请核对'];
  return { ...field(label, name, weakest, problems), printed: name };
}

/**
 * 登记机关 is mostly only the red seal; where it is printed as text it is the authority's name. Otherwise the
 * registrar is named from the credit code's region digits, to be confirmed.
 */
function interpretAuthority(reading: RawReading, creditCode: string | null): OcrField {
  // A branch follows its bureau (「…管理局龙岗分局」); anything after the first 局 is otherwise the seal's.
  const text = cleanPrinted(reading.text);
  const printed =
    text.match(/^[\u4e00-\u9fff]{2,30}?局[\u4e00-\u9fff]{1,8}?分局/)?.[0] ??
    text.match(/^[\u4e00-\u9fff]{2,30}?(?:管理局|审批局|分局|局)/)?.[0];
  if (printed) return { ...field('登记机关', printed, weakestSymbol(reading), ['请与证照核对']), printed };
  const named = creditCode ? registrarName(creditCode.slice(2, 8)) : undefined;
  if (named) return field('登记机关', named, 0.5, ['登记机关按统一社会信用代码推断，请核对']);
  return unreadable('登记机关');
}

function interpretRegistrationNumber(reading: RawReading): OcrField {
  const digits = [...compact(reading.text)].filter((c) => /\d/.test(c)).join('');
  if (digits.length < 10) return unreadable('注册号');
  if (isValidRegistrationNumber(digits)) return field('注册号', digits, weakestSymbol(reading), []);
  // One digit too many: kept only when exactly one deletion passes the check digit, and never confidently.
  const all =
    digits.length === 16
      ? [...new Set([...digits].map((_, i) => digits.slice(0, i) + digits.slice(i + 1)))].filter(
          isValidRegistrationNumber,
        )
      : [];
  // A stray mark beside the number is likelier than a digit read twice inside it.
  const atEnds = all.filter((repair) => repair === digits.slice(1) || repair === digits.slice(0, -1));
  const repairs = atEnds.length === 1 ? atEnds : all;
  if (repairs.length === 1)
    return field('注册号', repairs[0] as string, weakestSymbol(reading) * 0.7, [
      '注册号中多读了一位，已按校验位修正，请核对',
    ]);
  return field('注册号', digits, weakestSymbol(reading), ['注册号校验未通过，请核对']);
}

function interpretTermPrinted(reading: RawReading, established: string | undefined): OcrField {
  const { from, to } = parseTerm(reading.text);
  const problems = from && from === established ? [] : ['请核对营业期限'];
  const printed = printedTerm(reading.text);
  if (printed === '长期' && !/长期|永久/.test(reading.text)) problems.push('营业期限按“长期”修正，请核对');
  const value = from && to ? `${from}至${to}` : (printed ?? cleanPrinted(reading.text));
  return field('营业期限', value || null, weakestSymbol(reading), problems);
}

/** The value as printed: the engine's text without spaces and without the label's colon. */
export function cleanPrinted(text: string): string {
  return text.replace(/\s+/g, '').replace(/^[:：;；,，.、]+/, '');
}

/** Codes are printed as they are stored; a repaired code that its check characters prove is printed so too. */
const CODES = new Set(['creditCode', 'registrationNumber']);

const GRAMMARS: Partial<Record<LicenceFieldKey, (text: string) => string | null>> = {
  establishedDate: printedDate,
  issueDate: printedDate,
  businessTerm: printedTerm,
  registeredCapital: printedCapital,
  type: (text) => printedEntityType(trimJunk(cleanPrinted(text))),
  name: (text) => printedCompanyName(trimJunk(cleanPrinted(text))),
  businessScope: printedScope,
  domicile: (text) => trimJunk(cleanPrinted(text)),
};

/** The reading cut to what a grammar keeps of it (the characters' confidences kept with them). */
function shaped(reading: RawReading, grammar: ((text: string) => string | null) | undefined): RawReading {
  const text = grammar?.(reading.text);
  if (!text) return reading;
  const glyphs = reading.symbols.filter((s) => s.text.trim() !== '');
  const joined = glyphs.map((s) => s.text).join('');
  // The grammar may cut junk off the front too: the kept text's own glyphs keep their confidences.
  const index = joined.indexOf(text);
  const from = index < 0 ? 0 : [...joined.slice(0, index)].length;
  return { text, symbols: glyphs.slice(from, from + [...text].length) };
}

/** Text fields whose printed text is worth showing for confirmation even when no check could place it. */
const SHOW_UNCHECKED = new Set([
  'type',
  'name',
  'domicile',
  'businessScope',
  'compositionForm',
  'legalRepresentative',
]);

const CLOSED_LISTS = new Set<LicenceFieldKey>(['type', 'compositionForm']);

function withPrinted(key: LicenceFieldKey, result: OcrField, reading: RawReading): OcrField {
  if (result.printed !== undefined) return result;
  if (CODES.has(key) && result.value !== null) return { ...result, printed: result.value };
  const grammar = GRAMMARS[key];
  const read = grammar ? grammar(reading.text) : trimJunk(cleanPrinted(reading.text));
  if (!read) return result;
  // A closed list's entry is what the document prints, in the brackets the document uses.
  const printed =
    CLOSED_LISTS.has(key) && result.value !== null
      ? read.includes('(')
        ? result.value
        : result.value.replace(/\(/g, '（').replace(/\)/g, '）')
      : read;
  if (result.status === 'unreadable' && SHOW_UNCHECKED.has(key))
    return {
      ...field(result.label, printed, weakestSymbol(reading), ['未能与标准名称核对，请与证照核对']),
      printed,
    };
  return { ...result, printed };
}

/** Stray marks the recogniser took from a watermark or the next column: non-Han characters at either end. */
function trimJunk(text: string): string {
  return text.replace(/^[^\u4e00-\u9fff\d（(【]+/, '').replace(/[^\u4e00-\u9fff)）】\d号室层楼]+$/, '');
}
