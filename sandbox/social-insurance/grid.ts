import { html, type SafeHtml } from '../kit/html/escape.ts';

/**
 * The agency's table layout (an older 金保 system): label cells (`<th>`) beside value cells (`<td>`), two
 * pairs per row, no `<label>` elements at all — a person (or a bot) finds a field by the text of the cell
 * to its left. The error message sits in the value cell, under the control.
 */
export interface GridCell {
  label: string;
  control: SafeHtml;
  required?: boolean;
  error?: string | undefined;
  hint?: string;
  /** Spans the rest of the row (addresses, cascades, check lists). */
  wide?: boolean;
}

function cellPair(cell: GridCell): SafeHtml {
  return html`<th${cell.required ? html` class="is-required"` : ''}>${cell.label}</th><td class="si-value${cell.error ? ' is-error' : ''}"${cell.wide ? html` colspan="3"` : ''}>${cell.control}${cell.hint ? html`<div class="si-hint">${cell.hint}</div>` : ''}<div class="si-error" role="alert">${cell.error ?? ''}</div></td>`;
}

/** One table row: one wide cell, or two cells side by side. */
export function gridRow(first: GridCell, second?: GridCell): SafeHtml {
  const filler = second || first.wide ? '' : html`<th></th><td></td>`;
  return html`<tr>${cellPair(first)}${second ? cellPair(second) : filler}</tr>`;
}

/** A titled block of the form: a caption bar and its table. */
export function gridBlock(title: string, rows: readonly SafeHtml[]): SafeHtml {
  return html`<div class="si-block"><div class="si-block__title">${title}</div><table class="k-grid si-grid"><colgroup><col class="si-col-label"><col class="si-col-value"><col class="si-col-label"><col class="si-col-value"></colgroup><tbody>${rows}</tbody></table></div>`;
}
