import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Route } from 'playwright-core';

/** Layui's built files from node_modules, so the local pages run the real widgets offline. */
const LAYUI = join(dirname(createRequire(import.meta.url).resolve('layui/package.json')), 'dist');

/** Answers a request for `/layui/<file>` with that file of Layui's. */
export async function fulfilLayui(route: Route, path: string): Promise<void> {
  const file = join(LAYUI, path.slice('/layui/'.length));
  const type = file.endsWith('.css')
    ? 'text/css'
    : file.endsWith('.js')
      ? 'application/javascript'
      : undefined;
  return route.fulfill({ body: await readFile(file), ...(type ? { contentType: type } : {}) });
}
