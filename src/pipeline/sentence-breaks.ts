// ICU's sentence boundaries (UAX #29, the rules Intl.Segmenter applies) for lines written in Latin-1 letters,
// computed here in one pass. Why not just Intl.Segmenter: iterating its segments costs about 1.8 µs each in V8,
// two thirds of the segment stage's time, while these rules over these few character classes are a short loop.
// Any line with a character outside the classes below returns null and goes to Intl.Segmenter, and
// tests/pipeline/sentence-breaks.test.ts checks the two agree on every line of the corpora and on random text.
// The rules, from https://www.unicode.org/reports/tr29/#Sentence_Boundary_Rules (no ParaSep, Extend or Format
// occurs in these lines):
//   SB6  ATerm × Numeric
//   SB7  (Upper | Lower) ATerm × Upper
//   SB8  ATerm Close* Sp* × ( ¬(OLetter | Upper | Lower | ParaSep | SATerm) )* Lower
//   SB8a SATerm Close* Sp* × (SContinue | SATerm)
//   SB9  SATerm Close* × (Close | Sp | ParaSep)
//   SB10 SATerm Close* Sp* × (Sp | ParaSep)
//   SB11 SATerm Close* Sp* ParaSep? ÷
//   SB998 Any × Any

const OTHER = 0;
const SP = 1;
const LOWER = 2;
const UPPER = 3;
const NUMERIC = 4;
const ATERM = 5;
const STERM = 6;
const CLOSE = 7;
const SCONTINUE = 8;
/** Outside the classes handled here: the line goes to ICU. */
const UNKNOWN = 9;

/** Sentence_Break class of each code unit below 0x100 (Latin-1), from SentenceBreakProperty.txt. */
const LATIN1 = new Uint8Array(256).fill(UNKNOWN);
(() => {
  for (let c = 0x20; c < 0x7f; c++) LATIN1[c] = OTHER;
  LATIN1[0x09] = SP;
  LATIN1[0x20] = SP;
  LATIN1[0xa0] = SP;
  for (let c = 0x61; c <= 0x7a; c++) LATIN1[c] = LOWER;
  for (let c = 0x41; c <= 0x5a; c++) LATIN1[c] = UPPER;
  for (let c = 0x30; c <= 0x39; c++) LATIN1[c] = NUMERIC;
  LATIN1[0x2e] = ATERM; // .
  LATIN1[0x21] = STERM; // !
  LATIN1[0x3f] = STERM; // ?
  for (const c of [0x22, 0x27, 0x28, 0x29, 0x5b, 0x5d, 0x7b, 0x7d, 0xab, 0xbb]) LATIN1[c] = CLOSE;
  for (const c of [0x2c, 0x2d, 0x3a, 0x3b]) LATIN1[c] = SCONTINUE; // , - : ;
  for (let c = 0xc0; c <= 0xde; c++) LATIN1[c] = c === 0xd7 ? OTHER : UPPER; // × is a symbol
  for (let c = 0xdf; c <= 0xff; c++) LATIN1[c] = c === 0xf7 ? OTHER : LOWER; // ÷ is a symbol
})();

function classOf(c: number): number {
  if (c < 0x100) return LATIN1[c] as number;
  if (c === 0x2018 || c === 0x2019 || c === 0x201c || c === 0x201d) return CLOSE; // ‘ ’ “ ”
  if (c === 0x2013 || c === 0x2014) return SCONTINUE; // – —
  return UNKNOWN;
}

/**
 * The sentence ranges ICU finds in a line, or null when the line holds a character this module does not
 * classify (then ask Intl.Segmenter). Each range runs from one boundary to the next; trailing spaces belong to
 * the sentence before them, as with Intl.Segmenter.
 */
export function latinSentenceRanges(text: string): [number, number][] | null {
  const n = text.length;
  if (n === 0) return [];
  const out: [number, number][] = [];
  let from = 0;
  // Every position is classified at least once (here or in the runs below), so any unknown one sends the line
  // to ICU.
  for (let i = 0; i < n; i++) {
    const term = classOf(text.charCodeAt(i));
    if (term === UNKNOWN) return null;
    if (term !== ATERM && term !== STERM) continue;
    // The run SATerm Close* Sp* after the terminator at i; boundaries inside it follow SB9/SB10 (no break).
    let j = i + 1;
    let right = OTHER;
    while (j < n && (right = classOf(text.charCodeAt(j))) === CLOSE) j++;
    let k = j;
    while (k < n && (right = classOf(text.charCodeAt(k))) === SP) k++;
    if (k >= n) break; // end of text: SB2, no break inside
    if (right === UNKNOWN) return null;
    // Only the boundary at k can break (SB9/SB10 join everything up to it).
    if (k === i + 1 && term === ATERM) {
      if (right === NUMERIC) continue; // SB6
      const before = i > 0 ? classOf(text.charCodeAt(i - 1)) : OTHER;
      if ((before === UPPER || before === LOWER) && right === UPPER) continue; // SB7
    }
    if (term === ATERM) {
      const lower = lowerFollows(text, k);
      if (lower === null) return null;
      if (lower) continue; // SB8
    }
    if (right === SCONTINUE || right === ATERM || right === STERM) continue; // SB8a
    out.push([from, k]); // SB11
    from = k;
    i = k - 1;
  }
  out.push([from, n]);
  return out;
}

/**
 * SB8's look-ahead: skipping anything but letters and terminators, is the next of those a lower-case letter?
 * Null at a character this module does not classify.
 */
function lowerFollows(text: string, from: number): boolean | null {
  for (let i = from; i < text.length; i++) {
    const c = classOf(text.charCodeAt(i));
    if (c === UNKNOWN) return null;
    if (c === LOWER) return true;
    if (c === UPPER || c === ATERM || c === STERM) return false;
  }
  return false;
}
