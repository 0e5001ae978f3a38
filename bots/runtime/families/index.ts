import type { UiFamilyName } from '../types.ts';
import { antdvFamily } from './antdv/index.ts';
import type { UiFamily } from './family.ts';
import { layuiFamily } from './layui.ts';
import { nativeFamily } from './native.ts';
import { tdesignFamily } from './tdesign.ts';

export { adapt, type UiFamily } from './family.ts';

const FAMILIES: Readonly<Record<UiFamilyName, UiFamily>> = {
  native: nativeFamily,
  layui: layuiFamily,
  antdv: antdvFamily,
  tdesign: tdesignFamily,
};

/** The family a declaration names (`ui`), native by default. */
export const familyFor = (name: UiFamilyName | undefined): UiFamily => FAMILIES[name ?? 'native'];
