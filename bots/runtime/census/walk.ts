import type { Frame, FrameLocator } from 'playwright-core';
import { coerceBotError, PortalChangedError } from '../../errors/index.ts';
import type { ItemRunIo, ItemRunRequest } from '../../item-runner.ts';
import type { BrowserPool } from '../browser-pool.ts';
import { familyFor } from '../families/index.ts';
import { fillStep } from '../fill.ts';
import { findOne, locatorOf } from '../locate.ts';
import { goto, leavePage } from '../navigate.ts';
import type { CaptchaReader, RunnerSettings } from '../options.ts';
import { Run } from '../run.ts';
import type { PortalDeclaration, StepDeclaration } from '../types.ts';
import { censusOf } from './census.ts';
import { compareStep } from './compare.ts';
import type { DriftFinding, PortalCheck } from './findings.ts';
import type { PageCensus } from './types.ts';

export interface CheckDeps {
  pool: BrowserPool;
  settings: RunnerSettings;
  readCaptcha?: CaptchaReader | undefined;
  /** Told each declared step's census as it is taken (drafting declarations is measured on them). */
  onCensus?: (step: StepDeclaration, census: PageCensus) => void;
}

/** A run's io for a check: no evidence is kept, no person is asked, and the final submit is never reached. */
export const quietIo = (signal: AbortSignal): ItemRunIo => ({
  signal,
  tracePath: '',
  step: async () => {},
  async beforeFinalSubmit() {
    throw new Error('a drift check never submits');
  },
  async askPerson() {
    throw new PortalChangedError('检查时不向申请人索取验证码');
  },
});

/** The step's form: the page, or the frame it sits in (as a Frame for the census, a FrameLocator for locators). */
async function formOf(
  run: Run,
  step: StepDeclaration,
): Promise<{ frame: Frame | undefined; scope: FrameLocator | undefined }> {
  if (!step.frame) return { frame: undefined, scope: undefined };
  const holder = await findOne(run.page, step.frame, run.settings.findTimeoutMs, '内嵌表单');
  const frame = await (await holder.elementHandle())?.contentFrame();
  return { frame: frame ?? undefined, scope: holder.contentFrame() };
}

const message = (error: unknown) => coerceBotError(error).message;

/**
 * Walks a portal's declared steps with a canary application, as a filing would, up to the last page: logs
 * in with the declaration's login, counts each page (census) and compares it with its step, fills what it
 * must to reach the next page, and stops before the final click. A page that is not the declared one is
 * told apart as a step removed (a later step's page shows) or a step added (an unknown page).
 */
export async function checkPortal(
  deps: CheckDeps,
  declaration: PortalDeclaration,
  request: ItemRunRequest,
): Promise<PortalCheck> {
  const findings: DriftFinding[] = [];
  const stepsChecked: string[] = [];
  const result = (): PortalCheck => ({
    portalId: declaration.portalId,
    version: declaration.version,
    checkedAt: new Date().toISOString(),
    stepsChecked,
    findings,
  });
  const lease = await deps.pool.acquire();
  const controller = new AbortController();
  try {
    lease.context.setDefaultTimeout(deps.settings.actionTimeoutMs);
    const page = await lease.context.newPage();
    const io = quietIo(controller.signal);
    const run = new Run(page, request, io, deps.settings, deps.readCaptcha, false, undefined, declaration);
    try {
      await declaration.login(run);
      await goto(run, declaration.entry);
    } catch (error) {
      findings.push({
        severity: 'will-fail',
        kind: 'login-failed',
        step: '登录',
        message: `登录或打开申请失败：${message(error)}`,
      });
      return result();
    }
    const family = familyFor(declaration.ui);
    for (let i = 0; i < declaration.steps.length; i += 1) {
      const step = declaration.steps[i] as StepDeclaration;
      const arrived = await findOne(page, step.ready, deps.settings.findTimeoutMs).then(
        () => true,
        () => false,
      );
      if (!arrived) {
        const later = await laterStepShown(run, declaration.steps.slice(i + 1));
        if (later < 0) {
          const census = await censusOf(page).catch(() => undefined);
          const seen = census?.headings.slice(0, 3).join('、') || page.url();
          findings.push({
            severity: 'will-fail',
            kind: 'step-added',
            step: step.name,
            message: `应为“${step.name}”的位置出现了未声明的页面（${seen}），门户可能新增了步骤`,
          });
          return result();
        }
        for (const gone of declaration.steps.slice(i, i + 1 + later)) {
          findings.push({
            severity: 'will-fail',
            kind: 'step-missing',
            step: gone.name,
            message: `“${gone.name}”这一步已不存在，门户可能删除或合并了该步骤`,
          });
        }
        i += later + 1;
        if (i >= declaration.steps.length) break;
      }
      const current = declaration.steps[i] as StepDeclaration;
      const { frame, scope } = await formOf(run, current);
      const census = await censusOf(frame ?? page);
      deps.onCensus?.(current, census);
      findings.push(...(await compareStep(scope ?? page, current, census, family, run.values)));
      stepsChecked.push(current.name);
      const next = declaration.steps[i + 1];
      // The last page is filled by nobody: the check stops before the final click.
      if (!next || !current.next) break;
      try {
        const bound = await fillStep(run, scope ?? page, current, family);
        await leavePage(run, scope ?? page, current.next, next.ready, bound, {
          pageErrorField: current.pageErrorField,
          navigates: current.navigates,
        });
      } catch (error) {
        const failure = coerceBotError(error);
        // Not the expected next page: the next round tells a removed step from an added one.
        if (failure instanceof PortalChangedError && /没有出现预期的页面/.test(failure.message)) continue;
        findings.push({
          severity: 'will-fail',
          kind: 'step-blocked',
          step: current.name,
          message: `参考案例无法通过“${current.name}”：${failure.message}；后续步骤未检查`,
        });
        return result();
      }
    }
    return result();
  } finally {
    controller.abort();
    await lease.release();
  }
}

/** Which of these later steps' page is shown now (its index among them), or -1. */
async function laterStepShown(run: Run, later: readonly StepDeclaration[]): Promise<number> {
  for (const [j, step] of later.entries()) {
    if ((await locatorOf(run.page, step.ready).count()) > 0) return j;
  }
  return -1;
}
