import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
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
