/**
 * The data-access contract: everything above the store talks SQL through these few calls, so the same
 * migrations and queries run on the embedded PGlite and on a PostgreSQL server.
 *
 * Type conventions shared by both drivers: int8 and numeric come back as JS numbers, `date` as the
 * 'yyyy-MM-dd' string (never a Date shifted by the local time zone), timestamptz as Date, jsonb as values.
 */
export interface Queryable {
  /** One statement with $1… parameters; resolves to the rows (use RETURNING to see what changed). */
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  /** A script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export type StoreKind = 'pglite' | 'postgres';

export interface Db extends Queryable {
  readonly kind: StoreKind;
  /** Runs `work` in one transaction; a throw rolls it back. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** OIDs of the types whose parsing we pin (see the contract above). */
export const PG_TYPE = { int8: 20, numeric: 1700, date: 1082 } as const;
