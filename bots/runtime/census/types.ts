/**
 * What a census of a page finds: every field a person can fill there, as a person sees it, plus the
 * buttons and notices. It serves the drift check (a live portal compared with its declaration) and the
 * drafting of new declarations.
 *
 * Glossary
 * - label: the text a person reads beside the field, normalised as locators compare it (no spaces, `*`
 *   or colons). `labelFrom` says where it was read: a <label>/<th>/<dt>/label cell beside the field
 *   (`label`), a table column header (`column`), a fieldset legend (`legend`) or the placeholder.
 * - kind: the runtime's widget kind that would work the field (`text`, `div-select`, `layui-select` …), so
 *   a census field and a binding's widget compare directly.
 * - family: the UI library the field is built with (bots/runtime/families).
 */
import type { UiFamilyName } from '../types.ts';

export type LabelSource = 'label' | 'column' | 'legend' | 'placeholder';

export interface CensusField {
  label: string;
  labelFrom: LabelSource;
  /** Marked as required: a `*` by the label (text or drawn by CSS), `required`, `lay-verify="required"`. */
  required: boolean;
  kind: string;
  family: UiFamilyName;
  /** The option texts of a choice widget (a select's list is opened to load it); empty otherwise. */
  options: string[];
  /** The HTML name the portal receives the value under, when the widget has one. */
  name?: string;
  placeholder?: string;
  /** For a column field: the table's first header (序号), the `table` of a row Find. */
  table?: string;
}

export interface CensusNotice {
  /** The notice's title, or the text of the box that accepts it. */
  title: string;
  /** The text of the box a person ticks to accept it. */
  agree?: string;
}

export interface PageCensus {
  url: string;
  /** The page's headings (h1–h3, panel titles): what a step's `ready` is found by. */
  headings: string[];
  fields: CensusField[];
  /** Visible button texts, in page order, without duplicates. */
  buttons: string[];
  notices: CensusNotice[];
  /** Labels of the upload slots (also among `fields`, with an upload kind). */
  uploads: string[];
}
