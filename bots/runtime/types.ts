import type { Locator, Page } from 'playwright-core';
import type { AttachedDocument, FieldComparison, ItemRunIo, ItemRunRequest } from '../item-runner.ts';
import type { CaptchaReader, RunnerSettings } from './options.ts';
import type { Secrets } from './secrets.ts';
import type { OptionLabels } from './widgets/common.ts';

/**
 * The vocabulary of portal declarations (bots/portals/<portal>/). A declaration is data plus small
 * functions; the runtime (this folder) does the rest: it finds widgets, types, reads back, waits, records
 * evidence and turns failures into BotErrors.
 *
 * Glossary
 * - Find: how a person finds something on the page — the text of its label (a <label>, a table header cell,
 *   a term), its role and name, its placeholder, its text. Raw CSS only with the reason beside it.
 * - field: the part of the page a label points at (the cell or block next to it), where a widget lives.
 * - binding: contract field id → Find → widget kind (which knows how to type the wire value and read it back).
 * - step: one page of the portal's wizard (`*.step.ts`), left by a button once its bindings are filled.
 */

export type AriaRole = Parameters<Page['getByRole']>[0];

export type Find =
  /** The field next to this label text (a <label>, <th>, <dt> or label cell); `*` and colons are ignored. */
  | { label: string }
  /** An element by its role and accessible name (buttons, headings, dialogs, groups of a fieldset). */
  | { role: AriaRole; name: string | RegExp; exact?: boolean }
  | { placeholder: string }
  /** The smallest element showing exactly this text. */
  | { text: string | RegExp }
  /** The cell of a grid whose row head and column head read these texts (财务负责人 × 姓名). */
  | { row: string; column: string }
  /** An element by its title attribute (an iframe is named only by its title). */
  | { title: string }
  /** A fieldset whose legend reads this text (a repeating row: 成员 2), not followed by another digit. */
  | { legend: string }
  /** The element right after a heading-like text (a notice's body after its title). */
  | { after: string }
  /** A row of a table with a column headed `table` (序号), whose first cell reads `tableRow` (1, 2 …). */
  | { tableRow: string; table: string }
  /** Inside a table row: the cell under the column headed by this text (姓名). */
  | { column: string }
  /** Only where nothing a person sees will do; `why` says so. */
  | { css: string; why: string };

/** Values of the item's projection (docs/item-fields.md): scalars by dotted id, groups as arrays of rows. */
export type Values = Readonly<Record<string, unknown>>;

/** How one kind of widget is typed into and read back. `fill` receives the wire value of the projection. */
/**
 * What is left of a fill once the page has what the bot gave it: waiting for the portal's answer to it (an
 * upload's result). The filler runs it after the page's other fields, so the bot types on, as a person does,
 * while the portal answers.
 */
export type Settle = () => Promise<void>;

/**
 * What a binding asks for, as data, for the widget kinds whose page side depends on the UI library the
 * portal is built on: the declaration's UI family (bots/runtime/families) turns a spec into the widget that
 * works that library's DOM. Widgets without a spec (text boxes, appointment grids) are the same everywhere.
 */
export type WidgetSpec =
  | { kind: 'select'; options?: OptionLabels | undefined }
  | { kind: 'region' }
  | { kind: 'date'; wire: string; shown: string; month?: boolean | undefined }
  | { kind: 'checkboxes'; options?: OptionLabels | undefined }
  | { kind: 'radio'; options?: OptionLabels | undefined }
  | { kind: 'checkbox'; label: string }
  | { kind: 'upload'; button: string }
  /** A notice to accept: `agree` is the box a person ticks; `accept` the dialog's button, if it has one. */
  | { kind: 'notice'; agree: string; accept?: string | undefined };

/** The component libraries the runtime can drive; `native` is plain HTML and the kit's own widgets. */
export type UiFamilyName = 'native' | 'layui' | 'antdv' | 'tdesign';

