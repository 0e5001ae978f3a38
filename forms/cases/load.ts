import { readFile } from 'node:fs/promises';
import { type FormCase, parseCase } from './case.ts';

/** The cases shipped in forms/cases/: the 开办企业 reference case and the 开餐饮店 one. */
const SHIPPED: Readonly<Record<string, URL>> = {
  reference: new URL('./reference.json', import.meta.url),
  restaurant: new URL('./restaurant.json', import.meta.url),
};

/** Reads a case file, or a shipped case by its name (`reference`, `restaurant`). The only file I/O in forms/. */
export async function loadCase(fileOrName: string): Promise<FormCase> {
  const url = SHIPPED[fileOrName] ?? fileOrName;
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
