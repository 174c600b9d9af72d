// Plain-text tables for the terminal.

import { round } from '../common/geo.ts';

/** Right-align numbers, left-align text; first row is the header. */
export function formatTable(rows: readonly (readonly string[])[]): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  const numeric = (s: string): boolean =>
    /^[-+]?[\d.,]+\s*(%|km|x|MB\/s|MB|docs\/s|ms|s)?$/.test(s) || s === '-';
  const line = (row: readonly string[]): string =>
    row
      .map((cell, i) =>
        numeric(cell) && i > 0 ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0),
      )
      .join('  ')
      .trimEnd();
  const [head, ...body] = rows;
  if (head === undefined) return '';
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(head), rule, ...body.map(line)].join('\n');
}

/** A fraction as a percentage with one decimal, or "-" when undefined. */
export const pct = (x: number | null | undefined): string =>
  x === null || x === undefined ? '-' : `${(x * 100).toFixed(1)}%`;

/** Kilometres: no decimals from 100 km, one below. */
export const km = (x: number | null | undefined): string =>
  x === null || x === undefined ? '-' : x >= 100 ? `${Math.round(x)} km` : `${x.toFixed(1)} km`;

/** Round to 4 decimals for JSON output (null stays null). */
export const round4 = (x: number | null): number | null => (x === null ? null : round(x, 4));
