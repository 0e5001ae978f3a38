import { itemDef } from '../../forms/index.ts';
import type { ItemDef } from '../../forms/items/types.ts';

/**
 * An item's receipt as a person reads it: each number under the name the department gives it (never a raw
 * key such as `filingNo`), one number shown once even when the portal repeats it as 办件编号, 受理编号 and
 * 预约号, lists such as the seals' 备案编码 as a table, and what the applicant must still do, and where.
 * Built from what the store holds (the item's receipt and outputs), for the progress page and the 办结通知书.
 */
export interface ReceiptFact {
  label: string;
  value: string;
}

export interface ReceiptList {
  columns: string[];
  rows: string[][];
}

export interface ReceiptWords {
  facts: ReceiptFact[];
  lists: ReceiptList[];
  /** What the applicant must do next and where, in one sentence; absent when nothing is left to do. */
  nextStep?: string;
}

type Outputs = Readonly<Record<string, unknown>>;

const text = (outputs: Outputs, key: string): string => {
  const value = outputs[key];
  return typeof value === 'string' ? value.trim() : '';
};

/** "name（address）", or just the name when the address is unknown. */
const place = (name: string, address: string) => (address ? `${name}（${address}）` : name);

interface NextStep {
  /** Outputs that belong to the sentence, not to the list of numbers. */
  readonly uses: readonly string[];
  say(outputs: Outputs): string | undefined;
}

/** What each item still asks of the applicant once its department has answered. */
const NEXT_STEPS: Readonly<Record<string, NextStep>> = {
  'bank-account': {
    uses: ['appointmentTime', 'branchAddress'],
    say: (o) => {
      const when = text(o, 'appointmentTime');
      if (!when) return undefined;
      const branch = place(text(o, 'bankName') || '预约网点', text(o, 'branchAddress'));
      return `请法定代表人于 ${when} 携带本人身份证原件、营业执照正本及公章、财务专用章、法定代表人名章，到${branch}办理开户；预分配账号在开户手续完成后生效。`;
    },
  },
  'seal-engraving': {
    uses: ['engraver', 'engraverAddress', 'pickup'],
    say: (o) => {
      const engraver = text(o, 'engraver');
      if (!engraver) return undefined;
      const pickup = text(o, 'pickup');
      if (pickup.startsWith('邮寄')) return `印章由${engraver}刻制后${pickup}寄出，请留意查收。`;
      return `请经办人携带本人身份证原件，凭备案编码到${place(engraver, text(o, 'engraverAddress'))}领取印章。`;
    },
  },
  'tax-registration': {
    uses: ['taxOffice'],
    say: (o) => {
      const office = text(o, 'taxOffice');
      return office
        ? `主管税务机关为${office}。请按期在电子税务局申报纳税；需要发票时，到该局办税服务厅或在电子税务局申领。`
        : undefined;
    },
  },
};

const REFERENCE_LABEL = '部门办件编号';

function safeItem(itemId: string): ItemDef | undefined {
  try {
    return itemDef(itemId);
  } catch {
    return undefined;
  }
}

/** `seals[].type` + `seals[].filingCode` → one table with a column per field, a row per seal. */
function listsOf(item: ItemDef | undefined, outputs: Outputs): ReceiptList[] {
  const groups = new Map<string, { label: string; values: string[] }[]>();
  for (const output of item?.produces ?? []) {
    const group = /^(.+)\[\]\./.exec(output.id)?.[1];
    const values = outputs[output.id];
    if (!group || !Array.isArray(values)) continue;
    const columns = groups.get(group) ?? [];
    columns.push({ label: output.label, values: values.map(String) });
    groups.set(group, columns);
  }
  return [...groups.values()].map((columns) => ({
    columns: columns.map((c) => c.label),
    rows: Array.from({ length: Math.max(...columns.map((c) => c.values.length)) }, (_, i) =>
      columns.map((c) => c.values[i] ?? ''),
    ),
  }));
}

export function receiptWords(
  itemId: string,
  receipt: Readonly<Record<string, string>> | null | undefined,
  outputs: Outputs | null | undefined,
): ReceiptWords {
  const item = safeItem(itemId);
  const all: Outputs = { ...receipt, ...outputs };
  const step = NEXT_STEPS[itemId];
  const facts: ReceiptFact[] = [];
  const add = (label: string, value: string) => {
    // The same number under another name (办件编号 = 受理编号 = 预约号) is shown once, by its first name.
    if (value && !facts.some((fact) => fact.value === value)) facts.push({ label, value });
  };
  for (const output of item?.produces ?? []) {
    if (step?.uses.includes(output.id)) continue;
    add(output.label, text(all, output.id));
  }
  add(REFERENCE_LABEL, text(all, 'reference'));
  const nextStep = step?.say(all);
  return { facts, lists: listsOf(item, all), ...(nextStep ? { nextStep } : {}) };
}
