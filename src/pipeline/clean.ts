// Stage 1: clean. HTML tags and entities, scrape debris, page furniture and non-article sentences leave the text;
// every cleaned character keeps the offset of the original character it came from.

import { collect, looksLikeHtml, markupEdits, sortEdits, type Edit } from './clean-markup.ts';
import type { PipelineContext } from './context.ts';
import type { CleanDoc, Dropped, RawDoc, Span } from './types.ts';

/** Lines that end the article: everything after them is page furniture (related links, comments). */
const END_MARKERS =
  /^(related content|related articles|related posts|read more|more from|you may also like|recommended|comments)\s*(?::\s*)?$/i;
/** Whole lines that are page furniture. */
const FURNITURE_LINE =
  /^(share this( page| article)?:?|skip to (main )?content|published|advertisement|subscribe.*|sign up.*|follow us.*|print|email|tweet|share|-?\s*\d+\s*min(ute)? read)\s*$/i;
/** Byline lines: "September 19, 2025 by", "By Jane Doe"; `months` from the calendar lexicon (compiled once). */
export function bylinePattern(months: readonly string[]): RegExp {
  return new RegExp(
    `^((${months.join('|')})\\s+\\d{1,2},?\\s+\\d{4}(\\s+by)?|\\d{1,2}\\s+\\w+\\s+\\d{4}(\\s+by)?|by\\s+[A-Z][\\w.'-]+(\\s+[A-Z][\\w.'-]+){0,3})$`,
    'i',
  );
}
/** Sentences written by a chat assistant, not by the article's author. */
const NON_ARTICLE =
  /(^|(?<=[.!?]\s))(If you(’|')?d like|If you want,|Would you like me|Let me know if|I can help with|I hope this helps|As an AI|Sure[,!] here|Certainly[,!] here)[^\n]*/g;
/** Photo captions and credits: kept, but marked as captions. */
const CAPTION_LINE =
  /^(credit|photo|image|picture|caption)\s*:|\b(photo|image|picture) by\b|\/AFP|\bGetty Images\b|\bReuters\/|\(AFP\)/i;
/** A trailing source attribution; short headline-like lines after it are links to other articles. */
const SOURCE_LINE = /^source\s*:\s*\S.{0,80}$/i;

function isHeadlineLike(line: string): boolean {
  const t = line.trim();
  return t.length > 0 && t.length < 160 && !/[.!?…"”]$/.test(t);
}

/** Apply non-overlapping edits (sorted by start) to text; returns cleaned text and its offset map. */
function applyEdits(text: string, edits: Edit[]): { text: string; offsets: Int32Array } {
  // Kept stretches are copied as slices, not character by character, and the offset map is one typed array
  // (character by character, this was the stage's slowest part).
  let length = 0;
  let pos = 0;
  for (const e of edits) {
    if (e.start < pos) continue; // overlapped by an earlier edit
    length += e.start - pos + e.insert.length;
    pos = e.end;
  }
  length += text.length - pos;
  const parts: string[] = [];
  const offsets = new Int32Array(length + 1);
  let o = 0;
  pos = 0;
  for (const e of edits) {
    if (e.start < pos) continue;
    parts.push(text.slice(pos, e.start), e.insert);
    for (let i = pos; i < e.start; i++) offsets[o++] = i;
    for (let k = 0; k < e.insert.length; k++) offsets[o++] = e.start;
    pos = e.end;
  }
  parts.push(text.slice(pos));
  for (let i = pos; i < text.length; i++) offsets[o++] = i;
  offsets[o] = text.length;
  return { text: parts.join(''), offsets };
}

/** Pass 2: furniture and non-article lines, on the markup-free text. Returns edits and caption spans. */
function furnitureEdits(text: string, byline: RegExp): { edits: Edit[]; captions: Span[] } {
  const edits: Edit[] = [];
  const captions: Span[] = [];
  const lines: { start: number; end: number; text: string }[] = [];
  let pos = 0;
  for (const line of text.split('\n')) {
    lines.push({ start: pos, end: pos + line.length, text: line.trim() });
    pos += line.length + 1;
  }
  const drop = (start: number, end: number, reason: Dropped['reason']) =>
    edits.push({ start, end, insert: '', reason });
  // Are the non-empty lines after line i all headline-like (and is there one)? From the end, once: asked at every
  // source line, re-reading the rest each time was quadratic in a text of many source lines.
  let headlinesAfter: Int8Array | null = null; // 1 yes, 0 no (none after), -1 a non-headline after
  const onlyHeadlinesAfter = (i: number): boolean => {
    if (!headlinesAfter) {
      headlinesAfter = new Int8Array(lines.length);
      let state = 0;
      for (let k = lines.length - 1; k >= 0; k--) {
        headlinesAfter[k] = state;
        const t = (lines[k] as (typeof lines)[number]).text;
        if (t && state !== -1) state = isHeadlineLike(t) ? 1 : -1;
      }
    }
    return headlinesAfter[i] === 1;
  };
  let afterByline = false;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i] as (typeof lines)[number];
    if (!l.text) continue;
    if (END_MARKERS.test(l.text)) {
      drop(l.start, text.length, 'page-furniture');
      break;
    }
    if (SOURCE_LINE.test(l.text)) {
      if (onlyHeadlinesAfter(i)) {
        drop(l.start, text.length, 'page-furniture');
        break;
      }
      drop(l.start, l.end, 'page-furniture');
      continue;
    }
    if (FURNITURE_LINE.test(l.text)) {
      drop(l.start, l.end, 'page-furniture');
      continue;
    }
    if (byline.test(l.text)) {
      drop(l.start, l.end, 'page-furniture');
      afterByline = /\bby$/i.test(l.text);
      continue;
    }
    if (afterByline && l.text.split(/\s+/).length <= 4 && isHeadlineLike(l.text)) {
      drop(l.start, l.end, 'page-furniture'); // the author or publisher name under "... by"
      afterByline = false;
      continue;
    }
    afterByline = false;
    if (CAPTION_LINE.test(l.text)) captions.push({ start: l.start, end: l.end });
  }
  collect(
    NON_ARTICLE,
    text,
    0,
    (m) => ({ start: m.index, end: m.index + m[0].length, insert: '', reason: 'non-article' }),
    edits,
  );
  return { edits: sortEdits(edits), captions };
}

/** Collapse runs of spaces and blank lines left by removed markup. */
function whitespaceEdits(text: string): Edit[] {
  const edits: Edit[] = [];
  collect(
    /[ \t\u00a0]{2,}/g,
    text,
    0,
    (m) => ({ start: m.index, end: m.index + m[0].length, insert: ' ', reason: null }),
    edits,
  );
  collect(
    /(?<! ) +(?=\n)|(?<=\n) +/g, // "(?<! )": one try per run of spaces, not one per space (quadratic)
    text,
    0,
    (m) => ({ start: m.index, end: m.index + m[0].length, insert: '', reason: null }),
    edits,
  );
  collect(
    /\n{3,}/g,
    text,
    0,
    (m) => ({ start: m.index, end: m.index + m[0].length, insert: '\n\n', reason: null }),
    edits,
  );
  collect(/\r/g, text, 0, (m) => ({ start: m.index, end: m.index + 1, insert: '', reason: null }), edits);
  return sortEdits(edits);
}

/** Compose offset maps: stage maps b->a and c->b give c->a. */
function compose(outer: Int32Array, inner: Int32Array): Int32Array {
  const last = outer.length ? (outer[outer.length - 1] as number) : 0;
  const out = new Int32Array(inner.length);
  for (let k = 0; k < inner.length; k++) {
    const i = inner[k] as number;
    out[k] = i < outer.length ? (outer[i] as number) : last;
  }
  return out;
}

/** What the edits removed from `source`, at offsets in the original text (`at` maps a source position there). */
function droppedFrom(
  edits: Edit[],
  source: string,
  at: (pos: number) => number | undefined,
  original: string,
): Dropped[] {
  const out: Dropped[] = [];
  for (const e of edits) {
    if (!e.reason) continue;
    const removed = source.slice(e.start, e.end);
    if (!removed.trim()) continue;
    const start = at(e.start) ?? 0;
    const end = at(e.end) ?? original.length;
    out.push({
      reason: e.reason,
      start,
      end,
      text: removed.length > 500 ? `${removed.slice(0, 500)}…` : removed,
    });
  }
  return out;
}

/** Clean one document. Pure: same input, same output. */
export function cleanDoc(doc: Pick<RawDoc, 'id' | 'text' | 'format'>, ctx: PipelineContext): CleanDoc {
  const raw = doc.text.replace(/^\uFEFF/, '');
  const bom = doc.text.length - raw.length;
  const html = doc.format === 'html' || looksLikeHtml(raw);

  const e1 = markupEdits(raw, html);
  const s1 = applyEdits(raw, e1);
  const map1 = s1.offsets.map((o) => o + bom);

  const { edits: e2, captions: caps2 } = furnitureEdits(s1.text, ctx.words.byline);
  const s2 = applyEdits(s1.text, e2);
  const map2 = compose(map1, s2.offsets);

  const e3 = whitespaceEdits(s2.text);
  const s3 = applyEdits(s2.text, e3);
  const map3 = compose(map2, s3.offsets);

  // Trim the document ends.
  const lead = s3.text.length - s3.text.trimStart().length;
  const text = s3.text.trim();
  const offsets = map3.slice(lead, lead + text.length + 1);

  // Caption spans were found in s1's coordinates: carry them through s2 and s3 by original offsets.
  const captions: Span[] = [];
  for (const c of caps2) {
    const os = map1[c.start] ?? 0;
    const oe = map1[c.end] ?? 0;
    const start = offsets.findIndex((o) => o >= os);
    let end = start;
    while (end < text.length && (offsets[end] ?? 0) < oe) end++;
    if (start >= 0 && end > start) captions.push({ start, end });
  }

  // The markup edits were made on the raw text itself (BOM removed); the furniture edits on its cleaned form.
  const dropped = [
    ...droppedFrom(e1, raw, (p) => p + bom, doc.text),
    ...droppedFrom(e2, s1.text, (p) => map1[p], doc.text),
  ];
  dropped.sort((a, b) => a.start - b.start || a.end - b.end);
  return { id: doc.id, text, offsets, dropped, captions };
}
