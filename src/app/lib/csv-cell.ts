// One CSV cell, shared by every CSV the map writes.

// The cell itself (formula starts behind white space, NUL or invisible characters; quoting): csv-safe.ts (issue 11).
import { csvCell } from './csv-safe.ts';

export { csvCell };

/** Rows of cells as CRLF lines (RFC 4180), header first. */
export function csvLines(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
