// Stage 2: segment. Cleaned text -> sentences (ICU's sentence rules, UAX #29: through Intl.Segmenter, built into
// Node and browsers, or for lines in Latin-1 letters the same rules in sentence-breaks.ts, which runs the stage at
// 115 MB/s against 38 through Intl.Segmenter alone and 0.83 for the sentence-splitter package, which also missed
// "by 2022. This shift") and pipe tables (with or without leading "|"),
// repeated tables dropped once seen. Table rows also become 'table-row' sentences so places in them are spotted.

import { latinSentenceRanges } from './sentence-breaks.ts';
import type { CleanDoc, Segmented, Sentence, Span, Table, TableRow } from './types.ts';

interface Line {
  start: number;
  end: number;
  text: string;
}

/**
 * A table's separator line ("|---|:---:|"), tested on trimmed lines only: "^\s*" and "\s*$" there are empty, and
 * leaving them out keeps two white-space runs from sitting side by side (every split of a long run was tried).
 */
const SEPARATOR = /^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$/;

/** A sentence longer than this is cut into pieces, at white space when it can be: every later stage pays at
 *  least a sentence's length for each thing found in it (a 1 MB line of "Gao " did not build in minutes).
 *  The longest sentence in the bundled, synthetic and evaluation corpora is 589 characters. */
export const MAX_SENTENCE_CHARS = 1000;

function isTableLine(text: string): boolean {
  const t = text.trim();
  if (SEPARATOR.test(t)) return true;
  let pipes = 0;
  for (let i = t.indexOf('|'); i >= 0 && pipes < 3; i = t.indexOf('|', i + 1)) pipes++;
  // "a | b |" or "| a | b |" or "a | b": at least two cells.
  return pipes >= 2 || (pipes === 1 && !t.startsWith('|') && !t.endsWith('|') && t.length < 300);
}

function splitCells(line: string): string[] {
  let t = line.trim();
  if (t.startsWith('|')) t = t.slice(1);
  if (t.endsWith('|')) t = t.slice(0, -1);
  return t.split('|').map((c) => c.trim());
}

function lines(text: string): Line[] {
  const out: Line[] = [];
  let pos = 0;
  for (const l of text.split('\n')) {
    out.push({ start: pos, end: pos + l.length, text: l });
    pos += l.length + 1;
  }
  return out;
}

function tableKey(t: { header: string[]; rows: TableRow[] }): string {
  return [t.header, ...t.rows.map((r) => r.cells)].map((r) => r.join('|').toLowerCase()).join('\n');
}

function inSpans(spans: Span[], start: number, end: number): boolean {
  return spans.some((s) => start >= s.start && end <= s.end);
}

