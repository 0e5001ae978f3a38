import {
  BotError,
  type FieldRejection,
  PortalChangedError,
  PortalUnavailableError,
  ValueRejectedError,
} from '../errors/index.ts';
import { adapt, familyFor, type UiFamily } from './families/index.ts';
import { describeFind, findOne, locatorOf, type Scope, waitFor } from './locate.ts';
import { isPersonalField, maskValue } from './personal.ts';
import type { Run } from './run.ts';
import type { Shot } from './step-runner.ts';
import {
  type Binding,
  type BoundField,
  type Find,
  type GroupBinding,
  isGroup,
  type Settle,
  type StepDeclaration,
  type Values,
} from './types.ts';

/** Projection values the bot resolves on the live portal (docs/item-fields.md: `auto:…`, `ask:…`). */
const DIRECTIVE = /^(auto|ask):/;

const isAbsent = (value: unknown) => value === undefined || value === null;

/**
 * A failure inside a widget names no field; the filler knows which one it was, and how the declaration
 * finds it (a mismatch with the page and a portal that did not answer say where it happened).
 */
function withField(error: unknown, fieldId: string, find?: Find): unknown {
  if (error instanceof ValueRejectedError && error.fields.length === 0) {
    return new ValueRejectedError(`${fieldId}：${error.message}`, [{ fieldId, message: error.message }]);
  }
  const where = find ? `${fieldId}（${describeFind(find)}）` : fieldId;
  if (error instanceof PortalChangedError && !error.message.startsWith(where)) {
    return new PortalChangedError(`${where}：${error.message}`);
  }
  if (error instanceof PortalUnavailableError && !error.message.startsWith(where)) {
    return new PortalUnavailableError(`${where}：${error.message}`);
  }
  if (error instanceof BotError || !(error instanceof Error)) return error;
  error.message = `${fieldId}: ${error.message}`;
  return error;
}

/**
 * Waits, in the order they were filled, for the portal's answers still outstanding (uploads under way); a
 * refusal names its field.
 */
async function settleOutstanding(bound: readonly BoundField[]): Promise<void> {
  for (const entry of bound) {
    const outstanding = entry.settle;
    if (!outstanding) continue;
    entry.settle = undefined;
    try {
      await outstanding();
    } catch (error) {
      throw withField(error, entry.fieldId, entry.binding.find);
    }
  }
}

/** Fills one binding; what it bound joins `bound` (the step's fields so far). */
async function fillBinding(
  run: Run,
  scope: Scope,
  binding: Binding,
  values: Values,
  fieldId: string,
  bound: BoundField[],
  family: UiFamily,
): Promise<void> {
  let value = binding.value ? binding.value(values) : values[binding.field];
  if (isAbsent(value) || (binding.when && !binding.when(values))) return;
  const field = await findOne(scope, binding.find, run.settings.findTimeoutMs, `“${fieldId}”`);
  // Sensitivity follows the value as well as the binding: 单位电话 holding the legal representative's
  // mobile is masked like 法定代表人电话.
  const personal = (binding.personal ?? isPersonalField(fieldId)) || run.secrets.covers(fieldId, value);
  if (personal) run.mask(field);
  const directive = typeof value === 'string' && DIRECTIVE.test(value);
  // What only a person can supply (`ask:sms-code`) is a secret; lists the portal owns (`auto:`) are not.
  const asked = directive && String(value).startsWith('ask:');
  // The portal's UI library supplies the widget for library-dependent kinds (select, date, upload …).
  const widget = adapt(family, binding.widget);
  const adapted = widget === binding.widget ? binding : { ...binding, widget };
  // A widget that waits on the portal's own loading takes any server error meanwhile for its own: the
  // answers still outstanding come first.
  if (directive || widget.waitsOnPortal) await settleOutstanding(bound);
  let outstanding: Settle | undefined;
  try {
    if (directive) {
      if (!widget.resolve) throw new Error(`widget ${widget.kind} cannot resolve ${value}`);
      value = await widget.resolve(run, field, String(value));
    }
    outstanding = (await widget.fill(run, field, value)) ?? undefined;
  } catch (error) {
    throw withField(error, fieldId, binding.find);
  }
  // A value a person supplied (an SMS code) is known only now.
  const secret = asked || run.secrets.isSensitiveField(fieldId);
  if (secret && typeof value === 'string') run.secrets.add(value);
  if (secret && !personal) run.mask(field);
  bound.push({
    fieldId,
    binding: adapted,
    field,
    value,
    personal: personal || secret,
    ...(outstanding ? { settle: outstanding } : {}),
  });
}

