import { PersonNeededError } from '../errors/index.ts';
import type { ItemRunRequest } from '../item-runner.ts';
import type { MarkerDeclaration, PortalDeclaration, QueryDeclaration, ReceiptDeclaration } from './types.ts';

/**
 * Exactly once (docs/exactly-once.md): how a run that may follow a final click learns whether that click
 * got through. A declaration supports one of
 *   query  — 办件查询 or a 我的申请 list: the account's filings, found by company and time of filing, each
 *            opening its receipt;
 *   marker — such a list plus a marker the runtime typed into a free-text field (备注) before the click, for
 *            lists that cannot tell one filing from another by company and time;
 *   none   — nothing: the run stops and a clerk checks the portal by hand.
 */
export type EarlierWay = 'query' | 'marker' | 'none';

/** What `findEarlier` needs of a declaration that has a way to look. */
export interface EarlierLookup {
  query: QueryDeclaration;
  receipt: ReceiptDeclaration;
  marker?: MarkerDeclaration | undefined;
  /** The marker of this run's application and item, when the declaration uses one. */
  markerText?: string | undefined;
}

export function earlierWay(declaration: PortalDeclaration): EarlierWay {
  if (!declaration.query) return 'none';
  return declaration.marker ? 'marker' : 'query';
}

/**
 * The marker typed into 备注: the same for every attempt at one item of one application (so a retry finds
 * what an earlier attempt typed) and unlike any other application's.
 */
export const markerText = (request: Pick<ItemRunRequest, 'applicationRef' | 'itemId'>): string =>
  `一键办 ${request.applicationRef}/${request.itemId}`;

/** The declaration's way to look, or undefined when it has none. */
export function lookupOf(declaration: PortalDeclaration, request: ItemRunRequest): EarlierLookup | undefined {
  if (!declaration.query) return undefined;
  return {
    query: declaration.query,
    receipt: declaration.receipt,
    marker: declaration.marker,
    markerText: declaration.marker ? markerText(request) : undefined,
  };
}

/** Thrown where a look-up is needed and the portal offers none: a person checks, nothing is filed blindly. */
export function cannotTell(declaration: PortalDeclaration): PersonNeededError {
  return new PersonNeededError(
    `门户（${declaration.portalId}）没有办件查询或可核对的申请列表，无法确认此前的提交是否成功：请人工登录门户核对，确认未提交后再重新提交`,
    'confirm-filing',
  );
}
