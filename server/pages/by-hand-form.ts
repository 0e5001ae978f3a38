import { itemDef } from '../../forms/index.ts';
import { csrfField, inputField, textareaField } from '../html/components.ts';
import { html, type SafeHtml } from '../html/html.ts';

/**
 * 人工办结: the form beside an item an admin handed over to the clerk (转人工). The clerk says what was done and
 * types what the department answered — its 部门办件编号 and the item's outputs (单位公积金账号, 统一社会信用代码…),
 * which later items and the 办结通知书 use as they would a bot's. Posted to `${base}/items/:itemId/done-by-hand`.
 */
export interface ByHandState {
  itemId: string;
  errors: Record<string, string>;
  values: Record<string, string>;
}

/** An output a person can type: one value, not a list (a list such as the seals' 备案编码 stays with the bots). */
export function typedOutputs(itemId: string): { id: string; label: string; element?: string }[] {
  try {
    return itemDef(itemId).produces.filter((output) => !output.id.includes('[]'));
  } catch {
    return [];
  }
}

/** The form field of an output: `output-<id>`. */
export const outputField = (outputId: string) => `output-${outputId}`;

export function byHandForm(
  base: string,
  csrf: string,
  item: { id: string; name: string },
  state: ByHandState | undefined,
): SafeHtml {
  const mine = state?.itemId === item.id ? state : undefined;
  const errors = mine?.errors ?? {};
  const values = mine?.values ?? {};
  const id = (name: string) => `by-hand-${item.id}-${name}`;
  return html`<details class="item__manage" id="by-hand-${item.id}"${mine ? html` open` : ''}><summary>登记人工办结</summary>
  <form method="post" action="${base}/items/${item.id}/done-by-hand" class="form" novalidate>${csrfField(csrf)}
    ${textareaField({ name: 'note', id: id('note'), label: '办理情况', value: values.note, error: errors.note, required: true, rows: 2, maxlength: 500, hint: '写明在部门系统或窗口办了什么，供复核；申请人只看到「窗口人工办结」和下面的编号' })}
    ${inputField({ name: 'reference', id: id('reference'), label: '部门办件编号', value: values.reference, error: errors.reference, maxlength: 64, hint: '部门系统给出的办件编号或受理编号；没有可不填' })}
    ${typedOutputs(item.id).map((output) => inputField({ name: outputField(output.id), id: id(output.id), label: output.label, value: values[outputField(output.id)], error: errors[outputField(output.id)], maxlength: 64, hint: '后续事项和办结通知书会用到；没有可不填' }))}
    <div class="actions"><button class="button button--primary" type="submit" data-confirm="确认「${item.name}」已由窗口人工办结？登记后不能撤销。">登记人工办结</button></div>
  </form></details>`;
}
