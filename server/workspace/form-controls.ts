import {
  BUSINESS_SCOPE_ITEMS,
  childrenOf,
  industryDivision,
  regionFullName,
  SCOPE_INITIALS,
} from '../../forms/codes/index.ts';
import type { FieldValue, MergedField } from '../../forms/index.ts';
import { cls, html, type SafeHtml } from '../html/html.ts';

/**
 * The input for one slot of the merged form, by the element's kind. Every control is named `v.<slot>`
 * ('v.company.name', 'v.persons[0].mobile'); multi-value controls add a marker so an empty choice is seen.
 */
export interface ControlInput {
  field: MergedField;
  slot: string;
  id: string;
  value: FieldValue | undefined;
  describedBy?: string;
  invalid: boolean;
}

const FUJIAN = '350000';

function regionOptions(value: string | undefined): SafeHtml {
  const known = new Set<string>();
  const groups = childrenOf(FUJIAN).map((city) => {
    const districts = childrenOf(city.code);
    for (const district of districts) known.add(district.code);
    return html`<optgroup label="${city.name}">${districts.map((district) => html`<option value="${district.code}"${district.code === value ? html` selected` : ''}>${city.name} ${district.name}</option>`)}</optgroup>`;
  });
  const other =
    value && !known.has(value)
      ? html`<option value="${value}" selected>${regionFullName(value) ?? value}</option>`
      : '';
  return html`<option value="">请选择区县</option>${other}${groups}`;
}

function scopeOptions(value: string | undefined): SafeHtml {
  return html`<option value="">请选择经营范围条目</option>${BUSINESS_SCOPE_ITEMS.entries.map(
    (item) =>
      // What the searchable picker (static/form.js) searches and shows: 行业 and the 拼音 initials.
      html`<option value="${item.code}" data-industry="${industryDivision(item.division)?.name ?? ''}" data-initials="${SCOPE_INITIALS.get(item.code) ?? ''}"${item.permit ? html` data-permit="${item.permit}"` : ''}${item.code === value ? html` selected` : ''}>${item.name}${item.kind === '许可' ? '（许可项目）' : ''}</option>`,
  )}`;
}

function enumOptions(field: MergedField): { value: string; label: string }[] {
  const values = field.constraints.options ?? Object.keys(field.optionLabels ?? {});
  return values.map((value) => ({ value, label: field.optionLabels?.[value] ?? value }));
}

const INPUT_TYPE: Partial<Record<MergedField['kind'], string>> = { date: 'date', month: 'month' };
const INPUT_MODE: Partial<Record<MergedField['kind'], string>> = { int: 'numeric', decimal: 'decimal' };

export function control(input: ControlInput): SafeHtml {
  const { field, slot, id, value } = input;
  const name = `v.${slot}`;
  const aria = html`${input.describedBy ? html` aria-describedby="${input.describedBy}"` : ''}${input.invalid ? html` aria-invalid="true"` : ''}`;
  const scalar = typeof value === 'string' ? value : undefined;
  switch (field.kind) {
    case 'enum':
      return html`<select class="input" id="${id}" name="${name}"${aria}><option value="">请选择</option>${enumOptions(field).map((option) => html`<option value="${option.value}"${option.value === scalar ? html` selected` : ''}>${option.label}</option>`)}</select>`;
    case 'region':
      return html`<select class="input" id="${id}" name="${name}" data-region-picker data-province="${regionFullName(FUJIAN) ?? ''}"${aria}>${regionOptions(scalar)}</select>`;
    case 'code':
      if (field.key === 'scope[].code')
        return html`<select class="input" id="${id}" name="${name}" data-scope-picker${aria}>${scopeOptions(scalar)}</select>`;
      return html`<input class="input" id="${id}" name="${name}" value="${scalar ?? ''}"${aria}>`;
    case 'multi': {
      const chosen = Array.isArray(value) ? value : [];
      return html`<div class="${cls('checks', enumOptions(field).length > 4 && 'checks--grid')}" id="${id}" role="group"${aria}>
  <input type="hidden" name="m.${slot}" value="1">
  ${enumOptions(field).map((option) => html`<label class="check check--inline"><input type="checkbox" name="${name}" value="${option.value}"${chosen.includes(option.value) ? html` checked` : ''}> ${option.label}</label>`)}
</div>`;
    }
    case 'bool':
      if (field.constraints.mustBe === '1') {
        return html`<div id="${id}"><input type="hidden" name="m.${slot}" value="1"><label class="check"><input type="checkbox" name="${name}" value="1"${scalar === '1' ? html` checked` : ''}${aria}> 我已阅读并同意</label></div>`;
      }
      return html`<div class="checks" id="${id}" role="radiogroup"${aria}>
  <label class="check check--inline"><input type="radio" name="${name}" value="1"${scalar === '1' ? html` checked` : ''}> 是</label>
  <label class="check check--inline"><input type="radio" name="${name}" value="0"${scalar === '0' ? html` checked` : ''}> 否</label>
</div>`;
    default: {
      const type = INPUT_TYPE[field.kind] ?? 'text';
      const mode =
        INPUT_MODE[field.kind] ?? (field.constraints.checks?.includes('mobile') ? 'tel' : undefined);
      const max = field.constraints.maxLength;
      return html`<input class="input" id="${id}" name="${name}" type="${type}" value="${scalar ?? ''}"${mode ? html` inputmode="${mode}"` : ''}${max ? html` maxlength="${max}"` : ''}${aria}>`;
    }
  }
}

/** How a value reads on a page without an input (clerk view, read-only rows). */
export function display(field: MergedField, value: FieldValue | undefined): string {
  if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return '—';
  const label = (one: string) => {
    if (field.kind === 'region') return regionFullName(one) ?? one;
    if (field.key === 'scope[].code') return BUSINESS_SCOPE_ITEMS.byCode(one)?.name ?? one;
    if (field.kind === 'bool') return one === '1' ? '是' : '否';
    return field.optionLabels?.[one] ?? one;
  };
  return Array.isArray(value) ? value.map(label).join('、') : label(value as string);
}
