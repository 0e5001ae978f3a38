import { ethnicityCodeOf } from '../../forms/codes/index.ts';
import { type FormValues, loadCase, type Row } from '../../forms/index.ts';
import type { Client } from './client.ts';
import { jpeg, pdf } from './fixtures.ts';

/**
 * The reference case of forms/ (a new LLC in 漳州市龙文区, three people) as an applicant would complete it
 * by hand: what the case types, plus what OCR would have read from the three ID cards, typed instead.
 */
export async function referenceTyped(): Promise<FormValues> {
  const reference = await loadCase('reference');
  const persons = (reference.typed.persons as readonly Row[]).map((person) => {
    const card =
      reference.documents.find((doc) => doc.kind === 'idCardFront' && doc.person === person.id)?.fields ?? {};
    return {
      ...person,
      name: card.name ?? '',
      idNumber: card.idNumber ?? '',
      ethnicity: ethnicityCodeOf(card.ethnicity ?? '') ?? '01',
      address: card.address ?? '',
    };
  });
  return { ...reference.typed, persons };
}

/** Saves the reference values through the API and uploads every material it needs; resolves to the version. */
export async function fillReference(client: Client, id: string): Promise<void> {
  const typed = await referenceTyped();
  const saved = await client.sendJson('PUT', `/api/applications/${id}/values`, { typed });
  if (saved.status !== 200) throw new Error(`save failed: ${saved.status} ${saved.text}`);
  const upload = async (material: string, subject: string | undefined, content: Buffer, name: string) => {
    const reply = await client.upload(
      `/api/applications/${id}/documents`,
      subject ? { material, subject } : { material },
      { name, content },
      { csrf: 'header' },
    );
    if (reply.status !== 201) throw new Error(`upload failed: ${reply.status} ${reply.text}`);
  };
  const picture = await jpeg(160, 100);
  for (const person of typed.persons as readonly Row[]) {
    await upload('idCardFront', String(person.id), picture, `${String(person.id)}-正面.jpg`);
    await upload('idCardBack', String(person.id), picture, `${String(person.id)}-反面.jpg`);
  }
  await upload('domicileProof', undefined, pdf(), '租赁合同.pdf');
}
