// The spot + resolve speed-ups (docs/benchmark.md, issue 8) give the answers of the plain paths they replace: the
// ASCII paths of spacingFreeKey, the entry classes the resolver keeps per candidate instead of asking
// gazetteer-sahel.ts for every mention, the resolver's "village of" regexes run only next to "of", "the" or a
// v or h, the spotter's acronym letters built only for a surface that can spell an acronym, and the tokenizer's
// word ids behind the word table's bit set.
import { describe, expect, it } from 'vitest';
import { isMinorPlace, isOsmTownOnly, isVillageOnly } from '../../src/pipeline/gazetteer-sahel.ts';
import { acronymLetters } from '../../src/pipeline/mentions.ts';
import {
  SETTLEMENT_OF_BEFORE,
  settlementBefore,
  VILLAGE_AFTER,
  VILLAGE_BEFORE,
  villageAfter,
  villageBefore,
} from '../../src/pipeline/resolve.ts';
import { fold, spacingFreeKey, tokenize, WordTable } from '../../src/pipeline/text.ts';
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

describe('spacingFreeKey of plain names', () => {
  it('is the regex key for strings of ASCII letters and digits alone', () => {
    const next = random(20261203);
    const alnum = 'abcxyzABCXYZ0189';
    for (let n = 0; n < 5000; n++) {
      let s = '';
      const len = Math.floor(next() * 12);
      for (let i = 0; i < len; i++) s += alnum.charAt(Math.floor(next() * alnum.length));
      expect(spacingFreeKey(s)).toBe(plainKey(s));
    }
  });
});

describe('settlementBefore', () => {
  it('answers as SETTLEMENT_OF_BEFORE on the 16 characters before every offset of random texts', () => {
    const next = random(20261204);
    const pieces = [
      'village of ',
      'Villages OF\u00a0',
      ' the town of  ',
      'village',
      'Towns',
      'HAMLET',
      'settlement',
      ' ',
      ' of',
      'OF',
      'oF ',
      'f',
      'o',
      'x',
      '\u00a0',
      '\u2009',
      '\u3000',
      '\n',
      '\t',
      'ſ',
      'K',
      'é',
      '.',
    ];
    let checked = 0;
    for (let n = 0; n < 3000; n++) {
      let text = '';
      const len = 1 + Math.floor(next() * 10);
      for (let i = 0; i < len; i++) text += pieces[Math.floor(next() * pieces.length)] as string;
      for (let at = 0; at <= text.length; at++) {
        const want = SETTLEMENT_OF_BEFORE.test(text.slice(Math.max(0, at - 16), at));
        expect(settlementBefore(text, at), JSON.stringify([text, at])).toBe(want);
        if (want) checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });
});

describe('acronymLetters', () => {
  /** The plain path: every ASCII letter of the surface. */
  const plainLetters = (s: string) => s.replace(/[^A-Za-z]/g, '');
  /** What an acronym's letters are (gazetteer.ts acronymOf): 1-6 capitals. */
  const acronymKey = /^[A-Z]{1,6}$/;
  it('finds what the plain letters find among acronym spellings, for random surfaces', () => {
    const next = random(20261205);
    const alphabet = 'AUNSMaunsm. -éÉ1';
    for (let n = 0; n < 20000; n++) {
      let s = '';
      const len = Math.floor(next() * 12);
      for (let i = 0; i < len; i++) s += alphabet.charAt(Math.floor(next() * alphabet.length));
      const plain = plainLetters(s);
      const fast = acronymLetters(s, 0, s.length);
      expect(fast, s).toBe(acronymKey.test(plain) ? plain : '');
    }
  });
});

describe('villageBefore, villageAfter', () => {
  it('answer as VILLAGE_BEFORE and VILLAGE_AFTER on their windows at every offset of random texts', () => {
    const next = random(20261206);
    const pieces = [
      'village of ',
      'Hamlets OF the\u00a0',
      ' the ',
      'THE',
      ' village',
      ' Hamlets.',
      '\u2009hamlet ',
      'villages',
      ' of',
      'ſ',
      'x',
      ' ',
      '\n',
      '\u3000',
      'é',
    ];
    let before = 0;
    let after = 0;
    for (let n = 0; n < 3000; n++) {
      let text = '';
      const len = 1 + Math.floor(next() * 8);
      for (let i = 0; i < len; i++) text += pieces[Math.floor(next() * pieces.length)] as string;
      for (let at = 0; at <= text.length; at++) {
        const b = VILLAGE_BEFORE.test(text.slice(Math.max(0, at - 20), at));
        const a = VILLAGE_AFTER.test(text.slice(at, at + 10));
        expect(villageBefore(text, at), JSON.stringify([text, at])).toBe(b);
        expect(villageAfter(text, at), JSON.stringify([text, at])).toBe(a);
        if (b) before++;
        if (a) after++;
      }
    }
    expect(before).toBeGreaterThan(100);
    expect(after).toBeGreaterThan(100);
  });
});

describe('tokenizeWords behind the bit set', () => {
  it('gives every held word its id and every other token -1, as a plain lookup of tokenize(fold(text))', () => {
    const probe = ctx.trie.tokenize('');
    const table = probe.words;
    const ids = new Map<string, number>();
    for (let id = 0; id < table.size; id++) ids.set(table.word(id), id);
    const next = random(20261204);
    const alphabet = 'abeilnorstuzÉéèçœ';
    const words: string[] = [];
    for (let id = 0; id < table.size; id++) {
      words.push(table.word(id));
      // A near miss of a held word (same length, one letter changed), and a random word.
      const w = table.word(id);
      const at = Math.floor(next() * w.length);
      words.push(w.slice(0, at) + alphabet.charAt(Math.floor(next() * alphabet.length)) + w.slice(at + 1));
      let r = '';
      for (let i = 1 + Math.floor(next() * 9); i > 0; i--)
        r += alphabet.charAt(Math.floor(next() * alphabet.length));
      words.push(r);
    }
    const text = words.join(next() < 0.5 ? ' ' : ', ');
    const got = ctx.trie.tokenize(text);
    const plain = tokenize(fold(text));
    expect(got.count).toBe(plain.length);
    const differ: string[] = [];
    for (let i = 0; i < plain.length; i++) {
      const t = plain[i] as (typeof plain)[number];
      if (got.start[i] !== t.start || got.end[i] !== t.end || got.word[i] !== (ids.get(t.key) ?? -1))
        differ.push(t.key);
    }
    expect(differ).toEqual([]);
    // The arrays keep their spare room, zeros after the last token, as before they shared a buffer.
    expect(got.start.length).toBeGreaterThanOrEqual(got.count);
    expect(got.start.subarray(got.count).every((v) => v === 0)).toBe(true);
    expect(got.word.subarray(got.count).every((v) => v === 0)).toBe(true);
  });
  it('finds every interned word of a fresh table through idOf', () => {
    const t = new WordTable();
    const next = random(20261205);
    const held: string[] = [];
    for (let n = 0; n < 20000; n++) {
      let w = '';
      for (let i = 1 + Math.floor(next() * 8); i > 0; i--)
        w += String.fromCharCode(97 + Math.floor(next() * 26));
      t.intern(w);
      held.push(w);
    }
    expect(held.filter((w) => t.idOf(w) < 0)).toEqual([]);
    expect(new Set(held).size).toBe(t.size);
  });
});
