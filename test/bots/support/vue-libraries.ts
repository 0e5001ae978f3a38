import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Route } from 'playwright-core';

const require = createRequire(import.meta.url);
const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));

/** Vue and the Vue component libraries as npm ships them, by the path a local page asks for (serveSite's `libs`). */
export const VUE_LIBRARIES: Record<string, string> = {
  '/vue/': join(packageDir('vue'), 'dist'),
  '/antd/': join(packageDir('ant-design-vue'), 'dist'),
  '/dayjs/': packageDir('dayjs'),
  '/tdesign/': join(packageDir('tdesign-vue-next'), 'dist'),
};

/** The dayjs plugins Ant Design Vue's pickers need, each a `<script>` of `/dayjs/plugin/<name>.js`. */
export const DAYJS_PLUGINS = [
  'customParseFormat',
  'weekday',
  'localeData',
  'weekOfYear',
  'weekYear',
  'advancedFormat',
  'quarterOfYear',
];

/**
 * Answers a request for a library file (`/vue/…`, `/antd/…`, `/dayjs/…`, `/tdesign/…`) from node_modules;
 * false when `path` is none of theirs.
 */
export async function fulfilLibrary(route: Route, path: string): Promise<boolean> {
  const prefix = Object.keys(VUE_LIBRARIES).find((p) => path.startsWith(p));
  if (!prefix) return false;
  const file = join(VUE_LIBRARIES[prefix] ?? '', path.slice(prefix.length));
  const type = file.endsWith('.css') ? 'text/css' : 'application/javascript';
  await route.fulfill({ body: await readFile(file), contentType: type });
  return true;
}
