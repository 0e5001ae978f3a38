import type {
  FollowUpResult,
  ItemRunIo,
  ItemRunner,
  ItemRunRequest,
  ItemRunResult,
  WarmOutcome,
  WarmRequest,
} from '../../bots/item-runner.ts';

export type Script = (request: ItemRunRequest, io: ItemRunIo, attempt: number) => Promise<ItemRunResult>;

/**
 * A runner whose behaviour per item is written by the test: it stands in for the browser bots so the queue's
 * own logic (order, hand-offs, retries, failures, human tasks) is tested alone. The real bots are tested
 * against the sandbox portals elsewhere.
 */
export class ScriptedRunner implements ItemRunner {
  readonly calls: ItemRunRequest[] = [];
  readonly followUps: string[] = [];
  /** Runs and warm log-ins in the order they began: `run:<item>`, `warm:<item>`. */
  readonly log: string[] = [];
  #attempts = new Map<string, number>();

  constructor(
    private readonly scripts: Record<string, Script>,
    private readonly approvalAfterFollowUps = 1,
  ) {}

  async run(request: ItemRunRequest, io: ItemRunIo): Promise<ItemRunResult> {
    this.calls.push(request);
    this.log.push(`run:${request.itemId}`);
    const attempt = (this.#attempts.get(request.itemId) ?? 0) + 1;
    this.#attempts.set(request.itemId, attempt);
    const script = this.scripts[request.itemId] ?? defaultScript;
    return script(request, io, attempt);
  }

  async warm(request: WarmRequest): Promise<WarmOutcome> {
    this.log.push(`warm:${request.itemId}`);
    return 'logged-in';
  }

  async followUp(request: ItemRunRequest, receipt: Record<string, string>): Promise<FollowUpResult> {
    this.followUps.push(request.itemId);
    const done = this.followUps.filter((id) => id === request.itemId).length >= this.approvalAfterFollowUps;
    return done
      ? { done, receipt, outputs: { creditCode: '91350603MA2Y8ABC1X', establishedDate: '2026-11-22' } }
      : { done, receipt, outputs: {} };
  }

  async close(): Promise<void> {}
}

export const defaultScript: Script = async (request, io) => {
  await io.step({ name: '填写表单', status: 'ok', startedAt: new Date(), durationMs: 5 });
  await io.beforeFinalSubmit();
  return {
    outcome: 'submitted',
    receipt: { receiptNo: `R-${request.itemId}` },
    outputs: { [`${request.itemId}.no`]: `N-${request.itemId}` },
    awaitingResult: false,
    comparison: [],
  };
};
