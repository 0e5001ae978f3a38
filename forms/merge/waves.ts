/**
 * Items as a dependency graph: an item needs another when its form (directly or through a derivation) uses
 * a value the other produces. Waves are the layers of that graph: every item of a wave needs only items of
 * earlier waves, so a wave's items can run in parallel.
 */
export function dependencyWaves(
  items: readonly string[],
  needs: ReadonlyMap<string, ReadonlySet<string>>,
): string[][] {
  const waves: string[][] = [];
  const done = new Set<string>();
  let left = [...items];
  while (left.length > 0) {
    const ready = left.filter((item) => [...(needs.get(item) ?? [])].every((n) => done.has(n)));
    if (ready.length === 0) throw new Error(`items depend on each other in a cycle: ${left.join(', ')}`);
    waves.push(ready);
    for (const item of ready) done.add(item);
    left = left.filter((item) => !done.has(item));
  }
  return waves;
}
