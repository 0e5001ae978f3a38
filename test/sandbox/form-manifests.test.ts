import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FORM_MANIFESTS } from '../../sandbox/form-manifests.ts';

/** The contract tables of docs/item-fields.md: item id → the field ids in its table (and tax's login ids). */
function contractIds(): Map<string, string[]> {
  const text = readFileSync(new URL('../../docs/item-fields.md', import.meta.url), 'utf8');
  const out = new Map<string, string[]>();
  for (const section of text.split(/^## /m).slice(1)) {
    const item = section.split(/\s/)[0] ?? '';
    const ids = [...section.matchAll(/^\| ([a-zA-Z][\w.[\]]*) \|/gm)].map((m) => m[1] ?? '');
    const login = [...section.matchAll(/`(login\.[a-zA-Z]+)`/g)].map((m) => m[1] ?? '');
    out.set(item, [...login, ...ids.filter((id) => id !== 'id')]);
  }
  return out;
}

describe('form manifests', () => {
  const contract = contractIds();
  for (const [item, manifest] of Object.entries(FORM_MANIFESTS)) {
    it(`${item}: the same field ids as docs/item-fields.md, in the same order`, () => {
      expect(manifest.item).toBe(item);
      expect(manifest.fields.map((f) => f.id)).toEqual(contract.get(item));
      for (const f of manifest.fields) {
        if (f.when) expect(manifest.fields.map((x) => x.id)).toContain(f.when.field);
      }
    });
  }
});
