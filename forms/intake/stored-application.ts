import type { BundleChoice } from '../bundles/types.ts';
import type { DocumentReading } from '../derive/documents.ts';
import { type Resolved, resolveForm } from '../derive/resolve.ts';
import { mergeBundle } from '../merge/merge.ts';
import type { MergedForm } from '../merge/types.ts';
import type { FormValues } from '../model/types.ts';

/**
 * How a stored application becomes forms/' input, shared by the web server (showing the form) and the queue
 * (projecting it for the bots), so both read it the same way. Inputs are structural: forms/ knows nothing
 * of the store.
 */

/** A stored choice, reduced to what forms/ accepts (anything else in the JSON is ignored). */
export function bundleChoiceOf(raw: Readonly<Record<string, unknown>>): BundleChoice {
  const strings = (value: unknown) =>
    Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  const options =
    raw.options && typeof raw.options === 'object'
      ? Object.fromEntries(
          Object.entries(raw.options as Record<string, unknown>).filter(
            (entry): entry is [string, string] => typeof entry[1] === 'string',
          ),
        )
      : {};
  return { options, omit: strings(raw.omit), include: strings(raw.include) };
}

const merged = new Map<string, MergedForm>();

/** The merged form of a bundle and stored choice; a pure function of both, so it is computed once and kept. */
export function mergedFormOf(bundleId: string, rawChoice: Readonly<Record<string, unknown>>): MergedForm {
  const choice = bundleChoiceOf(rawChoice);
  const key = JSON.stringify([bundleId, choice]);
  let form = merged.get(key);
  if (!form) {
    form = mergeBundle(bundleId, choice);
    if (merged.size > 200) merged.clear();
    merged.set(key, form);
  }
  return form;
}

/** An uploaded document as stored, with what OCR read from it (ocr/'s result kept as JSON). */
export interface StoredDocument {
  readonly id: string;
  /** The material slot, which is the document kind forms/ knows ('idCardFront', 'domicileProof'). */
  readonly material: string;
  /** Whose document it is, for per-person materials (a person's row id). */
  readonly subject: string | null;
  readonly ocrResult: unknown;
}

interface StoredOcrField {
  readonly value: string | null;
}

function ocrFieldsOf(result: unknown): Record<string, StoredOcrField> | undefined {
  if (!result || typeof result !== 'object') return undefined;
  const fields = (result as { fields?: unknown }).fields;
  return fields && typeof fields === 'object' ? (fields as Record<string, StoredOcrField>) : undefined;
}

/** Every document as forms/ wants it: its kind, whose it is, and the values OCR read from it. */
export function documentReadings(documents: readonly StoredDocument[]): DocumentReading[] {
  return documents.map((document) => {
    const read = ocrFieldsOf(document.ocrResult);
    const fields = read
      ? Object.fromEntries(
          Object.entries(read).flatMap(([name, field]) => (field?.value ? [[name, field.value]] : [])),
        )
      : undefined;
    return {
      id: document.id,
      kind: document.material,
      ...(document.subject ? { person: document.subject } : {}),
      ...(fields ? { fields } : {}),
    };
  });
}

/** The calendar day in Shanghai, 'yyyy-MM-dd' — the application date forms/ resolves against. */
export function shanghaiDay(date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(date);
}

/** A stored application as far as resolving it goes. */
export interface StoredApplication {
  readonly bundleId: string;
  readonly options: Readonly<Record<string, unknown>>;
  readonly typed: Readonly<Record<string, unknown>>;
  readonly createdAt: Date;
}

/**
 * The merged values of a stored application, resolved again with the outputs of the items that ran (only
 * their text values feed elements; lists such as 备案编码 stay with the item). The queue projects them for
 * the bots; the 办结通知书 and the 行业综合许可证 print them.
 */
export function resolveStoredApplication(
  application: StoredApplication,
  documents: readonly StoredDocument[],
  outputs: Iterable<readonly [string, Readonly<Record<string, unknown>>]>,
): Resolved {
  return resolveForm(mergedFormOf(application.bundleId, application.options), {
    typed: application.typed as FormValues,
    documents: documentReadings(documents),
    outputs: Object.fromEntries(
      [...outputs].map(([item, values]) => [
        item,
        Object.fromEntries(
          Object.entries(values).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
        ),
      ]),
    ),
    today: shanghaiDay(application.createdAt),
  });
}
