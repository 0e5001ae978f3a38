import { type OracleResult, oracleBound } from './oracle.ts';
import { oracleItems } from './oracle-work.ts';
import type { Range } from './people.ts';

export const ORACLE_METHOD = [
  'oracleWallMs is the earliest a perfect client could hold the last receipt, from one key press: a lower bound that reads nothing our bots did.',
  "Work: for every item, the requests its sandbox portal forces on any client, in the order it forces them (cli/bench/support/oracle-work.ts, read from sandbox/): logins, the saves of each wizard step, check tokens, the final submission and the receipt that carries the item's output. Uploads go alongside the saves and add no round, except on a portal whose only save is the submission (food licence, signboard, fire safety), where they are the round between the login and the submission that names their ids; assets, redirects, cascades and look-ups of static lists are not forced and not counted; the CAPTCHA is read at once.",
  'Time: each such request takes the smallest injected latency (the low end of latencyMs: the sandbox delays every page and XHR before its handler); handler and transfer time count as zero. Waits the portals enforce are added where they apply: the credit code is on the receipt no earlier than approvalDelayMs after market regulation received the filing; tax and social insurance accept the company syncLagMs after that; the housing fund accepts its 承诺书 noticeSeconds·1000 − 300 ms after the page was served; the seal filing waits for the SMS code, texted at once and typed after the applicant’s reply delay (the shortest drawn in this run for that item, else the low end of smsReplyMs).',
  'Dependencies per output: an item starts at the key press and waits only in the request that needs a fact (the credit code, the bank account number), not for whole items; so the housing fund, the tax and the insurances log in while the registration is still under review. A fact that only an item outside the plan gives was known at the key press (开餐饮店 with its licence: the credit code, the pay account, a company long on the register, so no sync lag).',
  'ratio = wallMs / oracleWallMs; ratioToOwnRequests = wallMs / criticalPathMs (the bound from our own requests, method above).',
].join(' ');

export interface OracleFigures {
  oracleWallMs: number;
  /** wallMs / oracleWallMs. */
  ratio: number;
  oracle: {
    latencyMs: number;
    smsReplyMs: number;
    path: string[];
    items: OracleResult['items'];
  };
}

export interface OracleInput {
  itemIds: readonly string[];
  wallMs: number;
  latencyMs: Range;
  approvalDelayMs: number;
  syncLagMs: number;
  noticeSeconds: number;
  smsReplyMs: Range;
  /** The applicant's SMS replies for the seal in this run (ms each), if any. */
  sealSmsRepliesMs: readonly number[];
}

/** The oracle bound of one run, from the settings it ran with (not from anything the bots did). */
export function oracleFigures(input: OracleInput): OracleFigures {
  const smsReplyMs = input.sealSmsRepliesMs.length
    ? Math.min(...input.sealSmsRepliesMs)
    : input.smsReplyMs[0];
  const latencyMs = input.latencyMs[0];
  const result = oracleBound(
    oracleItems(input.itemIds, {
      approvalDelayMs: input.approvalDelayMs,
      syncLagMs: { tax: input.syncLagMs, 'social-insurance': input.syncLagMs },
      noticeSeconds: input.noticeSeconds,
      smsReplyMs,
    }),
    latencyMs,
  );
  return {
    oracleWallMs: result.oracleWallMs,
    ratio: input.wallMs / result.oracleWallMs,
    oracle: { latencyMs, smsReplyMs, path: result.path, items: result.items },
  };
}
