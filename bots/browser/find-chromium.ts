import { existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

/** Debian's packages: the headless shell (2.3× less CPU per run) first, then the full browser. */
export const SYSTEM_CHROMIUM_CANDIDATES = [
  '/usr/lib/chromium/chromium-headless-shell',
  '/usr/lib/chromium/chromium',
] as const;

export interface ChromiumChoice {
  path: string;
  source: 'CHROMIUM_PATH' | 'playwright' | 'system';
}

export class ChromiumNotFoundError extends Error {
  override readonly name = 'ChromiumNotFoundError';
  readonly code = 'CHROMIUM_NOT_FOUND';
}

function playwrightBrowsersDir(): string {
  const configured = process.env.PLAYWRIGHT_BROWSERS_PATH;
  return configured && configured !== '0' ? configured : join(homedir(), '.cache', 'ms-playwright');
}

/** Playwright's own downloads (`npx playwright install`), headless shell preferred, newest first. */
function playwrightCandidates(): string[] {
  const dir = playwrightBrowsersDir();
  const found: string[] = [];
  if (existsSync(dir)) {
    const entries = readdirSync(dir).sort().reverse();
    for (const entry of entries.filter((e) => e.startsWith('chromium_headless_shell-'))) {
      found.push(join(dir, entry, 'chrome-headless-shell-linux64', 'chrome-headless-shell'));
      found.push(join(dir, entry, 'chrome-linux', 'headless_shell'));
    }
  }
  try {
    found.push(chromium.executablePath());
  } catch {
    // playwright-core throws when it has no build for this platform; the system browser remains.
  }
  return found;
}

/**
 * Which Chromium to launch: CHROMIUM_PATH when set (and then only that, so a typo is reported rather than
 * silently replaced), else Playwright's own download when present, else Debian's.
 */
export function findChromium(configuredPath?: string): ChromiumChoice {
  if (configuredPath) {
    if (existsSync(configuredPath)) return { path: configuredPath, source: 'CHROMIUM_PATH' };
    throw new ChromiumNotFoundError(
      `CHROMIUM_PATH 指向的文件不存在：${configuredPath}。请改为实际的浏览器程序（例如 ${SYSTEM_CHROMIUM_CANDIDATES[0]}，` +
        '注意不是 /usr/bin 下的包装脚本），或删除 CHROMIUM_PATH 让系统自动查找。',
    );
  }
  const fromPlaywright = playwrightCandidates().find((path) => existsSync(path));
  if (fromPlaywright) return { path: fromPlaywright, source: 'playwright' };
  const system = SYSTEM_CHROMIUM_CANDIDATES.find((path) => existsSync(path));
  if (system) return { path: system, source: 'system' };
  throw new ChromiumNotFoundError(
    '找不到 Chromium。请运行 npm run setup，或手动安装：sudo apt-get install -y --no-install-recommends ' +
      'chromium-headless-shell fonts-noto-cjk；也可以设置 CHROMIUM_PATH 指向浏览器程序。',
  );
}
