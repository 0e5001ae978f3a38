import { describe, expect, it } from 'vitest';
import { consensusDate } from '../../ocr/layout/date-consensus.ts';
import {
  printedCapital,
  printedCompanyName,
  printedDate,
  printedEntityType,
  printedTerm,
} from '../../ocr/layout/printed.ts';
import { closestSubstring, printedScope } from '../../ocr/layout/printed-scope.ts';

describe('values as printed, without what an overprint added around them', () => {
  it('ends a company name at its organisational form', () => {
    expect(printedCompanyName('山东路韵工程管理有限公司复印无效')).toBe('山东路韵工程管理有限公司');
    expect(printedCompanyName('中博信工程项目管理（北京）有限公司')).toBe(
      '中博信工程项目管理（北京）有限公司',
    );
    expect(printedCompanyName('某某有限公司厦门分公司')).toBe('某某有限公司厦门分公司');
    expect(printedCompanyName('莆田市城厢区师刘钟牛肉面店')).toBe('莆田市城厢区师刘钟牛肉面店');
  });

  it('keeps a bracket whose closing glyph was lost at the end of the reading', () => {
    expect(printedEntityType('有限资任公司（法人独资')).toBe('有限资任公司（法人独资');
    expect(printedEntityType('有限责任公司（法人独资）复印无效')).toBe('有限责任公司（法人独资）');
  });

  it('ends a type after its bracket', () => {
    expect(printedEntityType('有限责任公司（自然人投资或控股）复印无效')).toBe(
      '有限责任公司（自然人投资或控股）',
    );
    expect(printedEntityType('法人商事主体【有限责任公司(自然人投资或控股)】展')).toBe(
      '法人商事主体【有限责任公司(自然人投资或控股)】',
    );
    expect(printedEntityType('个人独资企业')).toBe('个人独资企业');
    expect(printedEntityType('全民所有制')).toBe('全民所有制');
  });

  it('gives a type back the opening of its bracket when only that was lost, rather than cut it short', () => {
    expect(printedEntityType('有限责任公司非自然人投资或控股的法人独资）')).toBe(
      '有限责任公司（非自然人投资或控股的法人独资）',
    );
    expect(printedEntityType('有限责任公司复印无效')).toBe('有限责任公司');
    // A bracket that has its opening, with 企业 or 公司 inside it, is left whole.
    expect(printedEntityType('有限责任公司（外商投资企业法人独资）')).toBe(
      '有限责任公司（外商投资企业法人独资）',
    );
    expect(printedEntityType('股份有限公司(外商投资企业投资、未上市)')).toBe(
      '股份有限公司(外商投资企业投资、未上市)',
    );
  });

  it('keeps dates, terms and amounts by their grammar', () => {
    expect(printedDate('期2014年07月02日')).toBe('2014年07月02日');
    expect(printedDate('二00二年五月十日')).toBe('二〇〇二年五月十日');
    expect(printedTerm('限1989年05月04日至2039年05月03日湖南')).toBe('1989年05月04日至2039年05月03日');
    expect(printedTerm('长期')).toBe('长期');
    // One glyph misread: no other word of two glyphs stands alone as a term.
    expect(printedTerm('长构')).toBe('长期');
    expect(printedTerm('：乐期')).toBe('长期');
    expect(printedTerm('长期有效')).toBe('长期');
    expect(printedTerm('营业')).toBeNull();
    expect(printedCapital('壹仟万元整展示')).toBe('壹仟万元整');
    expect(printedCapital('（人民币）叁佰万元')).toBe('（人民币）叁佰万元');
  });
});

