import { describe, expect, it } from 'vitest';
import { field } from '../../ocr/fields/result.ts';
import { interpretValidity } from '../../ocr/layout/id-card.extract.ts';
import { confirmByAgreement, secondReadMatters } from '../../ocr/layout/second-reader.ts';

const reading = (text: string, confidence = 99) => ({
  text,
  symbols: [...text].map((c) => ({ text: c, confidence })),
});

describe('confidence from two engines', () => {
  const pending = field('名称', '四川中辉绿建贸易有限公司', 0.99, ['请与证照核对']);

  it('makes free text confident when the second engine printed the same, white space and width aside', () => {
    const agreed = confirmByAgreement(
      { ...pending, printed: '四川中辉绿建贸易有限公司' },
      '四川中辉 绿建贸易有限公司',
    );
    expect(agreed).toMatchObject({ status: 'confident', notes: [] });
  });

  it('keeps it for confirmation, saying why, when the engines disagree', () => {
    const disputed = confirmByAgreement(pending, '四川中瘤绿建贸易有限公司');
    expect(disputed.status).toBe('needs-confirmation');
    expect(disputed.notes).toEqual(['两种识别结果不一致，请核对']);
  });

  it('keeps every other doubt even when the engines agree', () => {
    const odd = field('法定代表人', '型海证期货', 0.99, ['请与证照核对', '不像人名，请核对']);
    expect(confirmByAgreement(odd, '型海证期货')).toMatchObject({
      status: 'needs-confirmation',
      notes: ['不像人名，请核对'],
    });
  });

  it('asks the second engine only when its reading can change the status', () => {
    const confident = field('住址', '四川省成都市武侯区', 0.99, []);
    const odd = field('法定代表人', '型海证期货', 0.99, ['请与证照核对', '不像人名，请核对']);
    const none = field('名称', null, 0, []);
    expect(secondReadMatters(pending)).toBe(true);
    expect(secondReadMatters(confident, '')).toBe(true);
    expect(secondReadMatters(odd)).toBe(false);
    expect(secondReadMatters(none)).toBe(false);
    // Where it says no, neither agreement nor disagreement moves the status.
    for (const second of ['型海证期货', '别的文字'])
      expect(confirmByAgreement(odd, second).status).toBe(odd.status);
  });

  it('never turns an unreadable field into anything else', () => {
    const none = field('名称', null, 0, []);
    expect(confirmByAgreement(none, '随便什么').status).toBe('unreadable');
  });
});

describe('ID card 有效期限', () => {
  it('accepts the spans the law sets and 长期', () => {
    expect(interpretValidity(reading('2016.12.02-2036.12.02'))).toMatchObject({
      value: '2016-12-02至2036-12-02',
      status: 'confident',
    });
    expect(interpretValidity(reading('2010.05.01-长期'))).toMatchObject({ value: '2010-05-01至长期' });
  });

  it('asks to confirm a span no card has (a misread digit)', () => {
    expect(interpretValidity(reading('2016.12.02-2038.12.02')).status).toBe('needs-confirmation');
  });
});
