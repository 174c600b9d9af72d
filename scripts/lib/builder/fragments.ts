// One built document as the bytes its outputs will hold: each list's items serialised and joined by commas, and
// its section of report.txt (names escaped as report-text.ts escapes them). A worker makes these once; the cache
// stores them and the writer appends them, so the cached and the fresh build write the very same bytes.

import type { DocOutput } from '../../../src/pipeline/build.ts';
import { packClaims } from '../../../src/pipeline/claim-index.ts';
import { summarySection, type DocTally } from '../../../src/pipeline/report.ts';
import { escapeControls } from '../escape.ts';
import { escapeStrings } from '../report-text.ts';

/** What the main thread keeps of a document: what it adds to the counts, and its claims for grouping packed
 * (claim-index.ts packClaims: the document's string tables and each claim's fields as indexes into them), their
 * sentence text left out (it is in the claimText fragment: a claim's text is a third of its memory and grouping
 * never reads it). The main thread never reads the claims: it hands their bytes on to the grouping worker, which
 * adds them to its index without parsing each claim's JSON. */
export interface DocRecord {
  claims: Uint8Array;
  tally: DocTally;
}

export const FRAGMENTS = ['source', 'risk', 'mentions', 'unlocated', 'dropped', 'text', 'claimText'] as const;
export type DocFragments = Record<(typeof FRAGMENTS)[number], string>;
/** Fragments as read from the cache: UTF-8 bytes, written as they are (no decoding and encoding again). */
export type DocBytes = Record<(typeof FRAGMENTS)[number], string | Uint8Array>;

const list = (items: readonly unknown[]): string => items.map((x) => JSON.stringify(x)).join(',');

export function recordOf(o: DocOutput): DocRecord {
  return { claims: packClaims(o.claims), tally: o.report.tally };
}

export function fragmentsOf(o: DocOutput): DocFragments {
  const r = o.report;
  // Only the fields the summary reads are escaped (escapeStrings escapes each string field on its own), not the
  // mentions' and events' sentences.
  const section = summarySection(escapeControls(o.id), {
    mentions: r.mentions.map(({ start, end, surface, why }) => escapeStrings({ start, end, surface, why })),
    unlocated: r.unlocated.map(({ event_type, start, end, why }) =>
      escapeStrings({ event_type, start, end, why }),
    ),
    // Only the 80 characters the summary quotes are escaped (the escape is per character, so the same bytes).
    dropped: r.dropped.map(({ reason, start, end, text }) =>
      escapeStrings({ reason, start, end, text: text.slice(0, 80) }, 'text'),
    ),
  });
  return {
    source: JSON.stringify(o.source),
    risk: list(o.risk),
    mentions: list(r.mentions),
    unlocated: list(r.unlocated),
    dropped: list(r.dropped),
    text: section.map((line) => `\n${line}`).join(''),
    // One JSON string a line (JSON escapes every newline), in claim order.
    claimText: o.claims.map((c) => `${JSON.stringify(c.text)}\n`).join(''),
  };
}
