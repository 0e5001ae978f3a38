import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import express, { type Router } from 'express';

const ASSETS = join(import.meta.dirname, 'assets');

/** The kit's stylesheet and its widget scripts (assets/widgets/*.js in name order, as one file). */
function loadAssets(): { css: string; js: string } {
  const widgets = join(ASSETS, 'widgets');
  const js = readdirSync(widgets)
    .filter((name) => name.endsWith('.js'))
    .sort()
    .map((name) => `// ${name}\n${readFileSync(join(widgets, name), 'utf8')}`)
    .join('\n');
  return { css: readFileSync(join(ASSETS, 'kit.css'), 'utf8'), js };
}

let cached: { css: string; js: string } | undefined;

/** GET /static/kit.css and /static/kit.js (read once per process). */
export function assetsRouter(): Router {
  cached ??= loadAssets();
  const { css, js } = cached;
  const router = express.Router();
  router.get('/static/kit.css', (_req, res) => {
    res.type('text/css').set('Cache-Control', 'max-age=300').send(css);
  });
  router.get('/static/kit.js', (_req, res) => {
    res.type('application/javascript').set('Cache-Control', 'max-age=300').send(js);
  });
  return router;
}

/** A folder of an installed npm package, for serving its files as npm ships them: `packageFolder('vue', 'dist')`. */
export function packageFolder(name: string, sub = ''): string {
  return join(dirname(createRequire(import.meta.url).resolve(`${name}/package.json`)), sub);
}

/**
 * A portal's own files and the libraries its pages load: each file of `files` (in the portal's `assets`
 * folder, read once at start) at /static/<file>, and each library folder under its path, unchanged.
 */
function serveFiles(
  router: Router,
  assets: string,
  files: readonly string[],
  libraries: Readonly<Record<string, string>> = {},
): void {
  for (const [path, folder] of Object.entries(libraries)) {
    router.use(path, express.static(folder, { maxAge: '1h', index: false }));
  }
  const served = new Map(
    files.map((name) => [
      `/static/${name}`,
      {
        type: name.endsWith('.css') ? 'text/css' : 'application/javascript',
        text: readFileSync(join(assets, name), 'utf8'),
      },
    ]),
  );
  router.get([...served.keys()], (req, res) => {
    const file = served.get(req.path);
    if (file) res.type(file.type).send(file.text);
  });
}

/**
 * What a portal serves besides its pages: every file of its own folder `sandbox/<id>/assets` (read once at
 * start) at /static/<file>, so a portal never lists them twice, and the library folders it names.
 */
export function servePortalFiles(
  router: Router,
  id: string,
  libraries: Readonly<Record<string, string>> = {},
): void {
  const assets = join(import.meta.dirname, '..', id, 'assets');
  const files = existsSync(assets)
    ? readdirSync(assets, { withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => entry.name)
    : [];
  serveFiles(router, assets, files, libraries);
}