export interface Widget {
  readonly kind: string;
  /** The kind as data, for a UI family to supply its own widget (see WidgetSpec). */
  readonly spec?: WidgetSpec;
  // biome-ignore lint/suspicious/noConfusingVoidType: most widgets' fill returns nothing (an async function without a return); only some leave a Settle.
  fill(run: RunContext, field: Locator, value: unknown): Promise<void | Settle>;
  /**
   * What the page now holds, in the same terms as `expected`. Reads only: the step's screenshot is taken
   * while the values are read back, and a read that scrolled or typed would misplace its masks.
   */
  read(run: RunContext, field: Locator): Promise<string>;
  /** What the page should hold after `fill(value)`. */
  expected(value: unknown, run: RunContext): string;
  /** Comparison of `read` and `expected`; equality unless the widget knows better (order-free lists). */
  same?(onPage: string, expected: string): boolean;
  /**
   * Turns a directive of the projection into the concrete value to type: `auto:…` picks from the portal's
   * live list (branches, engravers, slots), `ask:sms-code` has a person answer. Widgets without it refuse
   * directives.
   */
  resolve?(run: RunContext, field: Locator, directive: string): Promise<string>;
  /** Widgets whose value lives in the page's own reading (a readonly, computed box) are not filled again. */
  readonly derived?: boolean;
  /**
   * The widget waits for what the portal loads (a cascade's next level, free slots) and takes a server
   * error meanwhile for its own: answers still outstanding (a `Settle`) are awaited before it starts.
   */
  readonly waitsOnPortal?: boolean;
  /**
   * Whether a refusal of `value` means somebody else took what the widget picked from what was free (the
   * earliest appointment slot), so filling again picks another; false for a value the applicant gave.
   */
  repicks?(value: unknown): boolean;
}

export interface Binding {
  /** Contract field id; inside a group, the row field's id (`name`, not `members[].name`). */
  field: string;
  find: Find;
  widget: Widget;
  /** Personal data (masked in screenshots and comparisons); default follows the field id. */
  personal?: boolean;
  /** Bound only when this holds for the item's values (the row's values inside a group). */
  when?(values: Values): boolean;
  /**
   * A value the portal wants that the item's form does not carry (the acceptance of a portal's own
   * 承诺书); `field` then names it for the evidence. Default: the projection's value of `field`.
   */
  value?(values: Values): unknown;
}

export interface GroupBinding {
  /** Contract id of the repeating group (`members`). */
  group: string;
  /** Row n (1-based) as a person sees it: `{ role: 'group', name: /^成员\s*1(?!\d)/ }`. */
  row(n: number): Find;
  /** The 添加 button that appends a row. */
  add: Find;
  /** Inside a row: its 删除 button (surplus rows are removed). */
  remove?: Find;
  bindings: Binding[];
}

export type StepField = Binding | GroupBinding;

export const isGroup = (field: StepField): field is GroupBinding => 'group' in field;

/** One page of a portal's wizard. */
export interface StepDeclaration {
  /** What the evidence calls it, in Chinese: 填写基本信息. */
  name: string;
  /** Something that shows this page is open (its heading). */
  ready: Find;
  /** When the form sits in an iframe: the frame, found like any element. */
  frame?: Find;
  fields: StepField[];
  /** The button that saves the page and moves on (not used on the last page: see `SubmitDeclaration`). */
  next?: Find;
  /** Field id for messages shown above the form rather than beside a field (e.g. 出资比例合计…). */
  pageErrorField?: string;
  /** False when the page posts by XHR and stays put until the answer (default: the button loads a page). */
  navigates?: boolean;
}

export interface SubmitDeclaration {
  /** A check button (检查/校验) the portal wants pressed before it enables submitting, with its success text. */
  check?: { button: Find; passed: string | RegExp };
  /** The final submit button. */
  button: Find;
  /** False when submitting posts by XHR and the page moves on by script (default: a form post). */
  navigates?: boolean;
}

export interface ReceiptDeclaration {
  /** Shows the receipt page is open. */
  ready: Find;
  /** The receipt's own number. */
  reference: Find;
  /** Outputs (docs/item-fields.md "produces") by id; absent ones are simply not known yet. */
  outputs: Readonly<Record<string, Find>>;
  /** Outputs of group rows (seal filing codes): id → the column header of the receipt's table, in row order. */
  listOutputs?: Readonly<Record<string, string>>;
  /** True when the item's result comes later (registration: 受理 now, credit code after review). */
  awaiting?(outputs: Record<string, string>): boolean;
}

