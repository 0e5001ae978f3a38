import { join } from 'node:path';
import { readJson, writeJsonAtomic } from './atomic-file.ts';

/** A company as the market regulator publishes it to the other departments (data sharing, 信息共享). */
export interface RegisteredCompany {
  creditCode: string;
  name: string;
  legalRepName: string;
  legalRepIdNumber: string;
  /** 6-digit district code of the 住所. */
  regionCode: string;
  address: string;
  establishedDate: string;
  registrationAuthority: string;
  /** When the registration was approved (ISO); the other departments learn of it syncLagMs later. */
  registeredAt: string;
}

export type RegistryLookup =
  | { status: 'known'; company: RegisteredCompany }
  /** Registered, but not yet shared with this department: "工商信息尚未共享，请稍后再试". */
  | { status: 'not-yet-shared'; availableAt: string }
  | { status: 'unknown' };

export const NOT_YET_SHARED_MESSAGE = '工商信息尚未共享，请稍后再试';

/**
 * The inter-agency exchange between the portals of one process: market regulation registers approved
 * companies here, and tax and social insurance look them up through `lookup(code, theirSyncLagMs)`, which
 * hides a company until its registration is `syncLagMs` old. Kept in DATA_DIR/portals/registry.json.
 */
export class CompanyRegistry {
  readonly #file: string | undefined;
  readonly #companies = new Map<string, RegisteredCompany>();
  readonly #now: () => number;

  constructor(options: { dir?: string | undefined; now?: () => number } = {}) {
    this.#file = options.dir ? join(options.dir, 'registry.json') : undefined;
    this.#now = options.now ?? Date.now;
    const saved = this.#file ? (readJson(this.#file) as RegisteredCompany[] | undefined) : undefined;
    for (const company of saved ?? []) this.#companies.set(company.creditCode, company);
  }

  register(company: RegisteredCompany): void {
    this.#companies.set(company.creditCode, company);
    this.#save();
  }

  lookup(creditCode: string, syncLagMs: number): RegistryLookup {
    const company = this.#companies.get(creditCode.trim().toUpperCase());
    if (!company) return { status: 'unknown' };
    const availableAt = Date.parse(company.registeredAt) + syncLagMs;
    if (this.#now() < availableAt) {
      return { status: 'not-yet-shared', availableAt: new Date(availableAt).toISOString() };
    }
    return { status: 'known', company };
  }

  list(): RegisteredCompany[] {
    return [...this.#companies.values()];
  }

  reset(): void {
    this.#companies.clear();
    this.#save();
  }

  #save(): void {
    if (this.#file) writeJsonAtomic(this.#file, [...this.#companies.values()]);
  }
}
