import type { Command } from 'commander';
import { createOcrService } from '../../ocr/index.ts';
import { runOcrBenchmark } from '../../ocr/synth/benchmark.ts';
import { loadConfigOrExit } from '../config.ts';
import { runRealOcrBenchmark } from './support/ocr-real-benchmark.ts';
import { loadRealSamples } from './support/ocr-real-truth.ts';
import { withQuick } from './support/options.ts';

/** A smoke run: a couple of documents of each kind and condition. */
const QUICK = { idCards: 1, licences: 1, emblemSides: 1 };

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
    .option('--quick', '冒烟运行：每种条件 1 张身份证、1 张营业执照，1 张国徽面（只验证基准可用且输出自洽）')
    .option('--id-cards <n>', '每种条件的身份证数量', positive('--id-cards'), 40)
    .option('--licences <n>', '每种条件的营业执照数量', positive('--licences'), 20)
    .option('--emblem-sides <n>', '国徽面数量（检测是否识别为国徽面）', positive('--emblem-sides'), 5)
    .option('--seed <n>', '样本的随机种子', positive('--seed'), 1)
    .option('--real <dir>', '改为测量真实照片：目录中每张 NAME.jpg 旁有 NAME.json 标注（见 docs/ocr.md）')
    .option('--truth <dir>', '与 --real 一起使用：标注文件所在目录（默认与图片同目录）')
    .action(
      async (
        given: {
          json?: boolean;
          quick?: boolean;
          idCards: number;
          licences: number;
          emblemSides: number;
          seed: number;
          real?: string;
          truth?: string;
        },
        command: Command,
      ) => {
        const options = withQuick(command, given, QUICK) as typeof given;
        const config = loadConfigOrExit();
        const workers = config.OCR_WORKERS;
        if (options.real) {
          await benchReal(options.real, options.truth, workers, options.json === true);
          return;
        }
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
          const output = options.quick ? { ...report, quick: true } : report;
          if (options.json) process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
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

async function benchReal(
  dir: string,
  truthDir: string | undefined,
  workers: number,
  json: boolean,
): Promise<void> {
  let loaded: ReturnType<typeof loadRealSamples>;
  try {
    loaded = loadRealSamples(dir, truthDir);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  }
  if (loaded.missing.length > 0) process.stderr.write(`没有标注、未计入：${loaded.missing.join('，')}\n`);
  if (loaded.samples.length === 0) {
    process.stderr.write(`${dir} 中没有带标注的图片\n`);
    process.exit(2);
  }
  const service = await createOcrService({ workers });
  try {
    const report = await runRealOcrBenchmark({
      service,
      samples: loaded.samples,
      progress: (message) => process.stderr.write(`${message}\n`),
    });
    if (json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    else {
      for (const [kind, r] of Object.entries(report.kinds)) {
        process.stdout.write(
          `${kind}: 字段准确 ${(r.fields.exactRate * 100).toFixed(1)}%（${r.fields.exact}/${r.fields.scored}），` +
            `确定但错误 ${(r.fields.confidentWrongRate * 100).toFixed(2)}%，拒绝 ${r.refused}/${r.documents}，` +
            `中位 ${r.medianMs} ms，p95 ${r.p95Ms} ms\n`,
        );
      }
      process.stdout.write(`峰值内存 ${report.peakRssMb} MB\n`);
    }
  } finally {
    await service.close();
  }
}
