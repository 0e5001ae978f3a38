import { itemDef } from '../../../forms/items/index.ts';
import type { ItemOutput } from '../../../forms/items/types.ts';
import type {
  Find,
  QueryDeclaration,
  ReceiptDeclaration,
  StepDeclaration,
  Values,
} from '../../runtime/types.ts';

/**
 * What the provincial portals have in common (one vendor's 政务服务 framework): the 我的办件 page with a search
 * box and a results table, and a receipt laid out as a table of 项目/内容 cells. Each declaration still states
 * its own labels; these helpers only spare repeating the layout.
 */

export const heading = (name: string): Find => ({ role: 'heading', name });
export const button = (name: string): Find => ({ role: 'button', name });
export const label = (text: string): Find => ({ label: text });

/**
 * The pages of a wizard, each headed by the wizard's `title` and the page's name (`企业设立登记 — 基本信息`):
 * `page` is left by 保存并下一步, `last` (the one the submit declaration finishes) has no such button.
 */
export function wizardPages(title: string) {
  type Rest = Omit<StepDeclaration, 'name' | 'ready' | 'next'>;
  const last = (name: string, rest: Rest): StepDeclaration => ({
    name,
    ready: heading(`${title} ${name}`),
    ...rest,
  });
  const page = (name: string, rest: Rest): StepDeclaration => ({
    ...last(name, rest),
    next: button('保存并下一步'),
  });
  return { page, last };
}

export const text = (values: Values, id: string): string => {
  const value = values[id];
  return typeof value === 'string' ? value : '';
};

/**
 * A receipt page titled `title` whose cells are found by their header cell. Its outputs are the item's
 * `produces` (forms/items), declared there once: each is read under the header cell of the output's label,
 * or of `labels[id]` where the receipt words it otherwise; `group[].field` outputs are columns of its table.
 */
export function tableReceipt(options: {
  title: string;
  itemId: string;
  labels?: Readonly<Record<string, string>>;
  awaiting?: ReceiptDeclaration['awaiting'];
}): ReceiptDeclaration {
  const { produces } = itemDef(options.itemId);
  const unknown = Object.keys(options.labels ?? {}).filter(
    (id) => !produces.some((output) => output.id === id),
  );
  if (unknown.length > 0)
    throw new Error(`receipt of ${options.itemId}: no such output ${unknown.join(', ')}`);
  const header = (output: ItemOutput) => options.labels?.[output.id] ?? output.label;
  const isList = (output: ItemOutput) => output.id.includes('[]');
  const listOutputs = produces.filter(isList).map((output) => [output.id, header(output)]);
  return {
    ready: heading(options.title),
    reference: label('办件编号'),
    outputs: Object.fromEntries(
      produces.filter((output) => !isList(output)).map((output) => [output.id, label(header(output))]),
    ),
    ...(listOutputs.length > 0 ? { listOutputs: Object.fromEntries(listOutputs) } : {}),
    ...(options.awaiting ? { awaiting: options.awaiting } : {}),
  };
}

/** 我的办件: search by company name (or credit code), one row per earlier submission. */
export function companyQuery(options: {
  path?: string;
  /** Which value of the item names the company in the search box. */
  companyField: string;
  /** The results column that shows the company. */
  companyColumn?: string;
}): QueryDeclaration {
  const column = options.companyColumn ?? '申请单位';
  return {
    path: options.path ?? '/query',
    search: {
      find: { placeholder: '请输入企业名称或信用代码' },
      value: (values) => text(values, options.companyField),
    },
    byReference: { placeholder: '请输入办件编号' },
    button: button('查询'),
    tableHeader: '办件编号',
    matches: (row, values) => row[column] === text(values, options.companyField),
    open: { role: 'link', name: '查看回执' },
    submittedColumn: '提交时间',
  };
}
