import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pinyinInitials } from '../../../forms/codes/pinyin-initials.ts';
import { scopeInitialsSource } from '../../../forms/codes/scope-initials-source.ts';

describe('拼音 initials of the 经营范围 items', () => {
  it('reads each character by its pinyin, skipping punctuation', () => {
    expect(pinyinInitials('软件开发')).toBe('RJKF');
    expect(pinyinInitials('龙文区')).toBe('LWQ');
    expect(pinyinInitials('日用百货销售')).toBe('RYBHXS');
    expect(pinyinInitials('餐饮服务')).toBe('CYFW');
    expect(pinyinInitials('技术服务、技术开发')).toBe('JSFWJSKF');
    expect(pinyinInitials('第一类医疗器械销售')).toBe('DYLYLQXXS');
  });

  it('the generated file is up to date with the items (npx tsx scripts/scope-initials.ts)', () => {
    const file = readFileSync(
      new URL('../../../forms/codes/business-scope-initials.ts', import.meta.url),
      'utf8',
    );
    expect(file).toBe(scopeInitialsSource());
  });
});
