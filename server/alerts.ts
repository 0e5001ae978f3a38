import type { Logger } from '../lib/logger.ts';
import type { BotsPort } from './bots.ts';
import { itemName, PORTAL_NAMES } from './pages/admin/names.ts';

/**
 * What an admin must look at now: a portal whose runs fail more than they should, an item that has not
 * moved past its deadline, a portal queue left paused, a portal whose last drift check found a change
 * that will fail its filings. Shown on the admin overview, and each new one sent
 * once to ALERT_WEBHOOK_URL (a chat robot, an on-call system) while it lasts.
 */
export interface AlertOptions {
  /** Share of failed runs in the window above which a portal is reported. Default 0.3. */
  failureRate: number;
  /** Runs a portal must have had in the window before its rate means anything. Default 5. */
  minRuns: number;
  /** The window of the failure rate. Default 1 hour. */
  windowMs: number;
  /** An item in the bots' hands unchanged for longer than this is stuck. Default 30 minutes. */
  stuckAfterMs: number;
}

export const DEFAULT_ALERT_OPTIONS = {
  failureRate: 0.3,
  minRuns: 5,
  windowMs: 3_600_000,
  stuckAfterMs: 30 * 60_000,
} as const satisfies AlertOptions;

export interface Alert {
  /** Stable while the condition lasts: the webhook is called once per key. */
  key: string;
  kind: 'failure-rate' | 'stuck-item' | 'portal-paused' | 'portal-drift';
  message: string;
  /** Where the admin acts on it. */
  href: string;
}

export async function currentAlerts(
  bots: BotsPort,
  options: AlertOptions = DEFAULT_ALERT_OPTIONS,
  now = Date.now(),
): Promise<Alert[]> {
  const alerts: Alert[] = [];
  const name = (portalId: string) => PORTAL_NAMES[portalId] ?? portalId;
  for (const setting of await bots.settings()) {
    if (setting.paused) {
      alerts.push({
        key: `paused:${setting.portalId}`,
        kind: 'portal-paused',
        message: `「${name(setting.portalId)}」队列已暂停，新的事项在排队等待`,
        href: `/admin/portals#portal-${setting.portalId}`,
      });
    }
  }
  // A drift check found a change that will fail the next filing: one alert per such check.
  for (const { lastRun } of await bots.checks()) {
    const failing = lastRun?.findings.filter((finding) => finding.severity === 'will-fail') ?? [];
    const first = failing[0];
    if (!lastRun || !first) continue;
    alerts.push({
      key: `drift:${lastRun.portalId}:${lastRun.id}`,
      kind: 'portal-drift',
      message: `「${name(lastRun.portalId)}」部门系统已变更，${failing.length} 项必定失败：${first.step}：${first.message}`,
      href: `/admin/portals#portal-${lastRun.portalId}`,
    });
  }
  const since = new Date(now - options.windowMs);
  for (const portalId of bots.portalIds) {
    const runs = await bots.runs({ portalId, since, limit: 1000 });
    const finished = runs.filter((run) => run.status !== 'running');
    const failed = finished.filter((run) => run.status === 'failed' || run.status === 'interrupted').length;
    if (finished.length >= options.minRuns && failed / finished.length > options.failureRate) {
      alerts.push({
        key: `failure-rate:${portalId}`,
        kind: 'failure-rate',
        message: `「${name(portalId)}」最近 ${Math.round(options.windowMs / 60_000)} 分钟失败 ${failed}/${finished.length} 次（${Math.round((failed / finished.length) * 100)}%）`,
        href: `/admin/runs?portal=${portalId}&status=failed`,
      });
    }
  }
  for (const item of await bots.stuckItems(new Date(now - options.stuckAfterMs))) {
    const minutes = Math.round((now - item.updatedAt.getTime()) / 60_000);
    alerts.push({
      key: `stuck:${item.applicationId}:${item.itemId}:${item.generation}`,
      kind: 'stuck-item',
      message: `「${itemName(item.itemId)}」已 ${minutes} 分钟没有进展（办件 ${item.applicationId.slice(0, 8)}）`,
      href: `/desk/applications/${item.applicationId}`,
    });
  }
  return alerts;
}

/**
 * Checks the alerts every `intervalMs` and posts each new one to the webhook as JSON
 * `{ text, alert }` (text for chat robots that show a message as it is). A failed post is logged and
 * tried again at the next check.
 */
export class AlertNotifier {
  readonly #sent = new Set<string>();
  #timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly bots: BotsPort,
    private readonly webhookUrl: string,
    private readonly logger: Logger,
    private readonly options: AlertOptions = DEFAULT_ALERT_OPTIONS,
  ) {}

  start(intervalMs = 60_000): void {
    this.#timer = setInterval(() => void this.check(), intervalMs);
    this.#timer.unref();
  }

  stop(): void {
    clearInterval(this.#timer);
  }

  /** One check; returns the alerts posted this time. */
  async check(now = Date.now()): Promise<Alert[]> {
    let alerts: Alert[];
    try {
      alerts = await currentAlerts(this.bots, this.options, now);
    } catch (error) {
      this.logger.warn({ err: error }, '告警检查失败');
      return [];
    }
    const live = new Set(alerts.map((alert) => alert.key));
    // A condition that ended may come back later: it is sent again then.
    for (const key of this.#sent) if (!live.has(key)) this.#sent.delete(key);
    const posted: Alert[] = [];
    for (const alert of alerts.filter((candidate) => !this.#sent.has(candidate.key))) {
      try {
        const response = await fetch(this.webhookUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ text: `【一件事·一键办告警】${alert.message}`, alert }),
          signal: AbortSignal.timeout(10_000),
        });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        this.#sent.add(alert.key);
        posted.push(alert);
      } catch (error) {
        this.logger.warn({ err: error, alert: alert.key }, '告警未能发送到 ALERT_WEBHOOK_URL');
      }
    }
    return posted;
  }
}
