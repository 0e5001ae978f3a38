import { randomBytes } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { readZip, writeZip } from '../../lib/zip.ts';
import type { Secrets } from './secrets.ts';

const utf8 = new TextDecoder('utf-8', { fatal: true });

function asText(data: Buffer): string | undefined {
  try {
    return utf8.decode(data);
  } catch {
    return undefined;
  }
}

/**
 * Rewrites a Playwright trace with every secret of the run replaced: the trace keeps each call's parameters
 * (`fill("<password>")`), its log and its result (a read-back's `inputValue`), and with DOM snapshots the
 * pages and form posts too. Every text entry is searched, whatever call put the value there. The trace is
 * written to `to` (owner-only) through a temporary file, so a reader never sees half of it.
 */
export async function writeRedactedTrace(from: string, to: string, secrets: Secrets): Promise<void> {
  const entries = readZip(await readFile(from)).map((entry) => {
    const text = asText(entry.data);
    if (text === undefined) return entry;
    const redacted = secrets.redact(text);
    return redacted === text ? entry : { name: entry.name, data: Buffer.from(redacted, 'utf8') };
  });
  const temporary = `${to}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(temporary, writeZip(entries), { mode: 0o600 });
    await rename(temporary, to);
  } finally {
    await rm(temporary, { force: true });
  }
}
