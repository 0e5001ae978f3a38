import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateCreditCode, generateIdNumber } from '../../forms/codes/index.ts';
import { interpretAddress, matchRegionPrefix } from '../../ocr/fields/address.ts';
import { consensus, reconcile } from '../../ocr/fields/agreement.ts';
import {
  capitalInWords,
  interpretCapital,
  parseCapitalWords,
  solveCapital,
} from '../../ocr/fields/capital.ts';
import {
  creditCodeRepairs,
  interpretCreditCode,
  interpretCreditCodeReadings,
} from '../../ocr/fields/credit-code.ts';
import { parseChineseDate } from '../../ocr/fields/dates.ts';
import { crossCheckPerson, interpretEthnicity, interpretName, readGender } from '../../ocr/fields/person.ts';
import { registrarName } from '../../ocr/fields/registrar.ts';
import { reading } from './reading.ts';

describe('dates', () => {
  it.each([
    ['1990 年 3 月 7 日', '1990-03-07', false],
    ['2024年03月15日', '2024-03-15', false],
    ['2016.03.07', '2016-03-07', false],
    ['2000 年 1月 了日', '2000-01-07', true],
    ['2024年O3月l5日', '2024-03-15', true],
    ['二〇〇八年十二月五日', '2008-12-05', false],
    ['二〇一五年五月廿九日', '2015-05-29', false],
    ['二〇一四年四月三日', '2014-04-03', false],
    ['二〇二〇年一月卅一日', '2020-01-31', false],
    ['二0一三年十二月二十日', '2013-12-20', true],
  ])('%s → %s', (text, value, repaired) => {
    expect(parseChineseDate(text)).toEqual({ value, repaired });
  });

  it('refuses dates that do not exist and digits that do not form a date', () => {
    expect(parseChineseDate('1990年2月30日')).toBeNull();
    expect(parseChineseDate('1990年13月7日')).toBeNull();
    expect(parseChineseDate('11996 年 9月24日')).toBeNull();
    expect(parseChineseDate('二〇二一年二月三十一日')).toBeNull();
  });
});

describe('性别 and 出生 cross-checked with the ID number', () => {
  const number = generateIdNumber({ region: '350603', birthDate: '1985-06-18', gender: '1', serial: 4 });
  const idField = {
    value: number,
    confidence: 0.95,
    status: 'confident' as const,
    label: '公民身份号码',
    notes: [],
  };

  it('reads 男/女 from the line with its label', () => {
    expect(readGender(reading('性别 女'))).toBe('女');
    expect(readGender(reading('性刖 男'))).toBe('男');
    expect(readGender(reading('性别 男女'))).toBeUndefined();
  });

  it('takes both from a confident number when the printed values agree', () => {
    const { gender, birthDate } = crossCheckPerson(
      idField,
      '男',
      reading('性别 男'),
      reading('1985 年 6 月 18 日'),
    );
    expect(gender).toMatchObject({ value: '男', code: '1', status: 'confident' });
    expect(birthDate).toMatchObject({ value: '1985-06-18', status: 'confident' });
  });

  it('fills them from a confident number when the printed ones are unreadable', () => {
    const { gender, birthDate } = crossCheckPerson(idField, undefined, reading(''), reading(''));
    expect(gender).toMatchObject({ value: '男', status: 'confident' });
    expect(birthDate).toMatchObject({ value: '1985-06-18', status: 'confident' });
  });

  it('asks for confirmation when printed and number disagree', () => {
    const unsure = { ...idField, status: 'needs-confirmation' as const };
    const { gender, birthDate } = crossCheckPerson(
      unsure,
      '女',
      reading('性别 女'),
      reading('1985 年 6 月 19 日'),
    );
    expect(gender.status).toBe('needs-confirmation');
    expect(gender.notes.join()).toContain('不一致');
    expect(birthDate).toMatchObject({ value: '1985-06-19', status: 'needs-confirmation' });
  });
});

