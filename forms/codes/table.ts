/**
 * A closed code list (代码表) from a national standard: entries in the standard's own order, looked up by code
 * or by name. Every small table in forms/codes is one of these, so callers learn one shape.
 */
export interface CodeEntry {
  /** The code as the standard writes it (leading zeros kept: '01', '156'). */
  readonly code: string;
  /** The name as the standard writes it. */
  readonly name: string;
}

export interface CodeTable<E extends CodeEntry = CodeEntry> {
  /** The standard's name, e.g. 'GB/T 3304'. */
  readonly standard: string;
  readonly entries: readonly E[];
  readonly codes: readonly string[];
  byCode(code: string): E | undefined;
  byName(name: string): E | undefined;
  has(code: string): boolean;
}

export function codeTable<E extends CodeEntry>(standard: string, entries: readonly E[]): CodeTable<E> {
  const byCode = new Map(entries.map((e) => [e.code, e]));
  const byName = new Map(entries.map((e) => [e.name, e]));
  if (byCode.size !== entries.length) throw new Error(`${standard}: duplicate code`);
  return {
    standard,
    entries,
    codes: entries.map((e) => e.code),
    byCode: (code) => byCode.get(code),
    byName: (name) => byName.get(name),
    has: (code) => byCode.has(code),
  };
}
