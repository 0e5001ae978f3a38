import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { loadCase, type Row } from '../../forms/index.ts';
import { refreshResolution } from '../../server/workspace/workspace.ts';
import { RatingsRepo } from '../../store/ratings.repo.ts';
import { SMS_CODE, until } from '../../test/server/bots-harness.ts';
import { Client } from '../../test/server/client.ts';
import { type ReferenceCard, referenceIdCards } from '../../test/server/id-cards.ts';
import { recordLostWorker } from '../../test/server/lost-worker.ts';
import { fillReference, referenceTyped } from '../../test/server/reference.ts';
import { PEOPLE, type Person, type Stage } from './stage.ts';

/**
 * What each screen needs, made the way people make it (the API a browser calls, the clerk's one key, the
 * queue with scripted bots) except where only time would: readings stored as OCR stores them, and older
 * finished applications for the ratings.
 */
let cards: Promise<ReferenceCard[]> | undefined;
const idCards = () => (cards ??= referenceIdCards());

export async function signedIn(stage: Stage, person: Person): Promise<Client> {
  const client = new Client(stage.base);
  await client.login(PEOPLE[person].login, PEOPLE[person].password);
  return client;
}

export async function newApplication(stage: Stage, person: Person): Promise<{ client: Client; id: string }> {
  const client = await signedIn(stage, person);
  const created = await client.sendJson('POST', '/api/applications', {
    bundleId: 'open-company',
    centreId: 'longwen',
  });
  return { client, id: created.json<{ id: string }>().id };
}

const reading = (value: string, label: string): Record<string, unknown> => ({
  value,
  confidence: 0.99,
  status: 'confident',
  label,
});

/**
 * The three ID cards of application `id` as OCR reads them: the reference case's photos in place of the
 * uploaded test pictures, and their values read for sure — except, with `unsure`, the second person's name
 and address, which the reader was not sure of (请核对).
 */
export async function readCards(stage: Stage, id: string, unsure = false): Promise<void> {
  const { services, dataDir } = stage;
  await services.reader?.settled();
  const reference = await loadCase('reference');
  const documents = await services.documents.list({ kind: 'all' }, id);
  const persons = (await referenceTyped()).persons as readonly Row[];
  for (const [index, card] of (await idCards()).entries()) {
    const person = String(persons[index]?.id ?? '');
    const front = documents.find((doc) => doc.material === 'idCardFront' && doc.subject === person);
    const back = documents.find((doc) => doc.material === 'idCardBack' && doc.subject === person);
    const fields = reference.documents.find(
      (doc) => doc.kind === 'idCardFront' && doc.person === card.person,
    )?.fields;
    if (!front || !fields) continue;
    await writeFile(join(dataDir, 'uploads', front.storageKey), card.jpeg);
    const read = Object.fromEntries(
      Object.entries(fields).map(([name, value]) => [name, reading(value, name)]),
    );
    if (unsure && index === 1) {
      const doubt = { confidence: 0.62, status: 'needs-confirmation', notes: ['个别字符不够清晰'] };
      // No box: the clerk compares with the whole photo.
      read.name = { ...reading(fields.name ?? '', '姓名'), ...doubt };
      read.address = { ...reading(fields.address ?? '', '住址'), ...doubt };
    }
    await services.documents.setOcr(front.id, {
      status: 'done',
      result: { documentType: 'idCardFront', fields: read, warnings: [] },
    });
    if (back)
      await services.documents.setOcr(back.id, {
        status: 'done',
        result: { documentType: 'idCardBack', fields: {}, warnings: [] },
      });
  }
  await refreshResolution(services, id);
}

