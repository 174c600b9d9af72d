// Stage 1, pass 1: markup. HTML tags (whole or broken by a bad scrape), entities, script blocks, debris and
// bidi controls become edits of the original text. Every pattern here is linear in the text: a regex that can
// start anew inside a long run of one character and rescan it (TAG_TAIL: 320,000 spaces took 137 s) is replaced
// by a scan that finds the same matches; tests/security/linear-text.test.ts builds a 1 MB run of each class.

import he from 'he';
import type { Dropped } from './types.ts';

/** An edit of the original text: replace [start, end) by `insert`. */
export interface Edit {
  start: number;
  end: number;
  insert: string;
  reason: Dropped['reason'] | null;
}

const BLOCK_TAGS =
  'p|div|h[1-6]|li|ul|ol|tr|table|tbody|thead|section|article|header|footer|br|hr|blockquote|figure';
const CELL_TAGS = 'td|th';
const INLINE_TAGS =
  'strong|em|b|i|u|a|span|font|small|sup|sub|figcaption|caption|label|abbr|cite|mark|time|nav|aside';
const ALL_TAGS = `${BLOCK_TAGS}|${CELL_TAGS}|${INLINE_TAGS}|t\\s?d|t\\s?h|t\\s?r|img|script|style|iframe|meta|link`;

// A tag, whole or broken by a bad scrape: "<p>", "< / li >", "</ ul & gt;", "< strong>". ("\s*(?:/\s*)?", not
// "\s*/?\s*": two white-space runs side by side try every split of a long run, quadratic in its length.)
const TAG_RE = new RegExp(
  `(?:<|&\\s?lt\\s?;)\\s*(?:/\\s*)?(?:${ALL_TAGS})\\b[^<>\\n]{0,200}?(?:>|&\\s*gt\\s*;)`,
  'gi',
);
// The tag name and ">" of a tag whose "<" was lost: "strong>", "h2>", "li >"; tagTailEdits adds what precedes.
const TAG_TAIL_NAME_RE = new RegExp(`(?:${ALL_TAGS})\\s*>`, 'gi');
/** Characters after which a lost-"<" tag tail may start (or the line's start). */
const TAIL_BOUNDARY = /[\s.;:!?&|]/;
// Entities, including broken ones with spaces: "& nbsp ;", "& lt;".
const ENTITY_RE = /&\s?(#\d{1,6}|#x[0-9a-f]{1,6}|[a-z]{2,8})\s?;/gi;
// Leftover tag-ish symbols in a debris line: "< ;", "<&", lone "&", "[Source]".
const DEBRIS_RE = /<\s*;|<\s*&|\[Source\]|&(?!\s?#?\w{2,8}\s?;)/g;
// Script and style blocks: the opening tag here, its closing tag found by scriptEdits (a lazy "[\s\S]*?" up to
// the closing tag rescans the rest of the text for every unclosed "<script": quadratic).
const SCRIPT_OPEN_RE = /<\s*(script|style)\b/gi;
const SCRIPT_CLOSE_RE = { script: /<\s*\/\s*script\s*>/gi, style: /<\s*\/\s*style\s*>/gi };
/** Bidirectional embeddings, overrides and isolates (U+202A-202E, U+2066-2069): invisible, they can show a name
 *  or a sentence reversed, so cleaning removes them (the marks LRM/RLM, which reorder nothing, stay). */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;

/** Is there `<\s*(html|body|p|div|article|br)\b[^>]*>` in the first 20,000 characters? Found as "an opening, then
 *  a ">" after it": the regex itself scans to the sample's end for every opening without a ">". */
export function looksLikeHtml(text: string): boolean {
  const sample = text.slice(0, 20000);
  const m = /<\s*(html|body|p|div|article|br)\b/i.exec(sample);
  return m !== null && sample.indexOf('>', m.index + m[0].length) >= 0;
}

export function collect(
  re: RegExp,
  text: string,
  base: number,
  make: (m: RegExpExecArray) => Edit | null,
  edits: Edit[],
) {
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    const e = make(m);
    if (e) edits.push({ ...e, start: e.start + base, end: e.end + base });
  }
}

/** May a lost-"<" tag tail start at p: the line's start or after TAIL_BOUNDARY? */
function boundaryBefore(line: string, p: number): boolean {
  return p === 0 || TAIL_BOUNDARY.test(line.charAt(p - 1));
}

/**
 * The tails of tags whose "<" was lost ("strong>", "h2>", "li >", "p > ") in one line, as the regex
 * `(?:^|(?<=[\s.;:!?&|]))/?\s*(?:TAGS)\s*>` would find them, in linear time: that regex starts anew at every
 * character of a white-space run and scans to its end (320,000 spaces took 137 s). Here the tag name is found
 * first and the match extended back over the white space and an optional "/" before it, to the leftmost start
 * the regex would take.
 */
function tagTailEdits(line: string, edits: Edit[]): void {
  const re = TAG_TAIL_NAME_RE;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(line))) {
    const i = m.index;
    let w0 = i;
    while (w0 > 0 && /\s/.test(line.charAt(w0 - 1))) w0--;
    let start = -1;
    if (w0 > 0 && line.charAt(w0 - 1) === '/' && boundaryBefore(line, w0 - 1)) start = w0 - 1;
    else if (boundaryBefore(line, w0)) start = w0;
    else if (w0 < i) start = w0 + 1;
    if (start < 0) {
      re.lastIndex = i + 1; // not a tail here; the regex would go on from the next character
      continue;
    }
    const end = i + m[0].length;
    const tag = line.slice(start, end);
    edits.push({ start, end, insert: tagReplacement(tag), reason: 'html-debris' });
  }
}

