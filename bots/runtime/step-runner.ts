import { redactText } from '../../lib/redact.ts';
import {
  type BotError,
  coerceBotError,
  PortalChangedError,
  PortalUnavailableError,
  ValueRejectedError,
} from '../errors/index.ts';
import type { ScreenshotMasking } from '../item-runner.ts';
import { portalTrouble } from './health.ts';
import type { Run, StepPicture } from './run.ts';

/** Turns anything thrown inside a step into the BotError that says what happens next. */
export async function classify(run: Run, error: unknown): Promise<BotError> {
  const message = error instanceof Error ? error.message : String(error);
  let failure: BotError = /strict mode violation/.test(message)
    ? new PortalChangedError('页面上有多处元素符合同一条定位规则，门户页面可能已改版')
    : coerceBotError(error);
  // What looks like a changed page is often a page that did not load: prefer "try again" when the portal
  // answered 5xx or showed its busy page during this step.
  if (failure.code === 'PORTAL_CHANGED' || failure.code === 'PORTAL_UNAVAILABLE') {
    const trouble = await portalTrouble(run);
    if (trouble) failure = new PortalUnavailableError(`门户暂不可用：${trouble}`);
  }
  return sanitise(failure, (text) => redactText(run.secrets.redact(text)));
}

/**
 * Messages may quote the portal, which may quote values: the run's secrets are cut from them, and ID and
 * phone numbers masked.
 */
function sanitise(failure: BotError, clean: (text: string) => string): BotError {
  const message = clean(failure.message);
  if (message === failure.message) return failure;
  if (failure instanceof ValueRejectedError) {
    return new ValueRejectedError(
      message,
      failure.fields.map((f) => ({ ...f, message: clean(f.message) })),
    );
  }
  if (failure instanceof PortalChangedError) return new PortalChangedError(message);
  if (failure instanceof PortalUnavailableError) return new PortalUnavailableError(message);
  return failure;
}

/**
 * Takes the step's screenshot now, after any still being taken; the newest is the step's. It may run while the
 * body reads the page, never while the body types or leaves it: the body awaits it before that.
 */
export type Shot = () => Promise<void>;

/**
 * Every step runs inside this wrapper: it times the step, takes one screenshot with personal data masked
 * (when the body calls `shot()` — before it leaves the page — or at the end), reports the step to the queue
 * and turns any failure into a BotError. Step authors write only the body.
 */
export async function runStep<T>(
  run: Run,
  name: string,
  body: (shot: Shot) => Promise<T>,
  picture: StepPicture = 'page',
): Promise<T> {
  if (run.io.signal.aborted) throw new PortalUnavailableError('运行已被中止');
  const startedAt = new Date();
  const started = performance.now();
  run.beginStep();
  let screenshot: { image: Buffer; masking: ScreenshotMasking } | undefined;
  let taking: Promise<void> | undefined;
  const shot: Shot = () => {
    const next = (taking?.catch(() => {}) ?? Promise.resolve()).then(async () => {
      screenshot = await run.screenshot(picture);
    });
    // Awaited by the body or below; a picture that failed while the body was failing is no unhandled rejection.
    next.catch(() => {});
    taking = next;
    return next;
  };
  const record = (status: 'ok' | 'failed', note?: string) =>
    run.io.step({
      name,
      status,
      startedAt,
      durationMs: performance.now() - started,
      ...(screenshot ? { screenshot: screenshot.image, masking: screenshot.masking } : {}),
      ...(note === undefined ? {} : { note }),
    });
  try {
    const result = await body(shot);
    await (taking ?? shot());
    await record('ok');
    return result;
  } catch (error) {
    const failure = await classify(run, error);
    await taking?.catch(() => {});
    if (!screenshot) screenshot = await run.screenshot(picture).catch(() => undefined);
    await record('failed', `${failure.code}: ${failure.message}`);
    throw failure;
  }
}