async function fillGroup(
  run: Run,
  scope: Scope,
  group: GroupBinding,
  bound: BoundField[],
  family: UiFamily,
): Promise<void> {
  const value = run.values[group.group];
  const rows = Array.isArray(value) ? (value as Values[]) : [];
  const timeout = run.settings.findTimeoutMs;
  for (const [i, row] of rows.entries()) {
    if ((await locatorOf(scope, group.row(i + 1)).count()) === 0) {
      await (await findOne(scope, group.add, timeout, `“${group.group}”的添加按钮`)).click();
    }
    const rowScope = await findOne(scope, group.row(i + 1), timeout, `“${group.group}”第 ${i + 1} 行`);
    for (const binding of group.bindings) {
      await fillBinding(run, rowScope, binding, row, `${group.group}[${i}].${binding.field}`, bound, family);
    }
  }
  // Rows the page offered beyond those of the application are removed (a person would delete them).
  if (group.remove) {
    for (let guard = 0; guard < 50; guard += 1) {
      const surplus = locatorOf(scope, group.row(rows.length + 1));
      if ((await surplus.count()) === 0) break;
      await (await findOne(surplus, group.remove, timeout, '删除按钮')).click();
    }
  }
}

/**
 * Types every bound value of one page and waits for the portal's answers to them; returns what was bound,
 * for the read-back and for the page's messages.
 */
export async function fillStep(
  run: Run,
  scope: Scope,
  step: StepDeclaration,
  family: UiFamily = familyFor('native'),
): Promise<BoundField[]> {
  const bound: BoundField[] = [];
  for (const field of step.fields) {
    if (isGroup(field)) await fillGroup(run, scope, field, bound, family);
    else await fillBinding(run, scope, field, run.values, field.field, bound, family);
  }
  await settleOutstanding(bound);
  return bound;
}

/** A value as the page shows it, what was meant, and whether they are the same. */
interface Comparison {
  onPage: string;
  expected: string;
  ok: boolean;
}

async function compare(run: Run, bound: BoundField): Promise<Comparison> {
  const { widget } = bound.binding;
  const expected = widget.expected(bound.value, run);
  const same = (onPage: string) => (widget.same ? widget.same(onPage, expected) : onPage === expected);
  const onPage = await widget.read(run, bound.field);
  return { onPage, expected, ok: same(onPage) };
}

/**
 * Reads every bound value back from the page and compares it with what was meant. A mismatch is typed once
 * more (a page script may have overwritten it); if it persists, nothing is submitted and the clerk is told.
 * Values the page computes itself are given a moment to settle instead. `beforeRetyping` runs before a value
 * is typed again (the caller's screenshot of the page must not see it move).
 */
export async function readBack(
  run: Run,
  bound: readonly BoundField[],
  beforeRetyping?: () => Promise<void>,
): Promise<void> {
  const wrong: FieldRejection[] = [];
  // All values are read at once (reads only, one browser round trip's wait instead of one per field); what
  // does not match is then waited for or typed again one field at a time. Typing a value again (or waiting
  // for one) can change the fields after it — a branch typed again reloads the slots — so from the first
  // such field on, every value is read afresh.
  const firstReads = await Promise.all(bound.map((entry) => compare(run, entry)));
  let pageMoved = false;
  for (const [i, entry] of bound.entries()) {
    let result: Comparison = (!pageMoved && firstReads[i]) || (await compare(run, entry));
    pageMoved ||= !result.ok;
    if (!result.ok && entry.binding.widget.derived) {
      result =
        (await waitFor(async () => {
          const again = await compare(run, entry);
          return again.ok ? again : undefined;
        }, run.settings.findTimeoutMs)) ?? (await compare(run, entry));
    } else if (!result.ok) {
      await beforeRetyping?.();
      await (await entry.binding.widget.fill(run, entry.field, entry.value))?.();
      result = await compare(run, entry);
    }
    const shown = (value: string) =>
      maskValue(entry.fieldId, value, entry.personal || run.secrets.has(value));
    run.comparison.push({
      fieldId: entry.fieldId,
      intended: shown(result.expected),
      onPage: shown(result.onPage),
      matches: result.ok,
    });
    if (!result.ok) wrong.push({ fieldId: entry.fieldId, message: '页面上的值与应填写的值不一致' });
  }
  if (wrong.length > 0) {
    // A page whose own script or list failed to load (a 5xx) cannot compute or keep values: not the
    // clerk's business, try again later.
    const trouble = run.trouble();
    if (trouble.length > 0) {
      throw new PortalUnavailableError(`门户页面未完整加载（${trouble.at(-1)}），填写的值未被保留`);
    }
    throw new ValueRejectedError(
      `页面未接受 ${wrong.length} 项填写的值：${wrong.map((w) => w.fieldId).join('、')}`,
      wrong,
    );
  }
}

/**
 * Reads every value back while the screenshot of the page, as it will be sent, is taken: the read-back only
 * reads, and the screenshot (≈ 0.2 s of a full page) no longer waits for it. A value typed again waits for that
 * screenshot and gets a new one, so the evidence shows the page that was sent and no mask is taken while the page moves.
 */
export async function readBackWithScreenshot(
  run: Run,
  bound: readonly BoundField[],
  shot: Shot,
): Promise<void> {
  const picture = shot();
  let retyped = false;
  try {
    await readBack(run, bound, async () => {
      await picture.catch(() => {});
      retyped = true;
    });
  } catch (error) {
    if (retyped) await shot().catch(() => {});
    throw error;
  }
  await (retyped ? shot() : picture);
}
