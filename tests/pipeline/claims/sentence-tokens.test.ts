// Sentence words (src/pipeline/claims/sentence-tokens.ts): read from the document's tokens, the same as tokenizing
// the sentence on its own.
import { describe, expect, it } from 'vitest';
import { sentenceWords } from '../../../src/pipeline/claims/sentence-tokens.ts';
import { spotMentions } from '../../../src/pipeline/mentions.ts';
import { fold, tokenize } from '../../../src/pipeline/text.ts';
import type { Sentence } from '../../../src/pipeline/types.ts';
import { ctx } from '../helpers.ts';

const text = 'Gunmen killed 1,200 people in Ségou. Al-Qaeda’s fighters fled northwards.';
const sentence = (start: number, end: number, index = 0): Sentence => ({
  index,
  start,
  end,
  text: text.slice(start, end),
  kind: 'sentence',
});
const cases = [
  { rule: 'a whole sentence', s: sentence(0, 36) },
  { rule: 'the second sentence, accents and apostrophes folded', s: sentence(37, text.length, 1) },
  { rule: 'a sentence cut inside a word is tokenized on its own', s: sentence(3, 20) },
];

describe('sentence words', () => {
  const doc = spotMentions(text, [sentence(0, 36), sentence(37, text.length, 1)], ctx).tokens;
  it.each(cases)('$rule', ({ s }) => {
    const w = sentenceWords(s, text, doc);
    expect(w.folded).toBe(fold(s.text));
    expect(w.tokens).toEqual(tokenize(fold(s.text)));
  });
});
