import { ETHNICITIES, validateIdNumber } from '../../forms/codes/index.ts';
import { parseChineseDate } from './dates.ts';
import {
  CHECKED_CONFIDENCE,
  FREE_TEXT_CONFIDENCE,
  field,
  meanSymbol,
  type OcrField,
  type RawReading,
  unreadable,
  weakestSymbol,
} from './result.ts';
import { isCommonSurname, knownSurname } from './surnames.ts';
import { compact, editDistance, isHan } from './text.ts';

/** 姓名, 性别, 民族 and 出生 as printed on the ID card, each checked on its own. */

/** A person's name: Han characters (or a transliterated name with ·), with a known surname to be confident. */
export function interpretName(reading: RawReading, label = '姓名'): OcrField {
  const text = compact(reading.text)
    .replace(/^(姓名|姓|名)/, '')
    .replace(/[•．.]/g, '·');
  const value = [...text].filter((c) => isHan(c) || c === '·').join('');
  if (value.length < 2) return unreadable(label);
  const problems: string[] = [];
  if (value !== text) problems.push('姓名中有无法识别的字符，请核对');
  const length = [...value].length;
  if (!value.includes('·') && (length > 4 || length < 2)) problems.push('姓名长度异常，请核对');
  // Most people carry one of about a hundred surnames, so reading a rare one (印 for 邱, 乌 for 邹) is more
  // often a misreading than a rare name: it is kept, but needs confirmation.
  const surname = knownSurname(value);
  if (!surname) problems.push('姓氏不常见或识别有误，请核对');
  else if (!isCommonSurname(surname)) problems.push('姓氏较少见，请核对');
  const weakest = weakestSymbol(reading, isHan);
  if (weakest < FREE_TEXT_CONFIDENCE) problems.push('部分字识别把握不大，请核对');
  return field(label, value, weakest, problems);
}

/** 男 / 女 read from the line "性别 女"; the label is read along because single characters alone read badly. */
export function readGender(reading: RawReading): '男' | '女' | undefined {
  const text = compact(reading.text).replace(/^.*?[别刖]/, '');
  const found = [...text].filter((c) => c === '男' || c === '女');
  return found.length === 1 ? (found[0] as '男' | '女') : undefined;
}

/**
 * Characters of 民族 names that chi_sim (4.0.0_best_int) does not have in its character set, so it can never
 * read them and answers with a look-alike; the look-alikes come from reading each name rendered at several sizes.
 * A name is matched with these characters as wildcards (达?尔 can only be 达斡尔); the look-alikes separate
 * the names a wildcard alone cannot (仫佬 / 仡佬, and the one-character 佤 and 畲).
 */
const UNREADABLE = '僳佤畲祜斡仫仡珞';
const LOOKALIKES: Record<string, string> = {
  ...Object.fromEntries([...'八做众似'].map((c) => [c, '仫'])),
  ...Object.fromEntries([...'伟从伦修'].map((c) => [c, '仡'])),
  伍: '佤',
  便: '佤僳',
  会: '畲',
  佘: '畲',
};

/** The one name the text fits when unreadable characters are wildcards and look-alikes are mapped back. */
function wildcardEthnicity(text: string) {
  const fits = ETHNICITIES.entries.filter((entry) => {
    const name = [...entry.name.replace(/族$/, '')];
    const read = [...text];
    if (name.length !== read.length || !name.some((c) => UNREADABLE.includes(c))) return false;
    return name.every((c, i) => {
      const got = read[i] ?? '';
      if (!UNREADABLE.includes(c)) return got === c;
      const mapped = LOOKALIKES[got];
      return mapped === undefined || mapped.includes(c);
    });
  });
  if (fits.length <= 1) return fits[0];
  // Several fit with free wildcards: keep those whose wildcard was read as one of its known look-alikes.
  const strict = fits.filter((entry) =>
    [...entry.name.replace(/族$/, '')].every(
      (c, i) => !UNREADABLE.includes(c) || LOOKALIKES[[...text][i] ?? ''] === c,
    ),
  );
  return strict.length === 1 ? strict[0] : undefined;
}

