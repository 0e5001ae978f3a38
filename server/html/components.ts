import type { ApplicationStatus } from '../../store/applications.repo.ts';
import { DEFAULT_SERVER_OPTIONS } from '../options.ts';
import { cls, type HtmlValue, html, type SafeHtml } from './html.ts';

/**
 * Small building blocks shared by the pages. Errors sit beside their field (`aria-describedby`), labels
 * are real `<label>`s, and nothing here takes raw HTML from a string.
 */
export type FieldErrors = Record<string, string | undefined>;

export interface InputField {
  name: string;
  label: string;
  value?: string | null;
  error?: string | undefined;
  hint?: string;
  type?: 'text' | 'password' | 'tel' | 'email' | 'number' | 'date' | 'search';
  required?: boolean;
  autocomplete?: string;
  inputmode?: 'numeric' | 'tel' | 'text' | 'decimal' | 'email';
  maxlength?: number;
  placeholder?: string;
  id?: string;
}

const fieldId = (name: string) => `f-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;

function fieldShell(
  id: string,
  label: string,
  required: boolean,
  control: SafeHtml,
  hint?: string,
  error?: string,
) {
  return html`<div class="${cls('field', error && 'field--error')}">
  <label class="field__label" for="${id}">${label}${required ? html`<span class="field__required" aria-hidden="true">*</span>` : ''}</label>
  ${control}
  ${hint ? html`<p class="field__hint" id="${id}-hint">${hint}</p>` : ''}
  ${error ? html`<p class="field__error" id="${id}-error" role="alert">${error}</p>` : ''}
</div>`;
}

function describedBy(id: string, hint?: string, error?: string): string | undefined {
  const ids = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

export function inputField(field: InputField): SafeHtml {
  const id = field.id ?? fieldId(field.name);
  const described = describedBy(id, field.hint, field.error);
  const control = html`<input class="input" id="${id}" name="${field.name}" type="${field.type ?? 'text'}"
    value="${field.type === 'password' ? '' : (field.value ?? '')}"${attr('autocomplete', field.autocomplete)}${attr('inputmode', field.inputmode)}${attr('maxlength', field.maxlength)}${attr('placeholder', field.placeholder)}${attr('aria-describedby', described)}${field.error ? html` aria-invalid="true"` : ''}${field.required ? html` required` : ''}>`;
  return fieldShell(id, field.label, field.required ?? false, control, field.hint, field.error);
}

export interface SelectField {
  name: string;
  label: string;
  options: readonly { value: string; label: string }[];
  value?: string | null;
  error?: string | undefined;
  hint?: string;
  required?: boolean;
  /** A first, empty choice ("请选择"). */
  placeholder?: string;
}

export function selectField(field: SelectField): SafeHtml {
  const id = fieldId(field.name);
  const described = describedBy(id, field.hint, field.error);
  const control = html`<select class="input" id="${id}" name="${field.name}"${attr('aria-describedby', described)}${field.error ? html` aria-invalid="true"` : ''}${field.required ? html` required` : ''}>
    ${field.placeholder !== undefined ? html`<option value="">${field.placeholder}</option>` : ''}
    ${field.options.map((option) => html`<option value="${option.value}"${option.value === field.value ? html` selected` : ''}>${option.label}</option>`)}
  </select>`;
  return fieldShell(id, field.label, field.required ?? false, control, field.hint, field.error);
}

export function textareaField(
  field: Omit<InputField, 'type' | 'autocomplete' | 'inputmode'> & { rows?: number },
) {
  const id = field.id ?? fieldId(field.name);
  const described = describedBy(id, field.hint, field.error);
  const control = html`<textarea class="input" id="${id}" name="${field.name}" rows="${field.rows ?? 3}"${attr('maxlength', field.maxlength)}${attr('aria-describedby', described)}${field.error ? html` aria-invalid="true"` : ''}${field.required ? html` required` : ''}>${field.value ?? ''}</textarea>`;
  return fieldShell(id, field.label, field.required ?? false, control, field.hint, field.error);
}

function attr(name: string, value: string | number | undefined): SafeHtml | '' {
  return value === undefined || value === '' ? '' : html` ${name}="${String(value)}"`;
}

export function csrfField(token: string): SafeHtml {
  return html`<input type="hidden" name="_csrf" value="${token}">`;
}

export type AlertKind = 'info' | 'success' | 'warning' | 'error';
export function alertBox(kind: AlertKind, message: HtmlValue, title?: string): SafeHtml {
  return html`<div class="alert alert--${kind}" role="${kind === 'error' ? 'alert' : 'status'}">
  ${title ? html`<p class="alert__title">${title}</p>` : ''}<div class="alert__body">${message}</div>
</div>`;
}

/** Status names as applicants and clerks read them, with the badge colour. */
export const STATUS_LABELS: Record<ApplicationStatus, string> = {
  draft: '草稿',
  submitted: '待审核',
  returned: '退回修改',
  accepted: '已受理',
  processing: '办理中',
  completed: '已办结',
  withdrawn: '已撤回',
};

export function statusBadge(status: ApplicationStatus): SafeHtml {
  return html`<span class="badge badge--${status}">${STATUS_LABELS[status]}</span>`;
}

export function emptyState(title: string, text: HtmlValue, action?: SafeHtml): SafeHtml {
  return html`<div class="empty">
  <div class="empty__mark" aria-hidden="true"></div>
  <p class="empty__title">${title}</p>
  <p class="empty__text">${text}</p>
  ${action ?? ''}
</div>`;
}

let centreClock = clockFor(DEFAULT_SERVER_OPTIONS.timeZone);

function clockFor(timeZone: string): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat('zh-CN', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  });
}

/**
 * The centre's time zone for every time a page shows. One installation serves one centre's clock, set
 * once from ServerOptions.timeZone when the services are made (pages format times in many small helpers).
 */
export function setCentreTimeZone(timeZone: string): void {
  centreClock = clockFor(timeZone);
}

/** The centre's IANA time zone ('Asia/Shanghai'), for calendar arithmetic done elsewhere. */
export function centreTimeZone(): string {
  return centreClock.resolvedOptions().timeZone;
}

/** Midnight at the start of a calendar day (YYYY-MM-DD) on the centre's clock: date filters use it. */
export function centreDayStart(day: string): Date {
  const guess = Date.parse(`${day}T00:00:00Z`);
  // The zone's offset at an instant: the wall-clock time there read as if it were UTC, minus the instant.
  const offsetAt = (instant: number) => {
    const parts = centreClock.formatToParts(new Date(instant));
    const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
    const wall = `${part('year')}-${part('month')}-${part('day')}T${part('hour')}:${part('minute')}:${part('second')}Z`;
    return Date.parse(wall) - instant;
  };
  const first = guess - offsetAt(guess);
  // Across a daylight-saving change the offset at midnight differs from the one at the guess.
  return new Date(guess - offsetAt(first));
}

/** Date and time to the second as people in the centre read them: 2024-11-22 14:05:09 (the centre's zone). */
export function formatTime(date: Date | null | undefined): string {
  if (!date) return '—';
  const parts = centreClock.formatToParts(date);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}:${part('second')}`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