describe('经营范围 as printed', () => {
  it('turns a colon between two items back into the semicolon, and keeps it after a heading', () => {
    expect(printedScope('许可项目：餐饮服务：食品销售')).toBe('许可项目：餐饮服务；食品销售');
    expect(
      printedScope('销售、租赁：活动板房；销售：建材（不含危险化学品）：钢结构工程设计、施工：旅游开发'),
    ).toBe('销售、租赁：活动板房；销售：建材（不含危险化学品）；钢结构工程设计、施工；旅游开发');
    expect(printedScope('计算机技术培训（不得面向全国招生）：计算机系统设计')).toBe(
      '计算机技术培训（不得面向全国招生）；计算机系统设计',
    );
  });

  it('puts the standard closing sentence back when a few characters were misread', () => {
    expect(printedScope('国内货运代理。（依法须经批准的项CJ目，经相关部门批准后方可展开经营活动）')).toBe(
      '国内货运代理。（依法须经批准的项目，经相关部门批准后方可开展经营活动）',
    );
    // The national exception for foreign trade is a standard sentence too.
    expect(printedScope('货物及技术进出口。（国家止或涉及行政审批的货物和技术进出口除外）')).toBe(
      '货物及技术进出口。（国家禁止或涉及行政审批的货物和技术进出口除外）',
    );
    // The longer sentence wins over the shorter one inside it, with its own brackets.
    expect(
      printedScope(
        '食品销售（依法须经批准的项目，经相关部门批准后方可开展经营活动，具体经营项目以相关部门批准文件或许可证件为准）',
      ),
    ).toBe(
      '食品销售（依法须经批准的项目，经相关部门批准后方可开展经营活动，具体经营项目以相关部门批准文件或许可证件为准）',
    );
  });

  it('completes a standard sentence the value was cut short in, not another that ends alike', () => {
    expect(
      printedScope(
        '广告发布（依法须经批准的项目，经相关部门批准后方可开展经营活动，具体经营项目以相关部门批准文',
      ),
    ).toBe(
      '广告发布（依法须经批准的项目，经相关部门批准后方可开展经营活动，具体经营项目以相关部门批准文件或许可证件为准）',
    );
    // A sentence read whole but for its closing bracket is that sentence, not a longer one that starts alike.
    expect(
      printedScope(
        '食品销售（依法须经批准的项目，经相关部门批准后方可开展经营活动，具体经营项目以审批结果为准',
      ),
    ).toBe('食品销售（依法须经批准的项目，经相关部门批准后方可开展经营活动，具体经营项目以审批结果为准）');
    // Less than 60 % of a sentence read is not completed.
    expect(printedScope('广告发布（依法须经批准的项目，经相关部门')).toBe(
      '广告发布（依法须经批准的项目，经相关部门',
    );
  });

  it('drops stray marks after the last sentence but keeps a further section', () => {
    expect(printedScope('电缆。（依法须经批准的项目，经相关部门批准后方可开展经营活动）CJDG示专福电花')).toBe(
      '电缆。（依法须经批准的项目，经相关部门批准后方可开展经营活动）',
    );
    expect(
      printedScope('餐饮服务（依法须经批准的项目，经相关部门批准后方可开展经营活动）一般项目：食品销售'),
    ).toBe('餐饮服务（依法须经批准的项目，经相关部门批准后方可开展经营活动）一般项目：食品销售');
  });

  it('finds the closest substring by edit distance', () => {
    expect(closestSubstring('甲乙丙丁戊己', '乙丙X戊')).toEqual({ start: 1, end: 5, distance: 1 });
  });
});

describe('the issue date under the seal, read several ways', () => {
  const read = (text: string, confidence: number) => ({
    chars: [...text].map((char) => ({ char, confidence })),
  });
  const text = (found: ReturnType<typeof consensusDate>) => found?.chars.map((c) => c.char).join('');

  it('keeps the surest reading when the readings disagree one to one', () => {
    expect(text(consensusDate([read('2004年11月1日', 0.6), read('2004年11月10日', 0.9)]))).toBe(
      '2004年11月10日',
    );
    expect(text(consensusDate([read('2017年209月21日', 0.95), read('2017年09月21日', 0.8)]))).toBe(
      '2017年09月21日',
    );
  });

  it('takes each part from what most readings agree on, even when no reading is right throughout', () => {
    const reads = [read('2022年08月29日', 0.95), read('2022年08月19日', 0.6), read('202年08月19日', 0.7)];
    expect(text(consensusDate(reads))).toBe('2022年08月19日');
    // One reading has the month, others the year and the day; marks read into the gaps are not glyphs.
    const pieces = [read('2019年(0)月', 0.5), read('2019年：06月19日', 0.55), read('2019-年元00月19日', 0.3)];
    expect(text(consensusDate(pieces))).toBe('2019年06月19日');
  });

  it('weighs each reading by how sure it is: one clear digit outweighs two hesitant ones', () => {
    const reads = [read('2021年08月19日', 0.26), read('2021年08月19日', 0.33), read('2021年08月11日', 0.88)];
    expect(text(consensusDate(reads))).toBe('2021年08月11日');
  });

  it('gives no vote to a one-digit day after a month printed with a leading zero', () => {
    const reads = [read('2022年08月19日', 0.9), read('2022年08月29日', 0.85), read('2022年08月9日', 0.99)];
    expect(text(consensusDate(reads))).toBe('2022年08月19日');
    // Without a leading zero a day of one digit is as printed.
    expect(text(consensusDate([read('2019年4月2日', 0.9), read('2019年4月26日', 0.5)]))).toBe('2019年4月2日');
  });

  it('gives no vote to a month or day no calendar has', () => {
    const reads = [read('2020年11月0日', 0.9), read('2020年11月0日', 0.9), read('2020年11月04日', 0.8)];
    expect(text(consensusDate(reads))).toBe('2020年11月04日');
  });

  it('writes a year in Chinese numerals with 〇, however its zero was read', () => {
    expect(text(consensusDate([read('二0一四年四月三日', 0.8)]))).toBe('二〇一四年四月三日');
    expect(text(consensusDate([read('二O一五年六月一日', 0.8)]))).toBe('二〇一五年六月一日');
  });

  it('gives back a 日 lost at the end of the row, with a low confidence', () => {
    const found = consensusDate([read('2016年12月07', 0.9)]);
    expect(text(found)).toBe('2016年12月07日');
    expect(found?.chars.at(-1)?.confidence).toBeLessThan(0.6);
    expect(consensusDate([read('2016年12月07号码', 0.9)])).toBeNull();
    expect(consensusDate([read('2019年10月0日', 0.9)])).toBeNull();
  });
});
