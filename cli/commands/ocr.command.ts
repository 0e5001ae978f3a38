import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { createLogger } from '../../lib/logger.ts';
import { createOcrService, type OcrResult, type RequestedType } from '../../ocr/index.ts';
import { loadConfigOrExit } from '../config.ts';

const TYPES: Record<string, RequestedType> = { 'id-card': 'idCard', 'business-licence': 'businessLicence' };
const STATUS = {
  confident: '✔ 确定',
  'needs-confirmation': '! 请核对',
  unreadable: '✘ 无法识别',
  absent: '— 此版式不印',
} as const;

export function registerOcr(program: Command): void {
  program
    .command('ocr <file>')
    .description('识别身份证或营业执照照片，输出各字段的值、置信度和状态')
    .option('--type <type>', 'id-card 或 business-licence（默认自动判断）')
    .option('--json', '以 JSON 输出')
    .action(async (file: string, options: { type?: string; json?: boolean }) => {
      const config = loadConfigOrExit();
      if (options.type && !TYPES[options.type]) {
        process.stderr.write(`--type 必须是 id-card 或 business-licence（当前为 "${options.type}"）\n`);
        process.exit(2);
      }
      let image: Buffer;
      try {
        image = await readFile(file);
      } catch {
        process.stderr.write(`无法读取文件：${file}\n`);
        process.exit(1);
      }
      const logger = createLogger({ level: config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL });
      // One document: two workers let its fields be read in parallel; more would only cost start-up time.
      const service = await createOcrService({ workers: Math.min(2, config.OCR_WORKERS), logger });
      try {
        const type = options.type ? TYPES[options.type] : undefined;
        const result = await service.recognise(image, type ? { type } : {});
        process.stdout.write(options.json ? `${JSON.stringify(result, null, 2)}\n` : format(result));
      } catch (error) {
        const code = (error as { code?: string }).code;
        process.stderr.write(
          `${error instanceof Error ? error.message : String(error)}${code ? `（${code}）` : ''}\n`,
        );
        process.exitCode = 1;
      } finally {
        await service.close();
      }
    });
}

function format(result: OcrResult): string {
  const kind = { idCardFront: '身份证人像面', idCardBack: '身份证国徽面', businessLicence: '营业执照' }[
    result.documentType
  ];
  const lines = [`证件：${kind}（${result.elapsedMs} ms）`];
  for (const field of Object.values(result.fields)) {
    const value = field.value ?? '—';
    const notes = field.notes.length ? `  ${field.notes.join('；')}` : '';
    lines.push(`${STATUS[field.status]}  ${field.label}：${value}（${field.confidence.toFixed(2)}）${notes}`);
  }
  for (const warning of result.warnings) lines.push(`提示：${warning}`);
  return `${lines.join('\n')}\n`;
}
