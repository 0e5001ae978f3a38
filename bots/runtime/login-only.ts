import type { Page } from 'playwright-core';
import type { ItemRunIo, ItemRunRequest } from '../item-runner.ts';
import type { CaptchaReader, RunnerSettings } from './options.ts';
import { Run } from './run.ts';
import type { PortalDeclaration } from './types.ts';

/**
 * Logs in to a portal on `page` by the declaration's own login, as a run that files nothing does (a warm-up,
 * a census behind the login): a fresh session, the declaration's "not now" words, nothing else of a filing.
 */
export async function loginOnly(
  page: Page,
  request: ItemRunRequest,
  io: ItemRunIo,
  deps: { settings: RunnerSettings; readCaptcha?: CaptchaReader | undefined },
  declaration: PortalDeclaration,
): Promise<void> {
  const run = new Run(page, request, io, deps.settings, deps.readCaptcha, false, undefined, declaration);
  await declaration.login(run);
}
