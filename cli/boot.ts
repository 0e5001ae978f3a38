import { createLogger, type Logger } from '../lib/logger.ts';
import { Shutdown } from '../lib/shutdown.ts';
import { type Config, loadConfigOrExit } from './config.ts';

export interface Boot {
  config: Config;
  logger: Logger;
  shutdown: Shutdown;
}

/**
 * Files and folders this process (and its children: the sandbox portals, the managed Redis) creates are
 * its owner's alone: DATA_DIR holds ID numbers in the database's WAL, the evidence and the uploads.
 */
export const PRIVATE_UMASK = 0o077;

/**
 * What every long-running subcommand (`start`, `server`, `worker`, `portals`) does first: make what it
 * creates owner-only, read the configuration once, make the logger, and install the signal handlers. A bad
 * configuration ends the process with the message naming the variable.
 */
export function boot(): Boot {
  process.umask(PRIVATE_UMASK);
  const config = loadConfigOrExit();
  const logger = createLogger({ level: config.LOG_LEVEL });
  const shutdown = new Shutdown(logger);
  shutdown.installSignalHandlers();
  return { config, logger, shutdown };
}

/** Runs a subcommand's body; a failure is logged (redacted), everything opened so far is closed, exit 1. */
export async function runOrExit(boot: Boot, body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (error) {
    boot.logger.fatal({ err: error }, error instanceof Error ? error.message : String(error));
    await boot.shutdown.run('startup-failed');
    process.exit(1);
  }
}
