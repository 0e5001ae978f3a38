import type { Command } from 'commander';
import { loadCase } from '../../forms/cases/load.ts';
import { computeStats, type FormStats } from '../../forms/stats/stats.ts';

function actionParts({ applicantActionsByKind: a }: FormStats): string {
  return a
    ? `（录入 ${a.typed}、选择 ${a.choices}、勾选 ${a.ticks}、上传 ${a.uploads}、核对识别结果 ${a.ocrConfirmations}、回复机器人 ${a.botAnswers}）`
    : '';
}

function formatStats(stats: FormStats): string {
  const lines = [
    `事项包：${stats.bundle}（${stats.items.length} 个事项，${stats.waves.length} 批：${stats.waves.map((w) => w.join('、')).join(' → ')}）`,
    `原始表单字段：${stats.rawSlots}`,
    `合并后数据元：${stats.uniqueElements}`,
  ];
  if (stats.case !== null) {
    lines.push(
      `案例：${stats.case}`,
      `申请人需填写：${stats.applicantTyped}（其中尚未填写 ${stats.stillToType}）`,
      `申请人操作：${stats.applicantActions}${actionParts(stats)}`,
      `默认值待申请人确认：${stats.defaultsToAccept}`,
      `OCR 预填：${stats.prefilledByOcr}`,
      `自动推导：${stats.derived}`,
      `默认值：${stats.defaulted}`,
      `由前序事项产生：${stats.producedByItems}`,
      `已上传材料：${stats.uploads}，缺少材料：${stats.missingMaterials}`,
    );
  }
  lines.push(`办理时由机器人选择或请人提供：${stats.resolvedAtRunTime}`);
  if (stats.conflicts > 0) lines.push(`约束冲突：${stats.conflicts}`);
  return lines.join('\n');
}

export function registerForms(program: Command): void {
  const forms = program.command('forms').description('合并表单工具');
  forms
    .command('stats <bundle>')
    .description('统计一个事项包的原始表单字段数、合并后的数据元数，以及申请人需要填写的数量')
    .option(
      '--case <file>',
      '描述申请人情况的案例文件，或内置案例：reference（开办企业）、restaurant（开餐饮店）',
    )
    .option('--json', '以 JSON 输出')
    .action(async (bundle: string, options: { case?: string; json?: boolean }) => {
      try {
        const formCase = options.case ? await loadCase(options.case) : undefined;
        const stats = computeStats(bundle, formCase);
        process.stdout.write(
          options.json ? `${JSON.stringify(stats, null, 2)}\n` : `${formatStats(stats)}\n`,
        );
      } catch (error) {
        process.stderr.write(
          `yijian forms stats：${error instanceof Error ? error.message : String(error)}\n`,
        );
        process.exit(1);
      }
    });
}