/** Script and style blocks: from the opening tag to the first closing tag of the same name after it. */
function scriptEdits(raw: string, edits: Edit[]): void {
  const open = SCRIPT_OPEN_RE;
  open.lastIndex = 0;
  const unclosed = new Set<string>();
  let m: RegExpExecArray | null;
  while ((m = open.exec(raw))) {
    const name = (m[1] as string).toLowerCase() as keyof typeof SCRIPT_CLOSE_RE;
    if (unclosed.has(name)) continue; // no closing tag after an earlier opening: none after this one either
    const close = SCRIPT_CLOSE_RE[name];
    close.lastIndex = m.index + m[0].length;
    const c = close.exec(raw);
    if (!c) {
      unclosed.add(name);
      continue;
    }
    edits.push({ start: m.index, end: c.index + c[0].length, insert: ' ', reason: 'html-debris' });
    open.lastIndex = c.index + c[0].length;
  }
}

const BLOCK_NAME_RE = new RegExp(`^(${BLOCK_TAGS})`);

function tagReplacement(tag: string): string {
  const name = tag
    .replace(/[<>/&;]|gt/gi, ' ')
    .trim()
    .split(/\s+/)
    .join('')
    .toLowerCase();
  if (/^(td|th)/.test(name)) return ' | ';
  if (BLOCK_NAME_RE.test(name)) return '\n';
  return ' ';
}

const asTag = (m: RegExpExecArray): Edit => ({
  start: m.index,
  end: m.index + m[0].length,
  insert: tagReplacement(m[0]),
  reason: 'html-debris',
});

const asEntity = (m: RegExpExecArray): Edit | null => {
  const name = (m[1] as string).toLowerCase();
  const decoded = he.decode(`&${name};`);
  if (decoded === `&${name};`) return null; // not an entity
  // Encoded brackets in a debris line are broken tags: drop them.
  const insert = decoded === '<' || decoded === '>' ? ' ' : decoded === '\u00a0' ? ' ' : decoded;
  return { start: m.index, end: m.index + m[0].length, insert, reason: 'html-debris' };
};

const asDebris = (m: RegExpExecArray): Edit => ({
  start: m.index,
  end: m.index + m[0].length,
  insert: m[0].startsWith('[') ? '' : ' ',
  reason: 'html-debris',
});

/** Markup edits of one line starting at `lineStart` of the text, pushed onto `edits` in text offsets. */
function lineEdits(line: string, lineStart: number, html: boolean, edits: Edit[]): void {
  const found: Edit[] = [];
  collect(TAG_RE, line, 0, asTag, found);
  tagTailEdits(line, found);
  collect(ENTITY_RE, line, 0, asEntity, found);
  const debrisLine = found.length > 0 || html;
  if (debrisLine) collect(DEBRIS_RE, line, 0, asDebris, found);
  for (const e of found) edits.push({ ...e, start: e.start + lineStart, end: e.end + lineStart });
}

/** Pass 1: markup. Returns edits on the original text. */
export function markupEdits(raw: string, html: boolean): Edit[] {
  const edits: Edit[] = [];
  scriptEdits(raw, edits);
  collect(
    BIDI_CONTROLS,
    raw,
    0,
    (m) => ({ start: m.index, end: m.index + 1, insert: '', reason: null }),
    edits,
  );
  // Work line by line so debris rules only touch lines that carry debris. Empty lines hold nothing to find (a
  // million of them cost seconds in per-line work alone).
  for (let lineStart = 0; lineStart <= raw.length;) {
    let lineEnd = raw.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = raw.length;
    if (lineEnd > lineStart) lineEdits(raw.slice(lineStart, lineEnd), lineStart, html, edits);
    lineStart = lineEnd + 1;
  }
  if (html) {
    // Any remaining tag in a real HTML file.
    collect(
      /<[^<>]{1,500}>/g,
      raw,
      0,
      (m) => ({ start: m.index, end: m.index + m[0].length, insert: ' ', reason: 'html-debris' }),
      edits,
    );
  }
  return sortEdits(edits);
}

export function sortEdits(edits: Edit[]): Edit[] {
  edits.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Edit[] = [];
  let end = -1;
  for (const e of edits) {
    if (e.start >= end) {
      out.push(e);
      end = e.end;
    }
  }
  return out;
}
