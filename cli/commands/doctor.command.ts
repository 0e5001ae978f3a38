import type { Command } from 'commander';
import { ConfigError, loadConfig } from '../config.ts';
import { type CheckResult, runAllChecks } from '../doctor/checks.ts';

const MARK = { ok: '✔', warn: '!', fail: '✘' } as const;

export function formatCheck(result: CheckResult): string {
  const line = `${MARK[result.status]} ${result.name}：${result.detail}`;
  return result.fix ? `${line}\n    修复：${result.fix}` : line;
}

export function registerDoctor(program: Command): void {
  program
    .command('doctor')
    .description('检查运行环境：Node.js、Chromium、中文字体、Redis、数据库与迁移、OCR 语言数据、数据目录权限')
    .option('--json', '以 JSON 输出')
    .action(async (options: { json?: boolean }) => {
      let config: ReturnType<typeof loadConfig>;
      try {
        config = loadConfig();
      } catch (error) {
        if (!(error instanceof ConfigError)) throw error;
        process.stdout.write(`${MARK.fail} 配置：${error.message}\n`);
        process.exit(1);
      }
      const results = await runAllChecks(config);
      if (options.json) process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
      else process.stdout.write(`${results.map(formatCheck).join('\n')}\n`);
      process.exit(results.some((r) => r.status === 'fail') ? 1 : 0);
    });
}
