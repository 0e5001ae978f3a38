import { mkdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { PortalChangedError, PortalUnavailableError } from '../errors/index.ts';
import type { FollowUpResult, ItemRunIo, ItemRunRequest, ItemRunResult } from '../item-runner.ts';
import type { BrowserPool } from './browser-pool.ts';
import { runCheck } from './check.ts';
import { awaitDecision } from './decision.ts';
import { cannotTell, type EarlierLookup, lookupOf, markerText } from './earlier.ts';
import { familyFor } from './families/index.ts';
import { fillStep, readBackWithScreenshot } from './fill.ts';
import { findOne, type Scope } from './locate.ts';
import { formOnKeptSession } from './login.ts';
import { goto, leavePage } from './navigate.ts';
import type { CaptchaReader, RunnerSettings } from './options.ts';
import { type PortalSessions, sessionAccount } from './portal-sessions.ts';
import { findEarlier, type ReadReceipt, readReceipt } from './receipt.ts';
import { stepWithRetries } from './retry.ts';
import { Run } from './run.ts';
import { Secrets } from './secrets.ts';
import { runStep } from './step-runner.ts';
import { writeRedactedTrace } from './trace.ts';
import type { Find, PortalDeclaration } from './types.ts';
import { textControl } from './widgets/common.ts';

export interface ExecuteDeps {
  pool: BrowserPool;
  settings: RunnerSettings;
  readCaptcha: CaptchaReader | undefined;
  /** Logged-in sessions lent from one run to the next; undefined: every run logs in afresh. */
  sessions: PortalSessions | undefined;
}

/** How long an aborted run may take to write its trace before its browser context is closed. */
const TRACE_ON_ABORT_MS = 5_000;
/** A pause that does not keep a shutting-down process alive. */
const unrefSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

/**
 * Opens a context from the pool with a trace running, hands a Run to `body`, and always cleans up. The
 * context starts with a kept session of the account when there is one; `leavesNoDraft` says whether the
 * session may serve the next run (only then is it given back).
 */
async function withRun<T>(
  deps: ExecuteDeps,
  declaration: PortalDeclaration,
  request: ItemRunRequest,
  io: ItemRunIo,
  body: (run: Run) => Promise<T>,
  leavesNoDraft: (result: T) => boolean,
): Promise<T> {
  const account = sessionAccount(request);
  const kept = deps.sessions?.take(account);
  const acquiring = deps.pool.acquire(kept ? { storageState: kept } : undefined);
  const lease = await (io.waitOutside ? io.waitOutside(acquiring) : acquiring);
  let crashed = false;
  const context: BrowserContext = lease.context;
  context.setDefaultTimeout(deps.settings.actionTimeoutMs);
  context.setDefaultNavigationTimeout(deps.settings.navigationTimeoutMs);
  const secrets = Secrets.of(request);
  let traceSaved: Promise<void> | undefined;
  // Playwright writes the trace as recorded into a private temporary folder; only the copy with the run's
  // secrets replaced reaches the evidence folder (and the admins who download it).
  const saveTrace = () => {
    traceSaved ??= (async () => {
      if (io.tracePath) mkdirSync(dirname(io.tracePath), { recursive: true, mode: 0o700 });
      const scratch = await mkdtemp(join(tmpdir(), 'yijian-trace-'));
      try {
        const raw = join(scratch, 'trace.zip');
        if (!io.tracePath) return void (await context.tracing.stop());
        await context.tracing.stop({ path: raw });
        await writeRedactedTrace(raw, io.tracePath, secrets);
      } finally {
        await rm(scratch, { recursive: true, force: true });
      }
    })();
    return traceSaved;
  };
  // A queue that gives up on a run (a hang, shutdown, a lost lock) aborts it. Its pages are closed at once,
  // so nothing more reaches the portal (the queue may already be trying again) and any wait ends; the trace,
  // kept by the context, is saved briefly to show the admin where the run was stuck; then the context goes.
  const abort = () =>
    void (async () => {
      await Promise.all(context.pages().map((page) => page.close().catch(() => {})));
      await Promise.race([saveTrace().catch(() => {}), unrefSleep(TRACE_ON_ABORT_MS)]);
      await context.close().catch(() => {});
    })();
  try {
    if (io.signal.aborted) throw new PortalUnavailableError('运行已被取消（等待浏览器时）');
    io.signal.addEventListener('abort', abort, { once: true });
    // The trace keeps every action with its locator, timing and result. DOM snapshots of every action cost
    // about a quarter of a run's CPU and hold the personal values unmasked, so they are off unless asked
    // for; screencast frames would be unmasked pictures of personal data. The masked step screenshots show
    // what each page looked like.
    await context.tracing.start({ snapshots: deps.settings.traceSnapshots, screenshots: false });
    const page = await context.newPage();
    page.on('crash', () => {
      crashed = true;
    });
    const result = await body(
      new Run(page, request, io, deps.settings, deps.readCaptcha, kept !== undefined, secrets, declaration),
    );
    // The session is kept and the trace written side by side: the next wave waits for this run to end.
    // A trace that cannot be written is not the run's failure (the `finally` below judges the browser).
    const [state] = await Promise.all([
      deps.sessions && leavesNoDraft(result) ? context.storageState() : undefined,
      saveTrace().catch(() => {}),
    ]);
    if (deps.sessions && state) deps.sessions.giveBack(account, state);
    return result;
  } finally {
    io.signal.removeEventListener('abort', abort);
    try {
      await saveTrace();
    } catch {
      crashed = crashed || !context.browser()?.isConnected();
    }
    await lease.release(crashed);
  }
}

function adopted(found: ReadReceipt, run: Run): ItemRunResult {
  return {
    outcome: 'adopted',
    receipt: found.receipt,
    outputs: found.outputs,
    awaitingResult: found.awaitingResult,
    comparison: run.comparison,
  };
}

/**
 * Files one item by its declaration: log in, open a new application, fill and read back every page, look
 * the item up in 办件查询 when this run may follow an earlier one, tell the queue, press submit, read the
 * receipt. Each stage is a step with its own evidence.
 */
export function executeRun(
  deps: ExecuteDeps,
  declaration: PortalDeclaration,
  request: ItemRunRequest,
  io: ItemRunIo,
): Promise<ItemRunResult> {
  // Filed: the portal has closed the draft. Adopted may have left a half-filled one behind.
  return withRun(
    deps,
    declaration,
    request,
    io,
    (run) => fileItem(deps, declaration, request, io, run),
    (result) => result.outcome === 'submitted',
  );
}

async function fileItem(
  deps: ExecuteDeps,
  declaration: PortalDeclaration,
  request: ItemRunRequest,
  io: ItemRunIo,
  run: Run,
): Promise<ItemRunResult> {
  const timeout = deps.settings.findTimeoutMs;
  const first = declaration.steps[0];
  const lookup = lookupOf(declaration, request);
  // A retried run asks 办件查询 before anything else, so only a first run may go to the form at once.
  const opened =
    run.resumedSession &&
    declaration.login.keptSessionLogsIn === true &&
    !request.reconcile &&
    (await runStep(
      run,
      '打开申请（沿用登录）',
      () => formOnKeptSession(run, declaration.entry, first?.ready),
      'viewport',
    ));
  if (!opened) {
    await stepWithRetries(run, '登录', () => declaration.login(run));
    // A retried run first asks 办件查询: when the earlier attempt got through, nothing needs typing at all.
    // Without any way to look, only a retry that never reached the final click may go on.
    if (request.reconcile) {
      if (!lookup) {
        if (request.submitStarted !== false) throw cannotTell(declaration);
      } else {
        const earlier = await stepWithRetries(run, '办件查询（提交前核对）', () => findEarlier(run, lookup));
        if (earlier) return adopted(earlier, run);
      }
    }
    await stepWithRetries(
      run,
      '打开申请',
      async () => {
        await goto(run, declaration.entry);
        if (first) await findOne(run.page, first.ready, timeout, '申请表第一页');
      },
      'viewport',
    );
  }
  // When the final click happened: a filing found after it is this run's own, an older one is not.
  let clickedAt: Date | undefined;
  for (const [i, step] of declaration.steps.entries()) {
    const next = declaration.steps[i + 1];
    // Where this page lives, to open it again when a try is interrupted (the portal keeps the draft).
    const address = new URL(run.page.url());
    const path = `${address.pathname}${address.search}`;
    const found = await stepWithRetries(run, step.name, async (shot, attempt) => {
      if (attempt > 1) {
        // The final click may have gone through before the portal failed: never file twice.
        if (clickedAt && !lookup) throw cannotTell(declaration);
        const earlier = clickedAt && lookup ? await lookUpInNewTab(run, lookup, clickedAt) : undefined;
        if (earlier) return earlier;
        await goto(run, path);
      }
      const scope = step.frame
        ? (await findOne(run.page, step.frame, timeout, '内嵌表单')).contentFrame()
        : run.page;
      await findOne(run.page, step.ready, timeout, '页面标题');
      const bound = await fillStep(run, scope, step, familyFor(declaration.ui));
      await readBackWithScreenshot(run, bound, shot);
      if (next) {
        if (!step.next)
          throw new Error(`Declaration ${declaration.portalId}: step "${step.name}" has no next`);
        await leavePage(run, scope, step.next, next.ready, bound, {
          pageErrorField: step.pageErrorField,
          navigates: step.navigates,
        });
        return undefined;
      }
      // The last page: everything is typed; file it unless it was filed before.
      const earlier =
        request.reconcile && attempt === 1 && lookup ? await lookUpInNewTab(run, lookup) : undefined;
      if (earlier) return earlier;
      if (declaration.marker) await typeMarker(run, scope, declaration.marker, markerText(request));
      if (declaration.submit.check) await runCheck(run, declaration, scope, bound);
      await io.beforeFinalSubmit();
      clickedAt = new Date();
      await leavePage(run, scope, declaration.submit.button, declaration.receipt.ready, bound, {
        pageErrorField: step.pageErrorField,
        navigates: declaration.submit.navigates,
      });
      return undefined;
    });
    if (found) return adopted(found, run);
  }
  // The receipt page is the answer to the final post; if it failed to show, 我的办件 still has it.
  const read = await stepWithRetries(run, '读取回执', async (shot, attempt) => {
    if (attempt === 1) {
      // The receipt is shown (the final click waited for it): its screenshot is taken while it is read.
      const picture = shot();
      try {
        return await readReceipt(run, declaration.receipt);
      } finally {
        await picture.catch(() => {});
      }
    }
    if (!lookup) throw cannotTell(declaration);
    const earlier = await findEarlier(run, lookup, clickedAt ? { since: clickedAt } : undefined);
    if (!earlier) throw new PortalUnavailableError('提交后未能读取回执，办件查询中也暂未找到');
    return earlier;
  });
  const decided = read.awaitingResult && lookup ? await awaitDecision(run, lookup, read) : undefined;
  return {
    outcome: 'submitted',
    receipt: { ...read.receipt, ...decided?.receipt },
    outputs: { ...read.outputs, ...decided?.outputs },
    awaitingResult: decided?.awaitingResult ?? read.awaitingResult,
    comparison: run.comparison,
  };
}

/** The 办件查询 look-up runs in a second tab so the filled wizard stays as it is. */
async function lookUpInNewTab(
  run: Run,
  lookup: EarlierLookup,
  since?: Date,
): Promise<ReadReceipt | undefined> {
  const tab = await run.page.context().newPage();
  const tabRun = new Run(
    tab,
    run.request,
    run.io,
    run.settings,
    run.readCaptcha,
    false,
    run.secrets,
    run.portalTexts,
  );
  try {
    return await findEarlier(tabRun, lookup, since ? { since } : undefined);
  } finally {
    await tab.close();
  }
}

/** Looks an accepted item up in 办件查询 by its receipt number and reads what the department decided. */
export function executeFollowUp(
  deps: ExecuteDeps,
  declaration: PortalDeclaration,
  request: ItemRunRequest,
  receipt: Record<string, string>,
  io: ItemRunIo,
): Promise<FollowUpResult> {
  return withRun(
    deps,
    declaration,
    request,
    io,
    async (run) => {
      const lookup = lookupOf(declaration, request);
      // Only items whose result comes later are followed up, and only on a portal that can look them up.
      if (!lookup)
        throw new PortalChangedError(`门户（${declaration.portalId}）没有办件查询，无法跟进办理结果`);
      await stepWithRetries(run, '登录', () => declaration.login(run));
      const reference = receipt.reference ?? '';
      const found = await stepWithRetries(run, '办件查询', () => findEarlier(run, lookup, { reference }));
      if (!found) return { done: false, receipt, outputs: {} };
      return {
        done: !found.awaitingResult,
        receipt: { ...receipt, ...found.receipt },
        outputs: found.outputs,
      };
    },
    // A follow-up only reads 办件查询: it leaves no draft behind.
    () => true,
  );
}

/**
 * Types the idempotency marker into the declared free-text field (备注), after what is there already, so a
 * later look-up can tell this filing from any other. A field that is not there is a changed portal.
 */
async function typeMarker(run: Run, scope: Scope, marker: { field: Find }, text: string): Promise<void> {
  const box = textControl(await findOne(scope, marker.field, run.settings.findTimeoutMs, '备注（防重标记）'));
  const now = await box.inputValue();
  if (now.includes(text)) return;
  await box.fill(now ? `${now} ${text}` : text);
}
