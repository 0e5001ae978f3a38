import type { FactAfter, OracleItem, OracleRound } from './oracle.ts';

/**
 * The least work each sandbox portal forces on any client to file its item, read from the portals' own code
 * (sandbox/), not from our bots. One round is one request a client cannot send before the previous answer;
 * uploads go alongside the saves before the step that names them and add no round (on a portal whose only
 * save is the submission, they are the round between the login and it: the submission names their ids and
 * the upload needs the session); assets, redirects a
 * client need not follow, cascades and look-ups of static lists (regions, branches, engravers) are not
 * forced and not counted. The CAPTCHA counts as read at once (a perfect reader). Leaving a round out only
 * lowers the bound, so every round below is one the portal refuses to do without.
 */
export interface OracleSettings {
  /** Market regulation approves `approvalDelayMs` after it received the filing (market-regulation/portal.ts). */
  approvalDelayMs: number;
  /** Tax and social insurance refuse the company until `syncLagMs` after its approval (kit/registry.ts). */
  syncLagMs: { tax: number; 'social-insurance': number };
  /** housing fund's 承诺书 countdown (housing-fund/step-materials.ts: accepted after seconds·1000 − 300 ms). */
  noticeSeconds: number;
  /** The applicant's delay before typing the seal's SMS code, from the moment it was texted. */
  smsReplyMs: number;
}

const round = (request: string, more: Omit<OracleRound, 'request'> = {}): OracleRound => ({
  request,
  ...more,
});
const after = (fact: string, lagMs = 0): FactAfter => ({ fact, lagMs });

/** The facts later items wait for (forms/items/*.ts `produces`, and what each portal checks them against). */
const CREDIT_CODE = after('creditCode');
const ACCOUNT_NO = after('bank.accountNo');

/**
 * One filing posted whole by XHR after the kit's login (/login answers with the session; the form page itself
 * is not needed to post): the uploads, sent together, answer with the ids the filing names; the filing
 * carries the credit code (checked by its check digit only) and answers with the reference; the item's output
 * is on the receipt. The form's region cascade (/api/regions) is a static look-up and not counted.
 */
const kitFiling = (itemId: string, portalId: string): OracleItem => ({
  itemId,
  portalId,
  rounds: [
    round('POST /login'),
    round('POST /api/upload'),
    round('POST /api/apply', { needs: [CREDIT_CODE] }),
    round('GET /receipt/:reference'),
  ],
});

