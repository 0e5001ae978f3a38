import type { Job } from 'bullmq';
import type { Logger } from '../lib/logger.ts';
import type { Db } from '../store/db.ts';
import {
  type CheckTrigger,
  type PortalCheckRow,
  portalChecks,
  type StoredFinding,
} from '../store/portal-checks.repo.ts';
import { type PortalSettingsRow, portalSettings } from '../store/portal-settings.repo.ts';
import { type DriftJobData, driftJobDataSchema, parseJobData } from './job-data.ts';
import { driftJobId } from './names.ts';
import type { QueueClients } from './queue-clients.ts';

/** The severities in Chinese, for the pages (the server does not import bots). */
export { SEVERITY_ZH } from '../bots/runtime/census/findings.ts';

/** What one drift check of a portal found, or why it did not run (no canary for its item …). */
export type DriftCheckResult =
  | { outcome: 'checked'; version: string; stepsChecked: string[]; findings: StoredFinding[] }
  | { outcome: 'skipped' | 'error'; note: string };

/** Walks one portal's pages (supplied by whoever composes the workers: it needs browsers and canaries). */
export type DriftChecker = (portalId: string) => Promise<DriftCheckResult>;

export interface DriftProcessorDeps {
  db: Db;
  clients: QueueClients;
  check: DriftChecker;
  logger: Logger;
}

/** Checks are kept for the admin's page; jobs are not, beyond the last few. */
export const DRIFT_JOB_OPTIONS = { attempts: 1, removeOnComplete: 100, removeOnFail: 100 } as const;

/** The user id recorded when the check itself holds or releases filings. */
export const DRIFT_ACTOR = 'drift-check';

const willFail = (findings: readonly StoredFinding[]) => findings.filter((f) => f.severity === 'will-fail');

/** The clerk's reason while filings are held: the first must-fail finding, and how many more. */
export function holdReason(findings: readonly StoredFinding[]): string {
  const failing = willFail(findings);
  const first = failing[0];
  if (!first) return '';
  return `${first.step}：${first.message}${failing.length > 1 ? `（另有 ${failing.length - 1} 项）` : ''}`;
}

/**
 * The drift-check queue's processor. A scheduled `all` job fans out into one job per portal (run one at a
 * time: the queue's global concurrency is 1). A portal that is running filings, or that an admin paused
 * (for a scheduled check), is skipped and recorded as such: a check logs in with the same account and
 * could end a filing's session. After a check, a portal set to auto-pause is held on a must-fail finding
 * and released by the next clean check.
 */
export function createDriftProcessor(deps: DriftProcessorDeps) {
  return async (job: Job): Promise<void> => {
    const data: DriftJobData = parseJobData(driftJobDataSchema, job.data, job.id);
    if (data.scope === 'all') {
      const at = Date.now();
      await deps.clients.drift.addBulk(
        deps.clients.portalIds.map((portalId) => ({
          name: 'portal',
          data: { scope: 'portal', portalId, trigger: 'schedule' } satisfies DriftJobData,
          opts: { ...DRIFT_JOB_OPTIONS, jobId: driftJobId(portalId, at) },
        })),
      );
      return;
    }
    await checkOne(deps, data.portalId, data.trigger);
  };
}

async function checkOne(deps: DriftProcessorDeps, portalId: string, trigger: CheckTrigger) {
  const setting = await portalSettings.get(deps.db, portalId);
  const skip = (note: string) =>
    portalChecks.record(deps.db, {
      portalId,
      trigger,
      outcome: 'skipped',
      declarationVersion: null,
      stepsChecked: [],
      findings: [],
      note,
    });
  // An admin's own 立即检查 runs on a paused portal: checking is how one finds out it may be resumed.
  if (trigger === 'schedule' && setting?.paused) return skip('队列已被管理员暂停，本次未检查');
  const { active } = await deps.clients.depth(portalId);
  if (active > 0) return skip(`正在办理 ${active} 件事项，本次未检查`);

  let result: DriftCheckResult;
  try {
    result = await deps.check(portalId);
  } catch (error) {
    deps.logger.warn({ err: error, portalId }, '漂移检查未能完成');
    result = {
      outcome: 'error',
      note: `检查未能完成：${error instanceof Error ? error.message : String(error)}`,
    };
  }
  const row = await portalChecks.record(
    deps.db,
    result.outcome === 'checked'
      ? {
          portalId,
          trigger,
          outcome: 'checked',
          declarationVersion: result.version,
          stepsChecked: result.stepsChecked,
          findings: result.findings,
          note: null,
        }
      : {
          portalId,
          trigger,
          outcome: result.outcome,
          declarationVersion: null,
          stepsChecked: [],
          findings: [],
          note: result.note,
        },
  );
  await holdOrRelease(deps, setting, row);
  deps.logger.info(
    {
      portalId,
      outcome: row.outcome,
      findings: row.findings.length,
      willFail: willFail(row.findings).length,
    },
    '漂移检查完成',
  );
}

async function holdOrRelease(
  deps: DriftProcessorDeps,
  setting: PortalSettingsRow | undefined,
  row: PortalCheckRow,
): Promise<void> {
  if (!setting || row.outcome !== 'checked') return;
  const reason = holdReason(row.findings);
  const hold = reason && setting.driftAutoPause ? reason : null;
  if (hold === setting.driftHold || (hold === null && !setting.driftHold)) return;
  // Stored, then applied to Redis: the portal's queue pauses or resumes for every worker at once.
  await deps.clients.applySettings(
    await portalSettings.update(deps.db, row.portalId, { driftHold: hold }, DRIFT_ACTOR),
  );
}
