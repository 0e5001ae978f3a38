import { expect } from 'vitest';
import { Client } from './client.ts';
import type { TestServer } from './harness.ts';
import { fillReference } from './reference.ts';

/**
 * The people of the 龙文 centre's usual day: an applicant, a clerk and an admin, and the applicant's reference
 * 开办企业 application filled in and submitted. Returns the application's id.
 */
export async function submittedReferenceApplication(web: TestServer): Promise<string> {
  await web.addUser('applicant', '13805961234', 'Owner-pass-1', { name: '林志远' });
  await web.addUser('clerk', 'clerk.longwen', 'Clerk-pass-1', { name: '王窗口', centreId: 'longwen' });
  await web.addUser('admin', 'the.admin', 'Admin-pass-1', { name: '李管理' });
  const applicant = new Client(web.base);
  await applicant.login('13805961234', 'Owner-pass-1');
  const id = (
    await applicant.sendJson('POST', '/api/applications', { bundleId: 'open-company', centreId: 'longwen' })
  ).json<{ id: string }>().id;
  await fillReference(applicant, id);
  expect((await applicant.sendJson('POST', `/api/applications/${id}/submit`)).status).toBe(200);
  return id;
}
