import type { UiFamily } from './family.ts';

/** Plain HTML and the kit's widgets: the widgets of bots/runtime/widgets as they are. */
export const nativeFamily: UiFamily = { name: 'native', widget: () => undefined };
