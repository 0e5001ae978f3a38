import { readFile } from 'node:fs/promises';
import { type FormCase, parseCase } from './case.ts';

const REFERENCE = new URL('./reference.json', import.meta.url);

/** Reads a case file; `reference` names the reference case shipped in forms/cases/. The only file I/O in forms/. */
export async function loadCase(fileOrName: string): Promise<FormCase> {
  const url = fileOrName === 'reference' ? REFERENCE : fileOrName;
  let text: string;
  try {
    text = await readFile(url, 'utf8');
  } catch {
    throw new Error(`无法读取案例文件：${fileOrName}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new Error(`案例文件不是合法的 JSON：${fileOrName}`);
  }
  return parseCase(data);
}
