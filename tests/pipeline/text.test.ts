// Folding and word tokens (src/pipeline/text.ts): what every dictionary lookup relies on.
import { describe, expect, it } from 'vitest';
import { fold, foldsTo, tokenize } from '../../src/pipeline/text.ts';

describe('fold', () => {
  it('folds accents and case without changing length', () => {
    const s = 'Ségou, Tombouctou, Côte d’Ivoire, Burkinabè';
    expect(fold(s)).toBe("segou, tombouctou, cote d'ivoire, burkinabe");
    expect(fold(s)).toHaveLength(s.length);
  });
  it('foldsTo agrees with fold, accents and odd characters included', () => {
    const text = 'Ségou, SÉGOU, Segou’s, Œuvre, Straße, 𝒜bc, Niamey—Dosso';
    for (let start = 0; start < text.length; start += 3)
      for (let end = start; end <= Math.min(text.length, start + 12); end++) {
        const folded = fold(text.slice(start, end));
        expect(foldsTo(text, start, end, folded)).toBe(true);
        expect(foldsTo(text, start, end, `${folded}x`)).toBe(false);
      }
  });
});

describe('tokenize', () => {
  it('tokenizes on punctuation so Al-Qaeda equals Al Qaeda', () => {
    expect(tokenize(fold('Al-Qaeda')).map((t) => t.key)).toEqual(
      tokenize(fold('Al Qaeda')).map((t) => t.key),
    );
  });
});