/** The declared minimal work per item of the open-company and open-restaurant bundles, for the given waits. */
export function oracleWork(s: OracleSettings): Record<string, OracleItem> {
  const items: OracleItem[] = [
    {
      // Unified login (unified-login/portal.ts): the picture puts the CAPTCHA in the session; the login answers
      // with a ticket that market regulation turns into its session (/sso). The wizard's draft exists only
      // after a GET of a step (wizard/router.ts); the five steps are saved strictly in order, step 1 with
      // 确认 (qrbc=1) at once; the ID photos and the domicile proof upload alongside steps 1–2. The credit
      // code is on the receipt once the registrar approved, approvalDelayMs after the filing was received.
      itemId: 'business-registration',
      portalId: 'market-regulation',
      rounds: [
        round('GET /captcha.png', { portalId: 'unified-login' }),
        round('POST /login', { portalId: 'unified-login' }),
        round('GET /sso'),
        round('GET /apply/1'),
        round('POST /apply/1'),
        round('POST /apply/2'),
        round('POST /apply/3'),
        round('POST /apply/4'),
        round('POST /apply/5', { gives: ['registration.filed'] }),
        round('GET /receipt/:reference', {
          servedNotBefore: [after('registration.filed', s.approvalDelayMs)],
          gives: ['creditCode'],
        }),
      ],
    },
    {
      // Kit login; the SMS code may be asked for at once (valid 5 minutes, kit/sms.ts), the filing needs the
      // credit code (the bureau checks the register, public-security/filing.ts) and the code the applicant
      // typed; the 备案编码 are on the receipt.
      itemId: 'seal-engraving',
      portalId: 'public-security',
      rounds: [
        round('POST /login'),
        round('POST /api/sms', { gives: ['seal.smsSent'] }),
        round('POST /seal/apply', { needs: [CREDIT_CODE, after('seal.smsSent', s.smsReplyMs)] }),
        round('GET /receipt/:reference'),
      ],
    },
    {
      // Slider puzzle, its check, then the login (bank/login.ts); 校验 (/api/check, checks the credit code
      // against the register) gives the token the booking needs (bank/portal.ts); the account is on the receipt.
      itemId: 'bank-account',
      portalId: 'bank',
      rounds: [
        round('GET /api/slider'),
        round('POST /api/slider/verify'),
        round('POST /login'),
        round('POST /api/check', { needs: [CREDIT_CODE] }),
        round('POST /appointment'),
        round('GET /receipt/:reference', { gives: ['bank.accountNo'] }),
      ],
    },
    {
      // The login is the credit code, refused until syncLagMs after the approval (tax/login.ts); four steps in
      // order, the fourth reports the bank account; 检查 (/api/jc) gives the token the submission needs.
      itemId: 'tax-registration',
      portalId: 'tax',
      rounds: [
        round('POST /login', {
          needs: [CREDIT_CODE],
          servedNotBefore: [after('registration.filed', s.approvalDelayMs + s.syncLagMs.tax)],
        }),
        round('POST /xbnsr/1'),
        round('POST /xbnsr/2'),
        round('POST /xbnsr/3'),
        round('POST /xbnsr/4', { needs: [ACCOUNT_NO] }),
        round('POST /api/jc'),
        round('POST /xbnsr/submit'),
        round('GET /receipt/:reference'),
      ],
    },
    {
      // Kit login; 单位信息核验 looks the company up with the sync lag (social-insurance/company.ts); the form
      // (with 继续, qrjx=1, at once) carries the pay account.
      itemId: 'social-insurance',
      portalId: 'social-insurance',
      rounds: [
        round('POST /login'),
        round('POST /register', {
          needs: [CREDIT_CODE],
          servedNotBefore: [after('registration.filed', s.approvalDelayMs + s.syncLagMs['social-insurance'])],
        }),
        round('POST /register/form', { needs: [ACCOUNT_NO] }),
        round('GET /receipt/:reference'),
      ],
    },
    {
      // Kit login; one JSON filing with the credit code and the account (medical-insurance/portal.ts).
      itemId: 'medical-insurance',
      portalId: 'medical-insurance',
      rounds: [
        round('POST /login'),
        round('POST /api/apply', { needs: [CREDIT_CODE, ACCOUNT_NO] }),
        round('GET /receipt/:reference'),
      ],
    },
    {
      // Kit login; the draft exists after a GET of a step; step 1 carries the credit code, step 2 the account
      // (继续 at once); step 3 may be shown only after step 2 is saved, and is accepted noticeSeconds·1000 −
      // 300 ms after it was first shown (housing-fund/wizard.ts, step-materials.ts); the ID copy uploads
      // alongside; the fund account number is on the receipt.
      itemId: 'housing-fund',
      portalId: 'housing-fund',
      rounds: [
        round('POST /login'),
        round('GET /open/1'),
        round('POST /open/1', { needs: [CREDIT_CODE] }),
        round('POST /open/2', { needs: [ACCOUNT_NO] }),
        round('GET /open/3', { gives: ['housing-fund.noticeShown'] }),
        round('POST /open/3', {
          servedNotBefore: [after('housing-fund.noticeShown', Math.max(0, s.noticeSeconds * 1000 - 300))],
        }),
        round('GET /receipt/:reference'),
      ],
    },
    // 食品经营许可 (food-licence/portal.ts, validate.ts): five materials and one 培训合格证明 per 食品安全管理员
    // upload together; approved at once (告知承诺制), the licence number on the receipt.
    kitFiling('food-business-licence', 'food-licence'),
    // 户外招牌设置 (outdoor-sign/portal.ts, validate.ts): the 效果图 uploads; accepted at once with a 受理编号.
    kitFiling('signboard', 'outdoor-sign'),
    // 营业前消防安全检查 (fire-safety/portal.ts, validate.ts): the 消防设施平面图 uploads, the filing is JSON;
    // accepted at once. The portal has no 办件查询, but the kit's receipt page is served (query: false).
    kitFiling('fire-safety', 'fire-safety'),
  ];
  return Object.fromEntries(items.map((item) => [item.itemId, item]));
}

/**
 * The declared work of the plan's items; throws for an item no portal declaration covers. A fact that only an
 * item outside the plan gives was known before the key press (开餐饮店 with its licence: the credit code is
 * read from the licence, the pay account is the applicant's, the company is on the register long since), so
 * the waits on it are dropped; a fact no declared item gives stays, and oracleBound refuses it.
 */
export function oracleItems(itemIds: readonly string[], settings: OracleSettings): OracleItem[] {
  const work = oracleWork(settings);
  const items = itemIds.map((itemId) => {
    const item = work[itemId];
    if (!item) throw new Error(`no declared minimal work for item ${itemId}`);
    return item;
  });
  const givenIn = (list: readonly OracleItem[]) =>
    new Set(list.flatMap((item) => item.rounds.flatMap((r) => r.gives ?? [])));
  const declared = givenIn(Object.values(work));
  const planned = givenIn(items);
  const keep = (facts: readonly FactAfter[] | undefined) =>
    (facts ?? []).filter(({ fact }) => planned.has(fact) || !declared.has(fact));
  return items.map((item) => ({
    ...item,
    rounds: item.rounds.map(({ needs, servedNotBefore, ...rest }) => ({
      ...rest,
      needs: keep(needs),
      servedNotBefore: keep(servedNotBefore),
    })),
  }));
}
