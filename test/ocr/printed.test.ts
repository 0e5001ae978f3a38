import { describe, expect, it } from 'vitest';
import {
  printedCapital,
  printedCompanyName,
  printedDate,
  printedEntityType,
  printedTerm,
} from '../../ocr/layout/printed.ts';

describe('values as printed, without what an overprint added around them', () => {
  it('ends a company name at its organisational form', () => {
    expect(printedCompanyName('山东路韵工程管理有限公司复印无效')).toBe('山东路韵工程管理有限公司');
    expect(printedCompanyName('中博信工程项目管理（北京）有限公司')).toBe(
      '中博信工程项目管理（北京）有限公司',
    );
    expect(printedCompanyName('某某有限公司厦门分公司')).toBe('某某有限公司厦门分公司');
    expect(printedCompanyName('莆田市城厢区师刘钟牛肉面店')).toBe('莆田市城厢区师刘钟牛肉面店');
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

  it('keeps dates, terms and amounts by their grammar', () => {
    expect(printedDate('期2014年07月02日')).toBe('2014年07月02日');
    expect(printedDate('二00二年五月十日')).toBe('二〇〇二年五月十日');
    expect(printedTerm('限1989年05月04日至2039年05月03日湖南')).toBe('1989年05月04日至2039年05月03日');
    expect(printedTerm('长期')).toBe('长期');
    expect(printedCapital('壹仟万元整展示')).toBe('壹仟万元整');
    expect(printedCapital('（人民币）叁佰万元')).toBe('（人民币）叁佰万元');
  });
});
