/**
 * The item was cancelled or handed to the clerk by an admin while this run was on its way. Thrown before the
 * final submit, so the bot stops there and the job is not retried (the processor turns it unrecoverable).
 */
export class ItemClosedError extends Error {
  override readonly name = 'ItemClosedError';
  readonly code = 'ITEM_CLOSED';

  constructor() {
    super('该事项已由管理员取消或转人工，机器人不再提交');
  }
}
