// The spot + resolve speed-ups (docs/benchmark.md, issue 8) give the answers of the plain paths they replace: the
// ASCII path of spacingFreeKey, and the entry classes the resolver keeps per candidate instead of asking
// gazetteer-sahel.ts for every mention.
import { describe, expect, it } from 'vitest';
import { isMinorPlace, isOsmTownOnly, isVillageOnly } from '../../src/pipeline/gazetteer-sahel.ts';
import { fold, spacingFreeKey } from '../../src/pipeline/text.ts';
import { placeClass } from '../../src/pipeline/villages.ts';
import { ctx } from './helpers.ts';

/** The plain path: what spacingFreeKey computed for every string before the ASCII loop. */
const plainKey = (s: string) => fold(s).replace(/[^\p{L}\p{N}]+/gu, '');

/** mulberry32: the same strings on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('spacingFreeKey', () => {
  it('keeps what the regex keeps, for every ASCII character and for random ASCII and mixed strings', () => {
    for (let c = 0; c < 128; c++) {
      const s = `a${String.fromCharCode(c)}B`;
      expect(spacingFreeKey(s)).toBe(plainKey(s));
    }
    const next = random(20261202);
    const alphabet = "aZ09 -'’.,()éÉœß\u00a0\u2019\u0301_/";
    for (let n = 0; n < 5000; n++) {
      const ascii = n % 2 === 0;
      let s = '';
      const len = Math.floor(next() * 14);
      for (let i = 0; i < len; i++)
        s += ascii
          ? String.fromCharCode(Math.floor(next() * 128))
          : alphabet.charAt(Math.floor(next() * alphabet.length));
      expect(spacingFreeKey(s)).toBe(plainKey(s));
    }
  });
  it('agrees on every name and alias of the gazetteer', () => {
    const differ: string[] = [];
    for (const e of ctx.gazetteer.entries)
      for (const n of [e.name, ...e.aliases]) if (spacingFreeKey(n) !== plainKey(n)) differ.push(n);
    expect(differ).toEqual([]);
  });
});

describe('placeClass', () => {
  it('is isVillageOnly, isMinorPlace and isOsmTownOnly of every entry', () => {
    const differ = ctx.gazetteer.entries.filter((e) => {
      const k = placeClass(e);
      return k.village !== isVillageOnly(e) || k.minor !== isMinorPlace(e) || k.osmTown !== isOsmTownOnly(e);
    });
    expect(differ.map((e) => e.id)).toEqual([]);
  });
});
