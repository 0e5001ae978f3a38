import type { Row } from '../../forms/index.ts';
import { refreshResolution } from '../../server/workspace/workspace.ts';
import type { Client } from './client.ts';
import type { TestServer } from './harness.ts';
import { fillReference, referenceTyped } from './reference.ts';

/** Where the unsure name sits in the 160×100 test photo fillReference uploads. */
export const NAME_BOX = { left: 20, top: 30, width: 60, height: 20 };

/**
 * The reference case where OCR, not the applicant, gave the second person's name and address, both unsure
 * (请核对): the name with the box it was read from, the address without one. Resolves to their values.
 */
export async function fillWithUnsureReadings(
  web: TestServer,
  applicant: Client,
  id: string,
): Promise<{ name: string; address: string }> {
  await fillReference(applicant, id);
  const typed = await referenceTyped();
  const persons = typed.persons as readonly Row[];
  const second = persons[1] as Row;
  const { name, address, ...rest } = second;
  const saved = await applicant.sendJson('PUT', `/api/applications/${id}/values`, {
    typed: { ...typed, persons: persons.map((person) => (person === second ? rest : person)) },
  });
  if (saved.status !== 200) throw new Error(`save failed: ${saved.status} ${saved.text}`);
  const documents = await web.services.documents.list({ kind: 'all' }, id);
  const card = documents.find((doc) => doc.material === 'idCardFront' && doc.subject === second.id);
  if (!card) throw new Error('no ID card of the second person');
  const unsure = (value: string, label: string) => ({
    value,
    confidence: 0.62,
    status: 'needs-confirmation',
    label,
    notes: ['个别字符不够清晰'],
  });
  await web.services.documents.setOcr(card.id, {
    status: 'done',
    result: {
      documentType: 'idCardFront',
      warnings: [],
      fields: {
        name: { ...unsure(String(name), '姓名'), box: NAME_BOX },
        address: unsure(String(address), '住址'),
      },
    },
  });
  await refreshResolution(web.services, id);
  return { name: String(name), address: String(address) };
}
