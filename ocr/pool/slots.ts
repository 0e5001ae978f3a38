/**
 * The last part of closing a pool, the same for both: wait for the replacements in flight, then end every
 * slot's engine at once, each slot emptied first so nothing more is given to it. An engine that fails to end
 * is not reported: it is going anyway.
 */
export async function endEngines<S, K extends keyof S>(
  restarts: ReadonlySet<Promise<void>>,
  slots: readonly S[],
  key: K,
  end: (engine: NonNullable<S[K]>) => Promise<unknown>,
): Promise<void> {
  await Promise.allSettled([...restarts]);
  await Promise.allSettled(
    slots.map(async (slot) => {
      const engine = slot[key];
      slot[key] = null as S[K];
      if (engine !== null && engine !== undefined) await end(engine);
    }),
  );
}
