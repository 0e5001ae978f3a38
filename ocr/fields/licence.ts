import { BUSINESS_SCOPE_ITEMS, childrenOf, provinces } from '../../forms/codes/index.ts';
import { matchRegionPrefix } from './address.ts';
import { parseChineseDate } from './dates.ts';
import {
  CHECKED_CONFIDENCE,
  FREE_TEXT_CONFIDENCE,
  field,
  type OcrField,
  type RawReading,
  unreadable,
  weakestSymbol,
} from './result.ts';
import { compact, editDistance, isHan } from './text.ts';

/** The licence's own fields: 类型, 组成形式, 名称, 营业期限, 经营范围 and the date fields. */

/** 类型 as printed on licences (市场主体类型). */
export const ENTITY_TYPES = [
  '有限责任公司(自然人投资或控股)',
  '有限责任公司(自然人独资)',
  '有限责任公司(自然人投资或控股的法人独资)',
  '有限责任公司(法人独资)',
  '有限责任公司(国有独资)',
  '有限责任公司',
  '一人有限责任公司',
  // Older licences (before 2014) name the one-person company's owner.
  '一人有限责任公司(自然人独资)',
  '一人有限责任公司(法人独资)',
  '有限责任公司(外商投资企业法人独资)',
  '有限责任公司(中外合资)',
  '有限责任公司(外国自然人独资)',
  '有限责任公司(国内合资)',
  '有限责任公司(台港澳法人独资)',
  '有限责任公司(外国法人独资)',
  '有限责任公司(台港澳与境内合资)',
  '其他有限责任公司',
  '股份有限公司(非上市)',
  '股份有限公司(上市)',
  '有限责任公司(非自然人投资或控股的法人独资)',
  '股份有限公司(非上市、自然人投资或控股)',
  '股份有限公司(上市、自然人投资或控股)',
  '个人独资企业',
  '普通合伙企业',
  '有限合伙企业',
  '个体工商户',
  '农民专业合作社',
] as const;

/** Snaps text to the nearest entry of a closed list when it is near enough and nearer than any other. */
export function snapToList(
  text: string,
  list: readonly string[],
  label: string,
  reading: RawReading,
): OcrField {
  if (!text) return unreadable(label);
  const scored = list
    .map((entry) => ({ entry, distance: editDistance(text, entry) }))
    .sort((a, b) => a.distance - b.distance);
  const [best, second] = scored;
  if (!best) return unreadable(label);
  const length = [...best.entry].length;
  const unique = !second || second.distance > best.distance;
  if (best.distance === 0) return field(label, best.entry, Math.max(0.6, weakestSymbol(reading)), []);
  if (unique && best.distance <= Math.max(1, Math.floor(length * 0.15))) {
    // A small distance to one entry of a short closed list, far from the others: the list decides.
    const clear = !second || second.distance >= best.distance + 3;
    return field(label, best.entry, 0.8, clear ? [] : ['识别有误差，已按最接近的标准名称填写，请核对']);
  }
  if (unique && best.distance <= Math.ceil(length * 0.4)) {
    return field(label, best.entry, 0.5, ['识别有误差，已按最接近的标准名称填写，请核对']);
  }
  return field(label, null, 0, [`${label}无法识别，请手工填写`]);
}

export function interpretEntityType(reading: RawReading): OcrField {
  const text = normaliseBrackets(compact(reading.text)).replace(/^类型/, '');
  return snapToList(text, ENTITY_TYPES, '类型', reading);
}

export function interpretCompositionForm(reading: RawReading): OcrField {
  return snapToList(
    compact(reading.text).replace(/^组成形式/, ''),
    ['个人经营', '家庭经营'],
    '组成形式',
    reading,
  );
}

function normaliseBrackets(text: string): string {
  return text
    .replace(/[（〔【［]/g, '(')
    .replace(/[）〕】］]/g, ')')
    .replace(/[，,]/g, '、');
}

/** The 组织形式 each kind of entity ends its name with (国务院令第734号 and the 个体工商户 rules). */
const NAME_ENDINGS: Record<string, RegExp> = {
  company: /(有限责任公司|有限公司|股份有限公司)$/,
  sole: /(服务部|经营部|工作室|商行|中心|店|厂|社|坊|部|行|馆)$/,
  individual: /(店|部|行|馆|厂|社|坊|室|中心|工作室|摊|铺|场)$/,
};

