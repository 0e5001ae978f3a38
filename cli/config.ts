import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { z } from 'zod';
import { LOG_LEVELS } from '../lib/logger.ts';
import { queueTuningOverridesSchema } from '../queue/queue-options.ts';
import { DEFAULT_PDF_FONT, type PdfFont } from '../server/documents/pdf.ts';

/**
 * Every environment variable yijian reads, in one schema, read once by the entry point.
 * Each part of the program receives the slice it needs as plain options, never `process.env`.
 */
const port = (fallback: number, min = 1) => {
  const message = `必须是端口号（${min}–65535 的整数）`;
  return z.coerce
    .number({ error: message })
    .int(message)
    .min(min, message)
    .max(65535, message)
    .default(fallback);
};

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('zh-CN', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const emptyAsUndefined = (value: unknown) => (value === '' ? undefined : value);

const PROXY_NAMES = ['loopback', 'linklocal', 'uniquelocal'] as const;
const proxyEntry = z.union([z.enum(PROXY_NAMES), z.ipv4(), z.ipv6(), z.cidrv4(), z.cidrv6()]);
const TRUST_PROXY_MESSAGE = `必须是代理跳数（整数），或逗号分隔的代理地址、网段、${PROXY_NAMES.join(' / ')}`;

/**
 * TRUST_PROXY: which proxy may name the client in X-Forwarded-For. Unset: none (the socket's address is the
 * client). A hop count, or a comma-separated list of addresses, subnets and Express's names for them.
 * `true` (trust anyone) is refused: every client could then choose the address it is rate-limited by.
 */
const trustProxy = z.preprocess(
  (value) => {
    if (value === undefined || value === '' || value === 'false') return false;
    if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
    if (typeof value === 'string') return value.split(',').map((entry) => entry.trim());
    return value;
  },
  z.union(
    [
      z.literal(false),
      z.number().int().min(1, TRUST_PROXY_MESSAGE).max(10, TRUST_PROXY_MESSAGE),
      z.array(proxyEntry, { error: TRUST_PROXY_MESSAGE }).min(1, TRUST_PROXY_MESSAGE),
    ],
    { error: TRUST_PROXY_MESSAGE },
  ),
);

/** A yes/no variable: true/1/yes or false/0/no (unset: no). */
const flag = z.preprocess(
  (value) => (value === undefined || value === '' ? 'false' : String(value).toLowerCase()),
  z
    .enum(['true', '1', 'yes', 'false', '0', 'no'], { error: '必须是 true 或 false' })
    .transform((value) => value === 'true' || value === '1' || value === 'yes'),
);

export const configSchema = z.object({
  PORT: port(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  REDIS_URL: z.preprocess(
    emptyAsUndefined,
    z.url({ protocol: /^rediss?$/, error: '必须是 redis:// 或 rediss:// 开头的地址' }).optional(),
  ),
  DATABASE_URL: z.preprocess(
    emptyAsUndefined,
    z
      .url({ protocol: /^postgres(ql)?$/, error: '必须是 postgres:// 或 postgresql:// 开头的地址' })
      .optional(),
  ),
  CHROMIUM_PATH: z.preprocess(emptyAsUndefined, z.string().optional()),
  YIJIAN_SECRET: z.preprocess(
    emptyAsUndefined,
    z.string().min(32, '至少 32 个字符（用于会话签名和加密门户账号密码）').optional(),
  ),
  LOG_LEVEL: z.enum(LOG_LEVELS, { error: `必须是 ${LOG_LEVELS.join(' / ')} 之一` }).default('info'),
  /** The centre's clock: every time on every page and on the queue board is shown in this IANA zone. */
  TIME_ZONE: z
    .string()
    .refine(isTimeZone, { error: '必须是 IANA 时区名，如 Asia/Shanghai' })
    .default('Asia/Shanghai'),
  /** Where new alerts are posted as JSON { text, alert } (see server/alerts.ts); none by default. */
  ALERT_WEBHOOK_URL: z.preprocess(
    emptyAsUndefined,
    z.url({ protocol: /^https?$/, error: '必须是 http:// 或 https:// 开头的地址' }).optional(),
  ),
  /**
   * The centre's SMS gateway: the registration code is POSTed there as JSON { phone, text }. Unset: in demo mode
   * the registration page shows the message itself; otherwise applicants cannot register online (the log says so).
   */
  SMS_WEBHOOK_URL: z.preprocess(
    emptyAsUndefined,
    z.url({ protocol: /^https?$/, error: '必须是 http:// 或 https:// 开头的地址' }).optional(),
  ),
  /** The CJK font of the PDF documents (行业综合许可证, 办结通知书): a TTF/OTF/TTC file (`yijian doctor` checks it). */
  PDF_FONT: z.string().min(1).default(DEFAULT_PDF_FONT.path),
  /** For a TTC collection, the member to use; empty for a single-font file. */
  PDF_FONT_FAMILY: z.string().default(DEFAULT_PDF_FONT.family ?? ''),
  /** The address people reach the web server at, printed in the licence's QR code (default: as requested). */
  PUBLIC_URL: z.preprocess(
    emptyAsUndefined,
    z
      .url({ protocol: /^https?$/, error: '必须是 http:// 或 https:// 开头的地址' })
      .transform((url) => url.replace(/\/+$/, ''))
      .optional(),
  ),
  /** First port of the sandbox portals; each department takes the next one. 0: any free ports (tests). */
  PORTALS_PORT: port(4100, 0),
  TRUST_PROXY: trustProxy,
  /** Demo mode: `start` creates the demo centre, one account per role and the sandbox portals' logins. */
  DEMO: flag,
  /**
   * OCR reader processes of the web server (each ≈ 320 MB warm, ≈ 500 MB once reading, and each model run uses the cores
   * shared out among them); defaults to one per two cores.
   */
  OCR_WORKERS: z.coerce
    .number({ error: '必须是正整数' })
    .int('必须是正整数')
    .min(1, '必须是正整数')
    .max(16, '不能超过 16')
    .default(Math.max(1, Math.floor(availableParallelism() / 2))),
  /** Queue timings as JSON, e.g. {"lockDurationMs":10000}; see queue/queue-options.ts for every key. */
  QUEUE_TUNING: z.preprocess((value) => {
    if (value === undefined || value === '') return {};
    try {
      return JSON.parse(String(value));
    } catch {
      return value;
    }
  }, queueTuningOverridesSchema.default({})),
});

export type RawConfig = z.infer<typeof configSchema>;
export type Config = Omit<RawConfig, 'DATA_DIR'> & { DATA_DIR: string };

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  readonly code = 'CONFIG_INVALID';
  constructor(readonly problems: { variable: string; message: string }[]) {
    super(`配置错误：\n${problems.map((p) => `  ${p.variable}: ${p.message}`).join('\n')}`);
  }
}

/** Reads and checks the environment; throws a ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const known = Object.fromEntries(Object.keys(configSchema.shape).map((key) => [key, env[key]]));
  const parsed = configSchema.safeParse(known);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const variable = String(issue.path[0] ?? '?');
        const given = env[variable];
        // Never echo a secret or a connection string back (it may hold a password).
        const shown = given === undefined || /SECRET|URL/.test(variable) ? '' : `（当前值 "${given}"）`;
        const where = issue.path.slice(1).join('.');
        return { variable, message: `${where ? `${where}：` : ''}${issue.message}${shown}` };
      }),
    );
  }
  return { ...parsed.data, DATA_DIR: resolve(cwd, parsed.data.DATA_DIR) };
}

/** The PDF font as the server takes it: a TTC member only when one is named. */
export function pdfFontOf(config: Pick<Config, 'PDF_FONT' | 'PDF_FONT_FAMILY'>): PdfFont {
  return { path: config.PDF_FONT, ...(config.PDF_FONT_FAMILY ? { family: config.PDF_FONT_FAMILY } : {}) };
}

/** loadConfig for a command: a bad variable is reported on stderr, naming it, and the process exits 2. */
export function loadConfigOrExit(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
}
