import type { AttachedDocument, ItemValues } from '../bots/item-runner.ts';
import type { PlanItem } from './planner.ts';

/**
 * What the queue needs to know about an application, supplied by the layer that owns applications
 * (store + forms). Kept as an interface so the queue's own tests can drive it with plain data.
 */
export interface PlanSource {
  /** The application's items (the bundle and the options chosen) with their dependencies and portals. */
  plan(applicationId: string): Promise<PlanItem[]>;
  /** What the bot types for one item: the projection of the merged values plus the outputs of earlier items. */
  itemInput(
    applicationId: string,
    itemId: string,
    outputs: ReadonlyMap<string, Record<string, unknown>>,
  ): Promise<{
    applicationRef: string;
    values: ItemValues;
    documents: Record<string, AttachedDocument>;
    /** Fields of the original form that have no value: the item goes back to the clerk before any bot runs. */
    missing?: readonly { field: string; label: string }[];
  }>;
  /** The merged-form elements behind a field of the item's form, so a portal's complaint reaches the right field. */
  fieldOrigin?(
    itemId: string,
    fieldId: string,
  ): { label: string; elements: readonly string[]; mergedLabels: readonly string[] } | undefined;
}

/** Where each portal lives and how the bots log in; backed by portal settings and sealed credentials. */
export interface PortalDirectory {
  baseUrl(portalId: string): Promise<string>;
  credentials(portalId: string): Promise<{ username: string; password: string } | undefined>;
}
