import type { Command } from 'commander';
import { createOcrService } from '../../ocr/index.ts';
import { runOcrBenchmark } from '../../ocr/synth/benchmark.ts';
import { ConfigError, loadConfig } from '../config.ts';

const positive = (name: string) => (value: string) => {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0) throw new Error(`${name} 必须是非负整数`);
  return number;
};

export function registerBenchOcr(bench: Command): void {
  bench
    .command('ocr')
    .description('在生成的证照样本上测量 OCR 准确率和速度（清晰与手机拍摄两种条件）')
    .option('--json', '以 JSON 输出')
    .option('--id-cards <n>', '每种条件的身份证数量', positive('--id-cards'), 40)
    .option('--licences <n>', '每种条件的营业执照数量', positive('--licences'), 20)
    .option('--emblem-sides <n>', '国徽面数量（检测是否识别为国徽面）', positive('--emblem-sides'), 5)
    .option('--seed <n>', '样本的随机种子', positive('--seed'), 1)
    .action(
      async (options: {
        json?: boolean;
        idCards: number;
        licences: number;
        emblemSides: number;
        seed: number;
      }) => {
        let config: ReturnType<typeof loadConfig>;
        try {
          config = loadConfig();
        } catch (error) {
          if (!(error instanceof ConfigError)) throw error;
          process.stderr.write(`${error.message}\n`);
          process.exit(2);
        }
        const workers = config.OCR_WORKERS;
        const service = await createOcrService({ workers });
        try {
          const report = await runOcrBenchmark({
            service,
            workers,
            idCards: options.idCards,
            licences: options.licences,
            emblemSides: options.emblemSides,
            seed: options.seed,
            progress: (message) => process.stderr.write(`${message}\n`),
          });
          if (options.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
          else {
            for (const type of ['idCard', 'businessLicence'] as const) {
              for (const condition of ['clean', 'phone'] as const) {
                const r = report[type][condition];
                process.stdout.write(
                  `${type} ${condition}: 字段准确 ${(r.exact * 100).toFixed(1)}%，确定但错误 ${(r.confidentWrong * 100).toFixed(2)}%，` +
                    `中位 ${r.medianMs} ms，p95 ${r.p95Ms} ms（${r.documents} 张）\n`,
                );
              }
            }
          }
        } finally {
          await service.close();
        }
      },
    );
}