describe('民族 snapped to the 56 names of GB/T 3304', () => {
  it('accepts an exact name and returns the official name with its code', () => {
    expect(interpretEthnicity(reading('民族 汉'))).toMatchObject({
      value: '汉族',
      code: '01',
      status: 'confident',
    });
    expect(interpretEthnicity(reading('民族 维吾尔'))).toMatchObject({ value: '维吾尔族', code: '05' });
  });

  it('snaps one wrong character in a long name to the single nearest name', () => {
    expect(interpretEthnicity(reading('民族 维吾尓'))).toMatchObject({
      value: '维吾尔族',
      status: 'confident',
    });
  });

  it('maps a known misreading of a rare character but asks to confirm', () => {
    expect(interpretEthnicity(reading('民族 会'))).toMatchObject({
      value: '畲族',
      status: 'needs-confirmation',
    });
  });

  it('reads characters the engine does not know as wildcards (达?尔) and separates 仫佬 from 仡佬 by look-alikes', () => {
    expect(interpretEthnicity(reading('民族 达坦尔'))).toMatchObject({
      value: '达斡尔族',
      status: 'needs-confirmation',
    });
    expect(interpretEthnicity(reading('民族 做佬')).value).toBe('仫佬族');
    expect(interpretEthnicity(reading('民族 伦佬')).value).toBe('仡佬族');
    expect(interpretEthnicity(reading('民族 佬佬')).status).toBe('unreadable');
    // A name the engine can read is never replaced by one it cannot.
    expect(interpretEthnicity(reading('民族 门巴'))).toMatchObject({ value: '门巴族', status: 'confident' });
  });

  it('does not guess a one-character name from an unrelated character', () => {
    expect(interpretEthnicity(reading('民族 天'))).toMatchObject({ value: null, status: 'unreadable' });
  });
});

describe('姓名', () => {
  it('is confident with a known surname and clear characters', () => {
    expect(interpretName(reading('欧阳晓燕'))).toMatchObject({ value: '欧阳晓燕', status: 'confident' });
  });

  it('needs confirmation with an unknown surname, odd length or weak characters', () => {
    expect(interpretName(reading('撮金文')).status).toBe('needs-confirmation');
    expect(interpretName(reading('王一二三四五')).status).toBe('needs-confirmation');
    expect(interpretName(reading('王伟', 60)).status).toBe('needs-confirmation');
  });
});

describe('addresses against the region table', () => {
  it('keeps an address whose divisions are exact', () => {
    const field = interpretAddress(reading('福建省漳州市龙文区蓝田镇朝阳北路128号3幢502室'), '住址');
    expect(field).toMatchObject({ value: '福建省漳州市龙文区蓝田镇朝阳北路128号3幢502室', code: '350603' });
    expect(field.status).toBe('confident');
  });

  it('snaps a misread division name to the only near one', () => {
    const field = interpretAddress(reading('福建省着田市仙游县步文街道延安南路13号'), '住址');
    expect(field.value).toBe('福建省莆田市仙游县步文街道延安南路13号');
  });

  it('breaks a tie between two equally near districts with the ID number, and asks to confirm', () => {
    // 福见市 is one character from both 福安市 (350981) and 福鼎市 (350982).
    expect(matchRegionPrefix('福建省宁德市福见市岩溪镇')).toBeUndefined();
    const field = interpretAddress(reading('福建省宁德市福见市岩溪镇延安南路56号'), '住址', '350982');
    expect(field).toMatchObject({
      value: '福建省宁德市福鼎市岩溪镇延安南路56号',
      status: 'needs-confirmation',
    });
  });

  it('repairs a misread 幢 in a flat number and flags a cut-off ending', () => {
    const flat = interpretAddress(reading('福建省漳州市平和县官园镇胜利西路216号10由1505室'), '住址');
    expect(flat).toMatchObject({
      value: '福建省漳州市平和县官园镇胜利西路216号10幢1505室',
      status: 'needs-confirmation',
    });
    expect(interpretAddress(reading('福建省漳州市诏安县官园镇龙江路16'), '住址').status).toBe(
      'needs-confirmation',
    );
  });

  it('needs confirmation when no division matches', () => {
    expect(interpretAddress(reading('某某路某某号院内'), '住址').status).toBe('needs-confirmation');
  });
});

