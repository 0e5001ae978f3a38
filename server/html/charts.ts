import { html, type SafeHtml } from './html.ts';

/**
 * Tiny inline SVG charts (markup, not script: the CSP allows them). Each has a text alternative, since a
 * chart alone says nothing to a screen reader.
 */
export function sparkline(
  values: readonly number[],
  label: string,
  options: { width?: number; height?: number } = {},
): SafeHtml {
  const width = options.width ?? 220;
  const height = options.height ?? 44;
  if (values.length < 2) return html`<p class="chart-empty">${label}：数据不足</p>`;
  const max = Math.max(...values, 1);
  const step = width / (values.length - 1);
  const points = values
    .map((value, i) => `${(i * step).toFixed(1)},${(height - 2 - (value / max) * (height - 4)).toFixed(1)}`)
    .join(' ');
  return html`<svg class="chart" viewBox="0 0 ${String(width)} ${String(height)}" width="${String(width)}" height="${String(height)}" role="img" aria-label="${label}：最近 ${String(values.at(-1) ?? 0)}，最高 ${String(max)}">
  <polyline points="${points}" fill="none" stroke="#1559c4" stroke-width="2" stroke-linejoin="round"></polyline>
</svg>`;
}

/** One bar per bucket (e.g. per hour); `null` marks a bucket without data. */
export function bars(
  values: readonly (number | null)[],
  label: string,
  options: { max?: number; width?: number; height?: number; good?: number } = {},
): SafeHtml {
  const width = options.width ?? 220;
  const height = options.height ?? 44;
  const known = values.filter((v): v is number => v !== null);
  if (known.length === 0) return html`<p class="chart-empty">${label}：暂无数据</p>`;
  const max = options.max ?? Math.max(...known, 1);
  const slot = width / values.length;
  return html`<svg class="chart" viewBox="0 0 ${String(width)} ${String(height)}" width="${String(width)}" height="${String(height)}" role="img" aria-label="${label}">
  ${values.map((value, i) => {
    if (value === null) return html``;
    const h = Math.max(2, (value / max) * (height - 2));
    const colour = options.good !== undefined && value < options.good ? '#c0312b' : '#1a7f4b';
    return html`<rect x="${(i * slot + 1).toFixed(1)}" y="${(height - h).toFixed(1)}" width="${Math.max(1, slot - 2).toFixed(1)}" height="${h.toFixed(1)}" fill="${colour}" rx="1"></rect>`;
  })}
</svg>`;
}