/** The reference case filled in by `person`; with `unsure`, the second person's name and address left to OCR. */
export async function filledCase(
  stage: Stage,
  person: Person,
  unsure = false,
): Promise<{ client: Client; id: string }> {
  const made = await newApplication(stage, person);
  await fillReference(made.client, made.id);
  if (unsure) {
    const typed = await referenceTyped();
    const persons = typed.persons as readonly Row[];
    const saved = await made.client.sendJson('PUT', `/api/applications/${made.id}/values`, {
      typed: {
        ...typed,
        persons: persons.map(({ name, address, ...row }, index) =>
          index === 1 ? row : { ...row, name, address },
        ),
      },
    });
    if (saved.status !== 200) throw new Error(`save failed: ${saved.status}`);
  }
  await readCards(stage, made.id, unsure);
  return made;
}

export async function submit(client: Client, id: string): Promise<void> {
  const reply = await client.sendJson('POST', `/api/applications/${id}/submit`);
  if (reply.status !== 200) throw new Error(`submit failed: ${reply.status} ${reply.text}`);
}

/** The clerk's one key. */
export async function dispatch(stage: Stage, id: string): Promise<void> {
  const clerk = await signedIn(stage, 'clerk');
  await clerk.get(`/desk/applications/${id}`);
  const pressed = await clerk.postForm(`/desk/applications/${id}/dispatch`, {});
  if (pressed.status !== 303) throw new Error(`one key answered ${pressed.status}`);
}

/** Waits for the seal portal's question and answers it as the applicant would. */
export async function answerSms(stage: Stage, id: string, code = SMS_CODE, prompt?: string): Promise<void> {
  const queue = stage.bots.queue;
  const open = await until(
    () => queue.openTasks([id]),
    (tasks) => tasks.some((task) => task.kind === 'sms-code' && (!prompt || task.prompt.includes(prompt))),
  );
  const task = open.find((candidate) => candidate.kind === 'sms-code');
  if (!(await queue.answerTask(task?.id ?? 0, code, stage.ids.applicant))) throw new Error('answer refused');
}

export function itemsSettle(stage: Stage, id: string, want: Record<string, string>): Promise<unknown> {
  return until(
    () => stage.bots.queue.items(id),
    (rows) =>
      Object.entries(want).every(
        ([item, status]) => rows.find((row) => row.itemId === item)?.status === status,
      ),
    60_000,
  );
}

export function applicationIs(stage: Stage, id: string, status: string): Promise<unknown> {
  return until(
    async () => (await stage.services.applications.find({ kind: 'all' }, id))?.status,
    (now) => now === status,
    60_000,
  );
}

/** Older finished applications of the other two applicants, rated as the detail page stores ratings. */
export async function ratedApplications(stage: Stage): Promise<void> {
  const ratings = new RatingsRepo(stage.db);
  const rated: [Person, string, number, string | null][] = [
    ['second', '漳州市龙文区云杉科技有限公司', 5, null],
    ['third', '漳州市龙文区松柏商贸有限公司', 4, null],
    ['second', '漳州市龙文区海棠餐饮有限公司', 2, '材料要求没有一次说清楚，跑了两趟'],
    ['third', '漳州市龙文区石竹文化传媒有限公司', 1, '等了很久没人回电话，请打 18650123456 联系我'],
  ];
  for (const [person, title, score, reason] of rated) {
    const { id } = await newApplication(stage, person);
    await stage.db.query(`UPDATE applications SET status = 'completed', title = $2 WHERE id = $1`, [
      id,
      title,
    ]);
    await stage.db.query(
      `INSERT INTO application_status_history (application_id, from_status, to_status, actor_id, actor_role, reason)
       VALUES ($1, 'submitted', 'processing', $2, 'clerk', '一键提交各部门')`,
      [id, stage.ids.clerk],
    );
    await ratings.add(stage.ids[person], id, score, reason);
  }
}

/** A second process that ran bots and stopped beating a minute ago: the workers page shows it as lost. */
export async function lostWorker(stage: Stage): Promise<void> {
  const redis = new Redis(stage.bots.redisUrl);
  await recordLostWorker(redis, 'worker-2', { version: '0.1.0', portals: ['tax', 'bank'] });
  redis.disconnect();
}
