import { describe, expect, it } from 'vitest';
import { declarationFor } from '../../bots/portals/registry.ts';
import { ELEMENTS } from '../../forms/elements/catalogue.ts';
import { ITEMS } from '../../forms/items/index.ts';

/**
 * An item's outputs are named in three places: the item's `produces` (forms/items), the bot's receipt reading
 * (bots/portals/<portal>) and, for outputs later items use, the element they fill (forms/elements,
 * `producedBy`). A name missing from one of them drops the value silently, so all three must agree.
 */

const receiptOutputs = (itemId: string): string[] => {
  const receipt = declarationFor(itemId)?.receipt;
  if (!receipt) return [];
  return [...Object.keys(receipt.outputs), ...Object.keys(receipt.listOutputs ?? {})].sort();
};

const sandboxItems = [...ITEMS.values()].filter((item) => item.sandbox);

describe('an item’s outputs agree across item, receipt and element', () => {
  it('every item a sandbox portal implements has a bot declaration', () => {
    expect(sandboxItems.filter((item) => !declarationFor(item.id)).map((item) => item.id)).toEqual([]);
  });

  it.each(sandboxItems.map((item) => [item.id, item] as const))(
    '%s: the receipt reads exactly what the item produces, list outputs included',
    (itemId, item) => {
      expect(receiptOutputs(itemId)).toEqual(item.produces.map((output) => output.id).sort());
    },
  );

  it('an output that fills an element is the element’s source, and the other way round', () => {
    const fromItems = [...ITEMS.values()].flatMap((item) =>
      item.produces.flatMap((output) =>
        output.element ? [`${item.id}.${output.id} → ${output.element}`] : [],
      ),
    );
    const fromElements = [...ELEMENTS.values()].flatMap((element) =>
      element.sources.flatMap((source) =>
        source.kind === 'item' ? [`${source.item}.${source.output} → ${element.key}`] : [],
      ),
    );
    expect(fromItems.sort()).toEqual(fromElements.sort());
    expect(fromItems.length).toBeGreaterThan(0);
  });

  it('the list outputs name a group the item has, as `group[].field`', () => {
    for (const item of sandboxItems) {
      const listOutputs = Object.keys(declarationFor(item.id)?.receipt.listOutputs ?? {});
      const groups = item.fields.flatMap((field) =>
        'kind' in field && field.kind === 'group' ? [field.id] : [],
      );
      for (const id of listOutputs) expect(groups).toContain(id.split('[]')[0]);
    }
  });
});
