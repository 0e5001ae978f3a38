import { PortalChangedError } from './errors/index.ts';
import type {
  FollowUpResult,
  ItemRunIo,
  ItemRunner,
  ItemRunRequest,
  ItemRunResult,
  WarmRequest,
} from './item-runner.ts';
import { declarationFor } from './portals/registry.ts';
import { BrowserPool, type PoolStats } from './runtime/browser-pool.ts';
import { executeFollowUp, executeRun } from './runtime/execute.ts';
import { type BrowserRunnerOptions, type RunnerSettings, resolveRunnerOptions } from './runtime/options.ts';
import { PortalSessions } from './runtime/portal-sessions.ts';
import type { PortalDeclaration } from './runtime/types.ts';
import { warmSession } from './runtime/warm.ts';

export interface BrowserRunner extends ItemRunner {
  readonly settings: RunnerSettings;
  stats(): PoolStats;
}

/**
 * The real ItemRunner: one shared Chromium (a fresh context per run), the portal declarations of
 * bots/portals, and the generic runtime. Options and their defaults: runtime/options.ts.
 */
export function createBrowserRunner(
  options: BrowserRunnerOptions = {},
  declarations: (itemId: string) => PortalDeclaration | undefined = declarationFor,
): BrowserRunner {
  const settings = resolveRunnerOptions(options);
  const pool = new BrowserPool({
    chromiumPath: settings.chromiumPath,
    allowHosts: settings.allowHosts,
    size: settings.poolSize,
    recycleAfterRuns: settings.recycleAfterRuns,
  });
  const sessions =
    settings.sessionReuseMs > 0
      ? new PortalSessions({ maxAgeMs: settings.sessionReuseMs, perAccount: settings.poolSize })
      : undefined;
  const deps = { pool, settings, readCaptcha: options.readCaptcha, sessions };
  const declaration = (request: Pick<ItemRunRequest, 'itemId'>) => {
    const found = declarations(request.itemId);
    if (!found) throw new PortalChangedError(`没有事项“${request.itemId}”的门户定义`);
    return found;
  };
  return {
    settings,
    stats: () => pool.stats(),
    run: (request: ItemRunRequest, io: ItemRunIo): Promise<ItemRunResult> =>
      executeRun(deps, declaration(request), request, io),
    warm: (request: WarmRequest, signal: AbortSignal) =>
      warmSession(deps, declaration(request), request, signal),
    followUp: (
      request: ItemRunRequest,
      receipt: Record<string, string>,
      io: ItemRunIo,
    ): Promise<FollowUpResult> => executeFollowUp(deps, declaration(request), request, receipt, io),
    close: () => pool.close(),
  };
}
