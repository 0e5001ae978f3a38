import { PortalUnavailableError, ValueRejectedError } from '../errors/index.ts';
import { findOne, locatorOf, type Scope, waitFor } from './locate.ts';
import { readRejections } from './navigate.ts';
import type { Run } from './run.ts';
import type { BoundField, PortalDeclaration } from './types.ts';

/**
 * 检查/校验: press it and wait for its verdict in the status line — passed, refused, or busy. A refusal
 * names the fields the portal marked (for the clerk); when every one of them is a value the bot picked
 * itself from what was free (the earliest appointment slot), somebody else took it meanwhile: that is "not
 * now", and the step is done again, picking afresh. A check that never answers counts as a busy portal.
 */
export async function runCheck(
  run: Run,
  declaration: PortalDeclaration,
  scope: Scope,
  bound: readonly BoundField[],
): Promise<void> {
  const check = declaration.submit.check;
  if (!check) return;
  await (await findOne(run.page, check.button, run.settings.findTimeoutMs, '检查按钮')).click();
  const passed = locatorOf(run.page, { text: check.passed }).first();
  const status = () => run.page.getByRole('status').allInnerTexts();
  const verdict = await waitFor(async () => {
    if (await passed.isVisible()) return 'passed';
    const message = (await status()).join('；');
    if (run.trouble().length > 0 || run.saysNotNow(message)) return 'busy';
    return /未通过|有误|错误/.test(message) ? 'refused' : undefined;
  }, run.settings.navigationTimeoutMs);
  if (verdict === 'passed') return;
  const message = (await status()).join('；').trim() || '提交前检查未通过';
  if (verdict !== 'refused') throw new PortalUnavailableError(`门户暂不可用：${message}`);
  const fields = await readRejections(run, scope, bound);
  const repicks = (fieldId: string) => {
    const entry = bound.find((candidate) => candidate.fieldId === fieldId);
    return entry?.binding.widget.repicks?.(entry.value) ?? false;
  };
  if (fields.length > 0 && fields.every((field) => repicks(field.fieldId))) {
    const messages = fields.map((field) => field.message).join('；');
    throw new PortalUnavailableError(`自动选择的项目已被占用（${messages}），重新选择`);
  }
  throw new ValueRejectedError(message, fields.length > 0 ? fields : [{ fieldId: 'form', message }]);
}
