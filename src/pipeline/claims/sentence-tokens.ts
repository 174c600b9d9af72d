// Sentence words: each sentence's folded word tokens, cut where the document's tokens (the mentions stage's) are
// instead of tokenizing every sentence again.

import { fold, tokenize, type Token, type WordTokens } from '../text.ts';
import type { Sentence } from '../types.ts';

/** One sentence folded, and its word tokens (sentence offsets). */
export interface SentenceWords {
  /** fold(s.text) */
  folded: string;
  /** The same tokens as tokenize(fold(s.text)). */
  tokens: Token[];
}

/**
 * The sentence's words from the document's tokens. A sentence cut inside a word (a very long line split at a
 * fixed length), or whose text is not the cleaned text at its offsets, is tokenized on its own.
 */
export function sentenceWords(s: Sentence, text: string, doc: WordTokens): SentenceWords {
  const folded = fold(s.text);
  const own = () => ({ folded, tokens: tokenize(folded) });
  if (s.end - s.start !== s.text.length || !text.startsWith(s.text, s.start)) return own();
  const { start, end, count } = doc;
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((start[mid] as number) < s.start) lo = mid + 1;
    else hi = mid;
  }
  if (lo > 0 && (end[lo - 1] as number) > s.start) return own();
  const tokens: Token[] = [];
  let i = lo;
  for (; i < count && (end[i] as number) <= s.end; i++) {
    const a = (start[i] as number) - s.start;
    const b = (end[i] as number) - s.start;
    tokens.push({ start: a, end: b, key: folded.slice(a, b) });
  }
  if (i < count && (start[i] as number) < s.end) return own();
  return { folded, tokens };
}