const SEGMENTER = new Intl.Segmenter('en', { granularity: 'sentence' });
/** UAX #29 breaks after any full stop before a capital; these end a sentence only rarely. */
const NO_BREAK_AFTER =
  /(?:^|[\s(])(?:[A-Z]|Mr|Mrs|Ms|Dr|Prof|Gen|Col|Lt|Capt|Maj|Sgt|Cpl|Gov|Sen|Rep|Pres|St|Mt|No|Nos|vs|etc|Jr|Sr|Inc|Ltd|Co|Corp|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.\s*$/;

/**
 * NO_BREAK_AFTER on a sentence's last characters only: the pattern spans at most a separator, four letters and a
 * full stop before trailing white space, and a regex anchored at the end still scans from the start.
 */
function noBreakAfter(sentence: string): boolean {
  const trimmed = sentence.trimEnd(); // trimEnd removes exactly what \s matches
  if (trimmed.length <= 7) return NO_BREAK_AFTER.test(trimmed);
  // "x" stands for the cut-off text: neither a separator nor a start of text.
  return NO_BREAK_AFTER.test(`x${trimmed.slice(-7)}`);
}

/** "at 1 p.m. (1200 GMT), when ...": a clock time's full stop before a bracket or a lower-case word ends nothing
 * ("at 1 p.m. The raid ..." still does). `end` is the previous range's end, `next` the next range's start. */
function clockGoesOn(text: string, end: number, next: number): boolean {
  if (!/\b[ap]\.m\.\s*$/i.test(text.slice(Math.max(0, end - 6), end))) return false;
  return /^[(\p{Ll}]/u.test(text.slice(next, next + 1));
}

/** Sentence ranges of one line: ICU's boundaries, re-joined after initials and abbreviations ("Amadou T. Touré"). */
function sentenceRanges(text: string): [number, number][] {
  const out: [number, number][] = [];
  for (const [start, end] of latinSentenceRanges(text) ?? icuSentenceRanges(text)) {
    const prev = out[out.length - 1];
    if (prev && (noBreakAfter(text.slice(prev[0], prev[1])) || clockGoesOn(text, prev[1], start)))
      prev[1] = end;
    else out.push([start, end]);
  }
  return out;
}

/** ICU's sentence ranges through Intl.Segmenter. */
export function icuSentenceRanges(text: string): [number, number][] {
  const out: [number, number][] = [];
  for (const seg of SEGMENTER.segment(text)) out.push([seg.index, seg.index + seg.segment.length]);
  return out;
}

/**
 * Does the document hold nothing but short unpunctuated lines? Then its "headings" are its text (a one-line
 * dispatch, a field note without a full stop), not titles restating a story told below.
 */
export function onlyHeadings(sentences: readonly Sentence[]): boolean {
  return sentences.length > 0 && sentences.every((s) => s.kind === 'heading' || s.kind === 'table-row');
}

/** Does a trimmed line have at most n words (white-space separated)? Stops counting at n + 1. */
function atMostWords(trimmed: string, n: number): boolean {
  let words = 1;
  for (let i = 1; i < trimmed.length; i++) {
    if (/\s/.test(trimmed.charAt(i)) && !/\s/.test(trimmed.charAt(i - 1)) && ++words > n) return false;
  }
  return true;
}

const isSpace = (c: string) => /\s/.test(c);

/**
 * Push a trimmed sentence starting at `start`, cut into pieces of at most MAX_SENTENCE_CHARS: at the last white
 * space in a piece's second half, else at the limit (never between the two halves of a surrogate pair).
 */
function pushSentence(out: Sentence[], start: number, text: string, kind: Sentence['kind']): void {
  const max = MAX_SENTENCE_CHARS;
  let from = 0;
  while (text.length - from > max) {
    let cut = from + max;
    let k = cut;
    while (k > from + max / 2 && !isSpace(text.charAt(k))) k--;
    if (k > from + max / 2) cut = k;
    else if (/[\udc00-\udfff]/.test(text.charAt(cut))) cut--;
    const piece = text.slice(from, cut).trimEnd();
    out.push({ index: out.length, start: start + from, end: start + from + piece.length, text: piece, kind });
    from = cut;
    while (from < text.length && isSpace(text.charAt(from))) from++;
  }
  const rest = text.slice(from);
  out.push({ index: out.length, start: start + from, end: start + text.length, text: rest, kind });
}

/** Split one block of prose into sentences with offsets. */
function sentencesOf(line: Line, captions: Span[], out: Sentence[]): void {
  const trimmed = line.text.trim();
  if (!trimmed) return;
  const lead = line.text.indexOf(trimmed);
  const caption = inSpans(captions, line.start, line.end);
  const listItem = /^[-*•]\s+/.test(trimmed);
  if (!caption && !listItem && !/[.!?…"”]$/.test(trimmed) && atMostWords(trimmed, 16)) {
    pushSentence(out, line.start + lead, trimmed, 'heading');
    return;
  }
  for (const [s, e] of sentenceRanges(line.text)) {
    const raw = line.text.slice(s, e);
    const t = raw.trim();
    if (!t) continue;
    const off = line.start + s + raw.indexOf(t);
    pushSentence(out, off, t, caption ? 'caption' : listItem ? 'list-item' : 'sentence');
  }
}

/** Segment a cleaned document. */
export function segment(doc: Pick<CleanDoc, 'text' | 'captions'>): Segmented {
  const sentences: Sentence[] = [];
  const tables: Table[] = [];
  const seen = new Map<string, Table>();
  const all = lines(doc.text);
  for (let i = 0; i < all.length;) {
    const line = all[i] as Line;
    if (!isTableLine(line.text)) {
      sentencesOf(line, doc.captions, sentences);
      i++;
      continue;
    }
    // Collect the block of table lines.
    const block: Line[] = [];
    while (i < all.length && isTableLine((all[i] as Line).text)) block.push(all[i++] as Line);
    const hasSeparator = block.some((l) => SEPARATOR.test(l.text.trim()));
    if (block.length < 2 || !hasSeparator) {
      // Not a table after all: a sentence with a pipe in it.
      for (const l of block) sentencesOf(l, doc.captions, sentences);
      continue;
    }
    const content = block.filter((l) => !SEPARATOR.test(l.text.trim()));
    const headerLine = content[0] as Line;
    const header = splitCells(headerLine.text);
    let ragged = 0;
    const rows: TableRow[] = content.slice(1).map((l) => {
      let cells = splitCells(l.text);
      if (cells.length !== header.length) {
        ragged++;
        // Pad short rows, fold extra cells into the last column: a ragged row loses no text.
        if (cells.length < header.length)
          cells = [...cells, ...Array<string>(header.length - cells.length).fill('')];
        else cells = [...cells.slice(0, header.length - 1), cells.slice(header.length - 1).join(' | ')];
      }
      return { start: l.start, end: l.end, cells };
    });
    const first = block[0] as Line;
    const last = block[block.length - 1] as Line;
    const table: Table = {
      index: tables.length,
      start: first.start,
      end: last.end,
      header,
      rows,
      duplicates: 0,
      ragged,
    };
    const key = tableKey(table);
    const earlier = seen.get(key);
    if (earlier) {
      earlier.duplicates++;
      continue;
    }
    seen.set(key, table);
    tables.push(table);
    for (const r of rows) {
      const text = doc.text.slice(r.start, r.end).trim();
      const lead = doc.text.slice(r.start, r.end).indexOf(text);
      pushSentence(sentences, r.start + lead, text, 'table-row');
    }
  }
  return { sentences, tables };
}