/** 民族 as printed (汉, 蒙古, 维吾尔 …) snapped to one of the 56 names of GB/T 3304. */
export function interpretEthnicity(reading: RawReading): OcrField {
  const label = '民族';
  // The label is read along ("民族 汉"): drop it, even when its characters were misread.
  const compacted = compact(reading.text);
  const labelEnd = compacted.slice(0, 3).indexOf('族');
  const withoutLabel = labelEnd >= 0 ? compacted.slice(labelEnd + 1) : compacted.replace(/^民./, '');
  const text = [...withoutLabel].filter(isHan).join('');
  if (!text) return unreadable(label);
  const exact = ETHNICITIES.byName(`${text}族`) ?? ETHNICITIES.byName(text);
  const weakest = weakestSymbol(reading, isHan);
  if (exact) {
    const problems = weakest < CHECKED_CONFIDENCE ? ['识别把握不大，请核对'] : [];
    return field(label, exact.name, weakest, problems, { code: exact.code });
  }
  const wildcard = wildcardEthnicity(text);
  if (wildcard) {
    return field(label, wildcard.name, 0.5, ['民族名称中有识别引擎不认识的字，已按民族名称表推断，请核对'], {
      code: wildcard.code,
    });
  }
  // One character off in a name of three or more characters has a single nearest name almost always.
  const scored = ETHNICITIES.entries
    .map((entry) => ({ entry, distance: editDistance(text, entry.name.replace(/族$/, '')) }))
    .sort((a, b) => a.distance - b.distance);
  const [best, second] = scored;
  if (best && best.distance === 1 && text.length >= 3 && (!second || second.distance > 1)) {
    return field(label, best.entry.name, weakest * 0.8, [], { code: best.entry.code });
  }
  if (best && best.distance <= 1 && (!second || second.distance > best.distance)) {
    return field(
      label,
      best.entry.name,
      weakest * 0.5,
      ['民族识别有误差，已按最接近的民族名称填写，请核对'],
      {
        code: best.entry.code,
      },
    );
  }
  return field(label, null, 0, ['民族无法识别，请从列表中选择']);
}

export interface PersonCrossCheck {
  gender: OcrField;
  birthDate: OcrField;
}

/**
 * 性别 and 出生 agree with the ID number by law (the 17th digit's parity, digits 7–14). When the number is
 * confident they are taken from it and confirmed by what is printed; a disagreement makes both need
 * confirmation; when the number is not usable the printed values stand on their own.
 */
export function crossCheckPerson(
  idNumber: OcrField,
  printedGender: '男' | '女' | undefined,
  genderReading: RawReading,
  birthReading: RawReading,
): PersonCrossCheck {
  const printedBirth = parseChineseDate(birthReading.text);
  const parsed = idNumber.value ? validateIdNumber(idNumber.value) : undefined;
  const fromNumber = parsed?.valid ? parsed : undefined;
  const numberTrusted = idNumber.status === 'confident' && fromNumber;

  const genderLabel = '性别';
  let gender: OcrField;
  const numberGender = fromNumber ? (fromNumber.gender === '1' ? '男' : '女') : undefined;
  if (numberTrusted && numberGender && (!printedGender || printedGender === numberGender)) {
    gender = field(genderLabel, numberGender, idNumber.confidence, [], { code: fromNumber.gender });
  } else if (printedGender) {
    const problems =
      numberGender && numberGender !== printedGender ? ['与身份证号码中的性别不一致，请核对'] : [];
    if (!numberGender) problems.push('无法用身份证号码核对，请确认');
    gender = field(genderLabel, printedGender, meanSymbol(genderReading), problems, {
      code: printedGender === '男' ? '1' : '2',
    });
  } else if (numberGender && fromNumber) {
    gender = field(genderLabel, numberGender, idNumber.confidence * 0.8, ['按身份证号码推算，请确认'], {
      code: fromNumber.gender,
    });
  } else {
    gender = unreadable(genderLabel);
  }

  const birthLabel = '出生';
  let birthDate: OcrField;
  const printed = printedBirth?.value;
  if (numberTrusted && (!printed || printed === fromNumber.birthDate)) {
    birthDate = field(birthLabel, fromNumber.birthDate, idNumber.confidence, []);
  } else if (printed) {
    const problems: string[] = [];
    if (fromNumber && fromNumber.birthDate !== printed)
      problems.push('与身份证号码中的出生日期不一致，请核对');
    if (!fromNumber) problems.push('无法用身份证号码核对，请确认');
    if (printedBirth?.repaired) problems.push('日期中有字符经推断，请核对');
    birthDate = field(birthLabel, printed, weakestSymbol(birthReading), problems);
  } else if (fromNumber) {
    birthDate = field(birthLabel, fromNumber.birthDate, idNumber.confidence * 0.8, [
      '按身份证号码推算，请确认',
    ]);
  } else {
    birthDate = unreadable(birthLabel);
  }
  return { gender, birthDate };
}