/** How to find an earlier submission in 办件查询 / 我的办件. */
export interface QueryDeclaration {
  path: string;
  /** The search box and what to type into it for this item. */
  search: { find: Find; value(values: Values, request: { applicationRef: string }): string };
  /** The search box for a receipt's own number (办件编号), used by follow-ups. */
  byReference: Find;
  /** The search button. */
  button: Find;
  /** The results table, found by one of its column headers. */
  tableHeader: string;
  /** Whether a row (column header → cell text) is this item's earlier submission. */
  matches(row: Record<string, string>, values: Values): boolean;
  /** The link in a row that opens its receipt. */
  open: Find;
  /** The column with the time of filing (China time, yyyy-MM-dd HH:mm:ss), to tell a fresh filing from an old one. */
  submittedColumn?: string;
}

export type LoginStep = ((run: RunContext) => Promise<void>) & {
  /**
   * The style of the image CAPTCHA the login shows, if any: a worker whose reader serves that style draws
   * the glyph templates early.
   */
  readonly imageCaptchaStyle?: string;
  /**
   * Set when a kept session of the run's portal account is the login (a password account): the run may go
   * to the form at once. Not for logins by the company's own data (tax), whose account is the company.
   */
  readonly keptSessionLogsIn?: boolean;
};

export interface PortalDeclaration {
  portalId: string;
  itemId: string;
  /** A portal that changes gets a new declaration version beside the old one. */
  version: string;
  /**
   * The UI library the portal's forms are built on; its bindings keep the usual kinds (select, date, upload,
   * checkboxes …) and the runtime drives that library's widgets for them. Default `native`.
   */
  ui?: UiFamilyName;
  login: LoginStep;
  /** The path that starts a new application. */
  entry: string;
  steps: StepDeclaration[];
  submit: SubmitDeclaration;
  receipt: ReceiptDeclaration;
  /**
   * How a retried run finds an earlier submission: the portal's 办件查询, or its 我的申请 list. Absent when the
   * portal has neither: a retry that may follow a final click then stops and becomes a clerk's task, never a
   * blind second filing (docs/exactly-once.md).
   */
  query?: QueryDeclaration;
  /** An idempotency marker typed into a free-text field and looked for in the query's list. */
  marker?: MarkerDeclaration;
  /**
   * The portal's own words for "not now" rather than "no", besides the busy page and the expired session
   * every portal shows: the step is tried again after a pause.
   */
  unavailableTexts?: readonly string[];
  /**
   * "Not now" that another try in a moment will not fix (another department's copy lags): the run goes back
   * to the queue at once, to be tried again later.
   */
  notLocalTexts?: readonly string[];
}

/**
 * A free-text field (备注) the portal keeps and shows in its list: before the final click the runtime types a
 * marker unique to the application and item there, and an earlier filing is the row whose `column` holds it.
 * For lists that cannot tell one filing of a company from another by time alone.
 */
export interface MarkerDeclaration {
  field: Find;
  /** The list's column showing the free text. */
  column: string;
}

/** A bound widget on the current page, kept for the read-back and for mapping the portal's messages. */
export interface BoundField {
  fieldId: string;
  binding: Binding;
  field: Locator;
  value: unknown;
  /** Masked in screenshots and in the read-back (its field or its value is personal). */
  personal: boolean;
  /** The portal's answer still outstanding (the fill returned a Settle). */
  settle?: Settle;
}

/** What a declaration's functions and the widgets see of a run. */
export interface RunContext {
  readonly page: Page;
  readonly request: ItemRunRequest;
  readonly io: ItemRunIo;
  readonly settings: RunnerSettings;
  readonly readCaptcha: CaptchaReader | undefined;
  readonly values: Values;
  /** The portal's base URL joined with a path. */
  url(path: string): string;
  /** Masks this locator in the screenshots of the current page. */
  mask(locator: Locator): void;
  /** Values never shown in full (masked in screenshots and read-backs, cut from the trace). */
  readonly secrets: Secrets;
  /** Server errors (5xx) answered to the requests of the document now shown. */
  trouble(): readonly string[];
  /** Forgets those errors once a retried request went through. */
  clearTrouble(): void;
  /** Messages the page showed in alert() boxes since the step began (they are accepted at once). */
  dialogs(): readonly string[];
  /** The portal's reason for the last SMS code it refused in this run (undefined before any). */
  lastSmsRefusal(): string | undefined;
  /** A document named by an upload value `{ document: id }`. */
  document(id: string): AttachedDocument;
  /** Whether the portal's words say "not now" rather than "no" (busy, lagging, an ended session). */
  saysNotNow(text: string): boolean;
  /** Rows of the typed-vs-intended comparison collected so far. */
  readonly comparison: FieldComparison[];
}