/**
 * 名称 checked against the naming rule: it begins with an administrative division (漳州市龙文区…, 漳州…), has a
 * 字号 of at least two characters, and ends with the 组织形式 its type requires (有限公司 for a company).
 * A name that breaks the rule was misread or is unusual; either way it needs confirmation.
 */
export function interpretCompanyName(
  reading: RawReading,
  variant: 'company' | 'individual' | 'sole',
): OcrField {
  const label = '名称';
  let text = normaliseBrackets(compact(reading.text)).replace(/^名称/, '');
  text = [...text].filter((c) => isHan(c) || /[()\d]/.test(c)).join('');
  if ([...text].length < 4) return unreadable(label);
  const problems: string[] = [];
  const region = matchRegionPrefix(text, 1);
  const prefecture = region ? undefined : matchPrefecture(text);
  if (region && region.distance > 0) {
    text = region.name + [...text].slice(region.consumed).join('');
    problems.push('名称中的行政区划经推断修正，请核对');
  } else if (prefecture?.snapped) {
    text = prefecture.text;
    problems.push('名称中的行政区划经推断修正，请核对');
  } else if (!region && !prefecture) {
    problems.push('名称开头不是行政区划，请核对');
  }
  if (!NAME_ENDINGS[variant]?.test(text)) problems.push('名称结尾的组织形式与执照类型不符，请核对');
  if (/中国|中华|全国|国家|国际/.test(text.slice(0, 6))) problems.push('名称含有需特别核准的字词，请核对');
  const weakest = weakestSymbol(reading, isHan);
  if (weakest < FREE_TEXT_CONFIDENCE) problems.push('部分字识别把握不大，请核对');
  return field(label, text, weakest, problems);
}

let prefectures: string[] | undefined;

/**
 * A prefecture (or province) name at the start of a name: 漳州市…, or 漳州… without 市. One wrong character in
 * a three-character prefecture name is snapped when a single prefecture is that near (戎田市 → 莆田市).
 */
function matchPrefecture(text: string): { text: string; snapped: boolean } | undefined {
  prefectures ??= provinces().flatMap((p) => [p.name, ...childrenOf(p.code).map((c) => c.name)]);
  for (const name of prefectures) {
    const short = name.replace(/(省|市)$/, '');
    if (text.startsWith(name) || (short.length >= 2 && text.startsWith(short)))
      return { text, snapped: false };
  }
  const head = [...text].slice(0, 3).join('');
  const near = prefectures.filter((name) => [...name].length === 3 && editDistance(head, name) === 1);
  if (near.length === 1 && near[0]) return { text: near[0] + [...text].slice(3).join(''), snapped: true };
  return undefined;
}

export interface TermParts {
  from?: string;
  /** yyyy-MM-dd or 长期. */
  to?: string;
}

/** 营业期限 "2024年03月15日至长期" / "…至2054年03月14日" → { from, to }. */
export function parseTerm(text: string): TermParts {
  const compacted = compact(text).replace(/^营业期限/, '');
  const [fromText = '', toText = ''] = compacted.split(/[至到]/);
  const from = parseChineseDate(fromText)?.value;
  const to = /长期|永久/.test(toText) ? '长期' : parseChineseDate(toText)?.value;
  return { ...(from ? { from } : {}), ...(to ? { to } : {}) };
}

export function interpretTerm(reading: RawReading, established: string | undefined): OcrField {
  const label = '营业期限';
  const { from, to } = parseTerm(reading.text);
  if (!from || !to) return field(label, null, 0, ['营业期限无法识别，请手工填写']);
  const problems: string[] = [];
  if (established && established !== from) problems.push('营业期限的起始日与成立日期不一致，请核对');
  if (to !== '长期' && to <= from) problems.push('营业期限的截止日早于起始日，请核对');
  const weakest = weakestSymbol(reading);
  if (weakest < CHECKED_CONFIDENCE) problems.push('识别把握不大，请核对');
  return field(label, `${from}至${to}`, weakest, problems);
}

export function interpretDate(reading: RawReading, label: string, extraProblems: string[] = []): OcrField {
  const parsed = parseChineseDate(reading.text);
  if (!parsed) return field(label, null, 0, [`${label}无法识别，请手工填写`]);
  const problems = [...extraProblems];
  if (parsed.repaired) problems.push('日期中有字符经推断，请核对');
  const weakest = weakestSymbol(reading);
  if (weakest < CHECKED_CONFIDENCE) problems.push('识别把握不大，请核对');
  return field(label, parsed.value, weakest, problems);
}