describe('注册资本 in financial numerals', () => {
  it('writes and reads back every amount from 1 to 9999 万元', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9999 }), (amount) => {
        expect(parseCapitalWords(capitalInWords(String(amount)))).toBe(amount);
      }),
    );
    expect(capitalInWords('1050')).toBe('壹仟零伍拾万元整');
  });

  it('rejects numerals that break the grammar', () => {
    for (const text of ['壹佰零伍拾万元整', '壹仟伍拾万元整', '零壹佰万元整', '壹拾零万元整']) {
      expect(parseCapitalWords(text)).toBeNull();
    }
  });

  it('reads Arabic amounts and the 人民币 prefix', () => {
    expect(interpretCapital(reading('人民币壹佰万元整'))).toMatchObject({
      value: '100',
      status: 'confident',
    });
    expect(interpretCapital(reading('50万元'))).toMatchObject({ value: '50' });
  });

  it('maps look-alikes and fills a character only the grammar decides, asking to confirm', () => {
    expect(interpretCapital(reading('人民币参拾万元整'))).toMatchObject({
      value: '30',
      status: 'needs-confirmation',
    });
    expect(solveCapital('壹人零伍拾万元整')).toEqual([1050]);
    // 柒 and 捌 are not in the engine's character set: it answers with look-alikes; stray characters are dropped.
    expect(interpretCapital(reading('人民币碌拾万元整')).value).toBe('70');
    expect(interpretCapital(reading('人民币人参拾万元整')).value).toBe('30');
    expect(interpretCapital(reading('过佰万元整'))).toMatchObject({
      value: '100',
      status: 'needs-confirmation',
    });
    // A digit the engine turned into an unrelated character could be any digit: nothing is guessed.
    expect(interpretCapital(reading('甲佰万元整'))).toMatchObject({ value: null, status: 'unreadable' });
  });
});

describe('统一社会信用代码', () => {
  const code = generateCreditCode({ region: '350603', serial: 123_456 });

  it('accepts a code that passes both checks and fits the licence', () => {
    expect(interpretCreditCode(reading(code), { category: '1' })).toMatchObject({
      value: code,
      status: 'confident',
    });
  });

  it('reads letters outside the charset (O, I, S, Z) as the digits they resemble', () => {
    const withO = code.replace(/0/, 'O');
    expect(withO).not.toBe(code);
    expect(interpretCreditCode(reading(withO), { category: '1' })).toMatchObject({
      value: code,
      status: 'confident',
    });
  });

  it('repairs one extra character only when a single candidate passes both checks, never confidently', () => {
    const extra = `${code.slice(0, 11)}L${code.slice(11)}`;
    expect(creditCodeRepairs(extra)).toContain(code);
    const field = interpretCreditCode(reading(extra), { category: '1' });
    expect(field.status).toBe('needs-confirmation');
  });

  it('checks the category against the licence type and prefers a reading that is valid as read', () => {
    expect(interpretCreditCode(reading(code), { category: '2' }).status).toBe('needs-confirmation');
    const garbled = reading(`${code.slice(0, 5)}??${code.slice(7)}`);
    expect(interpretCreditCodeReadings([garbled, reading(code)], { category: '1' })).toMatchObject({
      value: code,
      status: 'confident',
    });
  });

  it('names the registrar from the region digits', () => {
    expect(registrarName('999999')).toBeUndefined();
    expect(registrarName('350603')).toBe('漳州市龙文区市场监督管理局');
    expect(registrarName('350623')).toBe('漳浦县市场监督管理局');
    expect(registrarName('350600')).toBe('漳州市市场监督管理局');
  });
});

describe('two readings', () => {
  const base = { confidence: 0.9, status: 'confident' as const, label: '姓名', notes: [] };
  it('keeps agreeing readings (as sure as the least sure) and demotes disagreeing ones', () => {
    expect(
      reconcile({ ...base, value: '王伟' }, { ...base, value: '王伟', confidence: 0.95 }).confidence,
    ).toBe(0.9);
    const doubtful = { ...base, value: '王伟', confidence: 0.6, status: 'needs-confirmation' as const };
    expect(consensus([{ ...base, value: '王伟' }, doubtful]).status).toBe('needs-confirmation');
    const split = reconcile({ ...base, value: '王伟' }, { ...base, value: '王纬', confidence: 0.5 });
    expect(split).toMatchObject({ value: '王伟', status: 'needs-confirmation' });
    // Three readings: the majority wins; with no majority, characters are voted on.
    const three = (a: string, b: string, c: string) =>
      consensus([a, b, c].map((value) => ({ ...base, value })));
    expect(three('蓝田镇', '赣田镇', '蓝田镇')).toMatchObject({
      value: '蓝田镇',
      status: 'needs-confirmation',
    });
    expect(three('蓝田镇', '赣田镇', '蓝甲镇').value).toBe('蓝田镇');
  });
});
