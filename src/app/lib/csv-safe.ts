// One CSV cell that a spreadsheet shows as text and never runs: article text reaches every export, so a sentence
// beginning "=HYPERLINK(...)" must not become a formula, however it is disguised (issue 11).
/* eslint-disable no-control-regex -- control characters are exactly what these patterns look for */

/**
 * What may hide in front of a formula: white space, controls (NUL, tab, CR...), and invisible format characters
 * (soft hyphen, zero-width space/joiners, word joiner, bidi marks and controls, BOM, interlinear annotations).
 */
const HIDING =
  /^[\s\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]*/;
/** Characters that start a formula in Excel, LibreOffice or Google Sheets. */
const FORMULA_START = /^[=+\-@]/;
/** A control or invisible character at the very start: shown as nothing, or cut by some readers (NUL). */
const LEADING_HIDDEN =
  /^[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]/;
/** A plain number, which may start with "-" and stays a number. */
const NUMBER = /^-?\d+(\.\d+)?$/;
/** Cells holding any of these are quoted: the separators readers guess (, ; tab), quotes and line breaks. */
const NEEDS_QUOTES = /[",;\t\n\r\u2028\u2029]/;

/**
 * A CSV cell (RFC 4180): a cell that starts with = + - @ after any white space, control or invisible
 * character, or starts with a control or invisible character at all, is prefixed with "'" so it reads as text;
 * the text itself is kept (nothing removed). Any cell holding a separator, quote or line break is quoted.
 */
export function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  let s = String(v);
  const hidden = (HIDING.exec(s) as RegExpExecArray)[0].length;
  if (!NUMBER.test(s) && (FORMULA_START.test(s.slice(hidden)) || LEADING_HIDDEN.test(s))) s = `'${s}`;
  return NEEDS_QUOTES.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}
