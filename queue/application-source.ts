import { join } from 'node:path';
import type { AttachedDocument } from '../bots/item-runner.ts';
import { fieldOrigin, mergedFormOf, projectItem, resolveStoredApplication } from '../forms/index.ts';
import { type Application, ApplicationsRepo } from '../store/applications.repo.ts';
import type { Db } from '../store/db.ts';
import { DocumentsRepo } from '../store/documents.repo.ts';
import type { PlanSource } from './plan-source.ts';

const SYSTEM = { kind: 'all' } as const;

export class ApplicationNotFoundError extends Error {
  override readonly name = 'ApplicationNotFoundError';
}

/**
 * The queue's view of a stored application, through forms/: the bundle's items as a plan, and per item the
 * projection of the merged values — resolved again with the outputs of the items that already ran, so a
 * 参保日期 follows the 成立日期 that registration produced.
 */
export function createApplicationSource(options: {
  db: Db;
  dataDir: string;
  /** The portal that files an item; items without one (not automated yet) stay out of the plan. */
  portalOf: (itemId: string) => string | undefined;
}): PlanSource {
  const applications = new ApplicationsRepo(options.db);
  const documents = new DocumentsRepo(options.db);

  const load = async (applicationId: string): Promise<Application> => {
    const application = await applications.find(SYSTEM, applicationId);
    if (!application) throw new ApplicationNotFoundError(`No application ${applicationId}`);
    return application;
  };

  return {
    fieldOrigin,
    async plan(applicationId) {
      const application = await load(applicationId);
      const form = mergedFormOf(application.bundleId, application.options);
      const automated = form.items.filter((item) => options.portalOf(item) !== undefined);
      return automated.map((itemId) => ({
        itemId,
        portalId: options.portalOf(itemId) ?? '',
        needs: (form.needs[itemId] ?? []).filter((need) => automated.includes(need)),
      }));
    },

    async itemInput(applicationId, itemId, outputs) {
      const application = await load(applicationId);
      const stored = await documents.list(SYSTEM, applicationId);
      const resolved = resolveStoredApplication(application, stored, outputs);
      const projection = projectItem(itemId, resolved.values);
      const attached: Record<string, AttachedDocument> = {};
      for (const document of stored) {
        attached[document.id] = {
          path: join(options.dataDir, 'uploads', document.storageKey),
          fileName: document.fileName,
          mimeType: document.mimeType,
        };
      }
      return {
        applicationRef: application.reference,
        values: projection.values,
        documents: attached,
        missing: projection.missing.map((m) => ({
          field: m.row === undefined ? m.field : `${m.field}#${m.row + 1}`,
          label: m.label,
        })),
      };
    },
  };
}
