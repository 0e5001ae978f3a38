import type { Request } from 'express';
import { bundleDef, itemDef, mergedFormOf, resolveStoredApplication, scalar } from '../../forms/index.ts';
import { type ApplicationItemRow, applicationItems } from '../../store/application-items.repo.ts';
import type { Application } from '../../store/applications.repo.ts';
import { type LicenceRow, LicencesRepo } from '../../store/licences.repo.ts';
import { ApplicationActions } from '../applications/actions.ts';
import { scopeOf } from '../applications/scope.ts';
import { formatTime } from '../html/components.ts';
import { signedIn } from '../http/context.ts';
import { conflict, HttpError } from '../http/errors.ts';
import { ITEM_STATUS } from '../pages/progress.ts';
import type { Services } from '../services.ts';
import {
  type LicenceFacts,
  licenceFacts,
  licenceFactsSchema,
  notYetIssuable,
  permitItems,
} from './licence-facts.ts';
import { licencePdf } from './licence-pdf.ts';
import { noticePdf } from './notice-pdf.ts';
import type { PdfFont } from './pdf.ts';
import { receiptWords } from './receipt-words.ts';

export interface IssuedLicence {
  number: string;
  token: string;
  facts: LicenceFacts;
}

/** 综许〔2026〕000001号: the year of issue and the serial of all licences issued by this system. */
const licenceNumber = (serial: number, issuedAt: Date) =>
  `综许〔${formatTime(issuedAt).slice(0, 4)}〕${String(serial).padStart(6, '0')}号`;

const today = () => formatTime(new Date()).slice(0, 10);

/**
 * The documents of a finished application, built from what the store holds: the 行业综合许可证 (issued once,
 * its facts frozen as printed, with the token its QR code carries) and the 办结通知书. Who may have them is the
 * application's scope: its applicant, its centre's clerks, admins.
 */
export class ApplicationDocuments {
  readonly #actions: ApplicationActions;
  readonly #licences: LicencesRepo;

  readonly #font: PdfFont;

  constructor(private readonly services: Services) {
    this.#font = services.options.pdfFont;
    this.#actions = new ApplicationActions(services);
    this.#licences = new LicencesRepo(services.db);
  }

  async #centreName(application: Application): Promise<string> {
    return (await this.services.users.findCentre(application.centreId))?.name ?? application.centreId;
  }

  async #resolved(application: Application) {
    const rows = await applicationItems.list(this.services.db, application.id);
    const documents = await this.services.documents.list({ kind: 'all' }, application.id);
    const values = resolveStoredApplication(
      application,
      documents,
      rows.map((row) => [row.itemId, row.outputs] as const),
    ).values;
    return { rows, values };
  }

  /** The licence as issued, issuing it now if every permit is granted; 409 with the reason otherwise. */
  async licence(req: Request, id: string): Promise<IssuedLicence> {
    const application = await this.#actions.get(req, id);
    const issued = await this.#licences.find(scopeOf(signedIn(req)), application.id);
    if (issued) return asIssued(issued);
    const { rows, values } = await this.#resolved(application);
    const reason = notYetIssuable(application, rows);
    if (reason) throw conflict(reason);
    const facts = licenceFacts({
      application,
      values,
      rows,
      issuer: await this.#centreName(application),
      // Dated the day the last permit was granted, not the day someone first downloaded it.
      issuedOn: formatTime(grantedAt(rows, permitItems(application))).slice(0, 10),
    });
    return asIssued(await this.#licences.issue(application.id, licenceNumber, facts));
  }

  /** Whether the application's licence can be had now (issued, or ready to issue), for the pages' links. */
  async licenceState(application: Application): Promise<'none' | 'pending' | 'ready'> {
    if (!bundleDef(application.bundleId).licence) return 'none';
    const rows = await applicationItems.list(this.services.db, application.id);
    return notYetIssuable(application, rows) ? 'pending' : 'ready';
  }

  async licencePdf(req: Request, id: string, origin: string): Promise<{ pdf: Buffer; number: string }> {
    const licence = await this.licence(req, id);
    const verifyUrl = `${this.services.options.publicUrl ?? origin}/verify/${licence.token}`;
    return {
      pdf: await licencePdf(licence.facts, { number: licence.number, verifyUrl }, this.#font),
      number: licence.number,
    };
  }

  /** 办结通知书 of a finished application (every item done); 409 before. */
  async noticePdf(req: Request, id: string): Promise<Buffer> {
    const application = await this.#actions.get(req, id);
    if (application.status !== 'completed') throw conflict('办件尚未全部办结，办结后即可下载办结通知书');
    const { rows, values } = await this.#resolved(application);
    // The notice names the licence when its permits were granted; a permit not granted leaves it out.
    const licence = bundleDef(application.bundleId).licence
      ? await this.licence(req, id).catch((error: unknown) => {
          if (error instanceof HttpError && error.status === 409) return undefined;
          throw error;
        })
      : undefined;
    const items = mergedFormOf(application.bundleId, application.options).items.map((itemId) => {
      const item = itemDef(itemId);
      const row = rows.find((candidate) => candidate.itemId === itemId);
      return {
        name: item.name,
        department: item.department,
        status: ITEM_STATUS[row?.status ?? 'manual'].label,
        words: receiptWords(itemId, row?.receipt, row?.outputs),
      };
    });
    return noticePdf(
      {
        reference: application.reference,
        bundleName: bundleDef(application.bundleId).name,
        company: scalar(values, 'company.name') ?? application.title ?? '',
        centre: await this.#centreName(application),
        issuedOn: today(),
        items,
        ...(licence ? { licenceNumber: licence.number } : {}),
      },
      this.#font,
    );
  }

  /** The public verification page's look-up: the facts as printed, or undefined for an unknown token. */
  async verify(token: string): Promise<(IssuedLicence & { issuedAt: Date }) | undefined> {
    const row = await this.#licences.byToken(token);
    return row && { ...asIssued(row), issuedAt: row.issuedAt };
  }
}

/** When the last of the permits was granted (its item row's last change). */
function grantedAt(rows: readonly ApplicationItemRow[], permits: readonly string[]): Date {
  const times = rows.filter((row) => permits.includes(row.itemId)).map((row) => row.updatedAt.getTime());
  return new Date(Math.max(...times));
}

function asIssued(row: LicenceRow): IssuedLicence {
  return { number: row.number, token: row.token, facts: licenceFactsSchema.parse(row.facts) };
}
