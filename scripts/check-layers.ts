/**
 * The import direction from docs/architecture.md ("Layers"), checked on every lint: each top-level folder may
 * import only the folders listed for it. `lib/` holds leaf utilities (logging, redaction, shutdown) that any layer may use
 * and that import nothing of the project. Cycles are caught separately by Biome's noImportCycles.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');

const ALLOWED: Record<string, readonly string[]> = {
  lib: [],
  forms: ['lib'],
  // OCR repairs what it reads with the national code tables and check characters (pure data and arithmetic).
  ocr: ['forms/codes', 'lib'],
  store: ['lib'],
  bots: ['forms', 'lib'],
  queue: ['bots', 'forms', 'store', 'lib'],
  server: ['queue', 'forms', 'ocr', 'store', 'lib'],
  // The sandbox systems stand for foreign systems: they share only the national code tables.
  sandbox: ['forms/codes', 'lib'],
  cli: ['*'],
  scripts: ['*'],
  test: ['*'],
  bin: ['*'],
};

/**
 * The sandbox stands for foreign systems: nothing of yijian may reach into it, whatever ALLOWED says, except
 * the CLI that starts it and the tests that drive it. Otherwise a bot could pass against the sandbox by
 * knowing its internals and fail against the real department.
 */
const SANDBOX_IMPORTERS: readonly string[] = ['sandbox', 'cli', 'test'];

const IMPORT =
  /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]/g;

function* sourceFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir)) {
    if (entry === 'node_modules' || entry.startsWith('.') || entry === 'data') continue;
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) yield* sourceFiles(path);
    else if (/\.(ts|mts|mjs|js)$/.test(entry)) yield path;
  }
}

const problems: string[] = [];
for (const layer of Object.keys(ALLOWED)) {
  const dir = join(ROOT, layer);
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) continue;
  for (const file of sourceFiles(dir)) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(IMPORT)) {
      const specifier = match[1] ?? match[2] ?? match[3] ?? '';
      if (!specifier.startsWith('.')) continue;
      const target = relative(ROOT, resolve(dirname(file), specifier));
      const where = relative(ROOT, file);
      if (target.startsWith('..')) {
        problems.push(
          `${where}: imports ${specifier}, outside the project (../shared is for developers only)`,
        );
        continue;
      }
      const targetLayer = target.split(sep)[0] ?? '';
      if (targetLayer === 'sandbox' && !SANDBOX_IMPORTERS.includes(layer)) {
        problems.push(`${where}: only ${SANDBOX_IMPORTERS.join(', ')} may import sandbox/ (${target})`);
        continue;
      }
      if (targetLayer === layer) continue;
      const allowed = ALLOWED[layer] ?? [];
      const ok = allowed.some(
        (a) => a === '*' || a === targetLayer || target.startsWith(`${a}${sep}`) || target === a,
      );
      if (!ok)
        problems.push(
          `${where}: ${layer}/ may not import ${target} (allowed: ${allowed.join(', ') || 'nothing'})`,
        );
    }
  }
}

if (problems.length > 0) {
  process.stderr.write(
    `Import direction violated (see docs/architecture.md, "Layers"):\n${problems.map((p) => `  ${p}`).join('\n')}\n`,
  );
  process.exit(1);
}
process.stdout.write('import direction: ok\n');
