import { randomBytes, randomUUID } from 'node:crypto';
import { type FormCase, loadCase } from '../../forms/index.ts';
import { hashPassword } from '../../server/auth/password.ts';
import { storeUpload } from '../../server/uploads/file-store.ts';
import { ApplicationsRepo } from '../../store/applications.repo.ts';
import type { Db } from '../../store/db.ts';
import { DocumentsRepo } from '../../store/documents.repo.ts';
import { UsersRepo } from '../../store/users.repo.ts';
import { documentPicture } from '../document-picture.ts';

const SYSTEM = { kind: 'all' } as const;
export const E2E_CENTRE = { id: 'longwen-centre', name: '漳州市龙文区政务服务中心' };

export interface SeededApplication {
  applicationId: string;
  reference: string;
  companyName: string;
  /** The applicant's login (a mobile number), for tests that sign in as them. */
  applicantLogin: string;
}

/** What a seeding may change in a case so that every run files a company of its own. */
export interface SeedOptions {
  /** 企业名称: typed for a new company; read from the licence photo when the case has one. */
  companyName?: string;
  /** 统一社会信用代码 printed on the licence photo (cases with an existing licence only). */
  creditCode?: string;
  /** The bundle's options and optional items, instead of the case's own choice. */
  choice?: FormCase['choice'];
  applicantPassword?: string;
  /** 'submitted' leaves it waiting for the clerk's one key (待审核); 'accepted' as the queue takes it. */
  status?: 'submitted' | 'accepted';
}

/** The case with the run's own company: on the licence reading when the case has one, else typed. */
function withCompany(loaded: FormCase, options: SeedOptions): FormCase {
  const formCase = options.choice ? { ...loaded, choice: options.choice } : loaded;
  const licence = formCase.documents.find((d) => d.kind === 'businessLicence' && d.fields);
  if (!licence) {
    return options.companyName
      ? { ...formCase, typed: { ...formCase.typed, 'company.name': options.companyName } }
      : formCase;
  }
  const fields = {
    ...licence.fields,
    ...(options.companyName ? { name: options.companyName } : {}),
    ...(options.creditCode ? { creditCode: options.creditCode } : {}),
  };
  return {
    ...formCase,
    documents: formCase.documents.map((d) => (d === licence ? { ...licence, fields } : d)),
  };
}

/** The company name a case files under: typed, or read from its licence photo. */
export function caseCompanyName(formCase: FormCase): string {
  const licence = formCase.documents.find((d) => d.kind === 'businessLicence');
  return String(licence?.fields?.name ?? formCase.typed['company.name']);
}

/**
 * The reference 开办企业 application (forms/cases/reference.json) stored as an applicant would have left it:
 * the typed values, the uploaded ID cards and lease with what OCR read from them, accepted by a clerk and
 * ready for one key. `companyName` gives each run its own company, so repeated runs against the same
 * sandbox never find each other's filings in 办件查询.
 */
export function seedReferenceApplication(
  db: Db,
  dataDir: string,
  options: SeedOptions = {},
): Promise<SeededApplication> {
  return seedCaseApplication(db, dataDir, 'reference', options);
}

/** A shipped case (`reference`, `restaurant`) or a loaded one, stored as its applicant would have left it. */
export async function seedCaseApplication(
  db: Db,
  dataDir: string,
  caseOrName: string | FormCase,
  options: SeedOptions = {},
): Promise<SeededApplication> {
  const loaded = typeof caseOrName === 'string' ? await loadCase(caseOrName) : caseOrName;
  const formCase = withCompany(loaded, options);
  const users = new UsersRepo(db);
  await users.upsertCentre(E2E_CENTRE);
  const login = `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
  const applicant = await users.create({
    role: 'applicant',
    login,
    displayName: '案例申请人',
    passwordHash: await hashPassword(
      options.applicantPassword ?? randomBytes(12).toString('base64url'),
      1024,
    ),
  });
  const companyName = caseCompanyName(formCase);
  const applications = new ApplicationsRepo(db);
  const application = await applications.create({
    applicantId: applicant.id,
    centreId: E2E_CENTRE.id,
    bundleId: formCase.bundle,
    options: formCase.choice,
    typed: formCase.typed,
  });
  const documents = new DocumentsRepo(db);
  for (const reading of formCase.documents) {
    const id = randomUUID();
    const content = documentPicture(`${reading.kind} ${reading.person ?? ''}`);
    const stored = await storeUpload(dataDir, application.id, id, content, 'jpeg');
    await documents.add(SYSTEM, {
      id,
      applicationId: application.id,
      material: reading.kind,
      subject: reading.person ?? null,
      fileName: `${reading.id}.jpg`,
      mimeType: 'image/jpeg',
      sizeBytes: content.length,
      sha256: stored.sha256,
      storageKey: stored.storageKey,
      uploadedBy: applicant.id,
    });
    if (reading.fields) {
      const fields = Object.fromEntries(
        Object.entries(reading.fields).map(([name, value]) => [
          name,
          { value, confidence: 0.99, status: 'confident' },
        ]),
      );
      await documents.setOcr(id, {
        status: 'done',
        result: { documentType: reading.kind, fields, warnings: [] },
      });
    }
  }
  const steps = [
    ['draft', 'submitted'],
    ['submitted', 'accepted'],
  ] as const;
  for (const [from, to] of steps.slice(0, options.status === 'submitted' ? 1 : 2)) {
    await applications.transition(SYSTEM, application.id, {
      from: [from],
      to,
      actorId: null,
      actorRole: 'system',
    });
  }
  return {
    applicationId: application.id,
    reference: application.reference,
    companyName,
    applicantLogin: login,
  };
}
