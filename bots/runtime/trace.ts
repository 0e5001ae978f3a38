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
 * One entry of a trace with the secrets replaced. Text (the trace, the network log, pages in UTF-8) is
 * searched in every spelling; anything else (a page in GBK, a picture) has the secrets that are plain ASCII
 * (ID numbers, phones, accounts, codes, most passwords) overwritten byte for byte with `*`.
 */
export function redactEntry(data: Buffer, secrets: Secrets): Buffer {
  const text = asText(data);
  if (text !== undefined) {
    const redacted = secrets.redact(text);
    return redacted === text ? data : Buffer.from(redacted, 'utf8');
  }
  let out: Buffer | undefined;
  for (const secret of secrets.list()) {
    if (!/^[\x20-\x7e]+$/.test(secret)) continue;
    const needle = Buffer.from(secret, 'latin1');
    for (let at = (out ?? data).indexOf(needle); at >= 0; at = (out ?? data).indexOf(needle, at + 1)) {
      out ??= Buffer.from(data);
      out.fill(0x2a, at, at + needle.length);
    }
  }
  return out ?? data;
}

/**
 * Rewrites a Playwright trace with every secret of the run replaced: the trace keeps each call's parameters
 * (`fill("<password>")`), its log and its result (a read-back's `inputValue`), and with DOM snapshots the
 * pages and form posts too. Every text entry is searched, whatever call put the value there. The trace is
 * written to `to` (owner-only) through a temporary file, so a reader never sees half of it.
 */
export async function writeRedactedTrace(from: string, to: string, secrets: Secrets): Promise<void> {
  const entries = readZip(await readFile(from)).map((entry) => ({
    name: entry.name,
    data: redactEntry(entry.data, secrets),
  }));
  const temporary = `${to}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(temporary, writeZip(entries), { mode: 0o600 });
    await rename(temporary, to);
  } finally {
    await rm(temporary, { force: true });
  }
}