const GENERAL = '（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）';
const PERMIT =
  '（依法须经批准的项目，经相关部门批准后方可开展经营活动，具体经营项目以相关部门批准文件或许可证件为准）';
const SCOPE_NAMES = BUSINESS_SCOPE_ITEMS.entries.map((item) => item.name);

/**
 * 经营范围: "许可项目：…。（依法须经批准…）一般项目：…；…。（除依法须经批准…）". Each item is snapped to the 经营范围
 * 规范表述 list and each closing sentence to its standard wording; the value is rebuilt from what was matched.
 * Every item must match (at most one character off per five) for the value to be confident.
 */
export function interpretScope(reading: RawReading): OcrField {
  const label = '经营范围';
  let text = compact(reading.text)
    .replace(/^经营范围/, '')
    .replace(/[;]/g, '；')
    .replace(/[:]/g, '：');
  text = text.replace(/[(]/g, '（').replace(/[)]/g, '）').replace(/[,]/g, '，');
  if ([...text].length < 4) return unreadable(label);
  const problems: string[] = [];
  const sections: string[] = [];
  // Split into "许可项目：…" and "一般项目：…" sections with their closing sentence.
  const parts = text.split(/(许可项目|一般项目)[：:]?/).filter((part) => part !== '');
  let heading: string | undefined;
  for (const part of parts) {
    if (part === '许可项目' || part === '一般项目') {
      heading = part;
      continue;
    }
    const standard = heading === '许可项目' ? PERMIT : GENERAL;
    const { body, closing } = splitClosing(part, standard);
    const pieces = body
      .replace(/。$/, '')
      .split('；')
      .filter((piece) => piece.length > 0);
    const matched = pieces.flatMap((piece) => snapScopePiece(piece, problems));
    let sentence = '';
    if (closing) {
      if (editDistance(closing, standard) <= Math.ceil(standard.length * 0.25)) sentence = standard;
      else {
        sentence = closing;
        problems.push('经营范围的说明文字识别有误差，请核对');
      }
    }
    sections.push(
      `${heading ? `${heading}：` : ''}${matched.join('；')}${matched.length ? '。' : ''}${sentence}`,
    );
    heading = undefined;
  }
  const value = sections.join('');
  const weakest = weakestSymbol(reading, isHan);
  return field(label, value, weakest, problems);
}

/** The standard closing sentence at the end of a section, found by its wording (items have brackets too). */
function splitClosing(part: string, standard: string): { body: string; closing: string } {
  let best: { at: number; distance: number } | undefined;
  for (let at = part.indexOf('（'); at >= 0; at = part.indexOf('（', at + 1)) {
    const distance = editDistance(part.slice(at), standard);
    if (!best || distance < best.distance) best = { at, distance };
  }
  if (!best || best.distance > standard.length * 0.5) return { body: part, closing: '' };
  return { body: part.slice(0, best.at), closing: part.slice(best.at) };
}

/** One piece between two ；, snapped to the list; a piece that matches nothing is tried split at a comma. */
function snapScopePiece(piece: string, problems: string[]): string[] {
  const whole = snapScopeItem(piece);
  if (whole.match) {
    if (whole.note) problems.push(whole.note);
    return [whole.name];
  }
  const parts = piece.split(/[，,:：]/).filter((part) => part.length > 0);
  if (parts.length > 1) {
    const snapped = parts.map(snapScopeItem);
    if (snapped.every((s) => s.match)) {
      problems.push('经营范围中的分隔符识别有误差，请核对');
      return snapped.map((s) => s.name);
    }
  }
  problems.push('经营范围中有不在规范表述目录中的项目，请核对');
  return [piece];
}

function snapScopeItem(item: string): { match: boolean; name: string; note?: string } {
  if (SCOPE_NAMES.includes(item)) return { match: true, name: item };
  const scored = SCOPE_NAMES.map((name) => ({ name, distance: editDistance(item, name) })).sort(
    (a, b) => a.distance - b.distance,
  );
  const [best, second] = scored;
  if (!best) return { match: false, name: item };
  const limit = Math.max(1, Math.floor([...best.name].length / 5));
  const unique = !second || second.distance > best.distance;
  if (unique && best.distance <= limit) return { match: true, name: best.name };
  if (unique && best.distance <= limit * 2) {
    return { match: true, name: best.name, note: `经营范围中“${best.name}”识别有误差，请核对` };
  }
  return { match: false, name: item };
}
