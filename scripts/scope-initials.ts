/**
 * Writes forms/codes/business-scope-initials.ts: the 拼音 initials of every 经营范围 item, searched by the
 * applicant's picker ('rjkf' finds 软件开发). Run after changing the items: `npx tsx scripts/scope-initials.ts`.
 * test/forms/codes/scope-initials.test.ts fails while the file is out of date.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { scopeInitialsSource } from '../forms/codes/scope-initials-source.ts';

const target = fileURLToPath(new URL('../forms/codes/business-scope-initials.ts', import.meta.url));
writeFileSync(target, scopeInitialsSource());
console.log(`wrote ${target}`);
