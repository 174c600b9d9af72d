// What start-up compiles differently since the village layers (gazetteer.ts, context.ts): one-place phrases
// grouped directly must mean what groupPatterns meant, and candidate lists are worked out on first use.
import { describe, expect, it } from 'vitest';
import { buildDictionary, indexGazetteer, type PhraseGroups } from '../../src/pipeline/gazetteer.ts';
import { nameKeys } from '../../src/pipeline/text.ts';
import type { CandidateList } from '../../src/pipeline/resolve.ts';
import type { Gazetteer, GazetteerEntry, Lexicons } from '../../src/pipeline/types.ts';
import { ctx } from './helpers.ts';

const entry = (
  id: string,
  name: string,
  aliases: string[],
  extra: Partial<GazetteerEntry> = {},
): GazetteerEntry => ({
  id,
  name,
  kind: 'place',
  country: 'ML',
  admin1: null,
  admin2: null,
  point: [-2, 15],
  population: 0,
  featureCode: 'PPL',
  aliases,
  regionId: null,
  ...extra,
});

const gaz: Gazetteer = {
  entries: [
    entry('country:ML', 'Mali', [], { kind: 'country', featureCode: null, population: 20_000_000 }),
    entry('gn:1', 'Tongo Tongo', ['tongo village']),
    entry('gn:2', 'Bamako', [], { featureCode: 'PPLC', population: 2_000_000 }),
    // Two places of one name, both capitalised; then a name one place spells in lower case (mixed: groupPatterns).
    entry('gn:3', 'Boni', []),
    entry('gn:4', 'Boni', [], { country: 'BF' }),
    entry('gn:5', 'Koro', []),
    entry('gn:6', 'Koro Ville', ['koro'], { country: 'BF' }),
  ],
  demonyms: [],
};
const lexicons = {
  actors: [{ name: 'Mali', aliases: [], country: 'ML', type: 'state' }],
  generic: [],
  nonLocations: [],
  notAlone: new Set(['bamako']),
} as unknown as Lexicons;
const index = indexGazetteer(gaz);
const dict = buildDictionary(gaz, index, lexicons, []);
const groups = (phrase: string): PhraseGroups => {
  const i = dict.trie.phraseOf(nameKeys(phrase));
  expect(i, phrase).toBeGreaterThanOrEqual(0);
  return dict.phraseGroups[i] as PhraseGroups;
};

describe('one-place phrase groups', () => {
  it('a capitalised name fits a capitalised surface only, with its one id, name and evidence flags', () => {
    const g = groups('Tongo Tongo');
    expect(g.lower).toBeNull();
    expect(g.acronyms).toBeNull();
    expect(g.upper).toEqual({
      blocks: false,
      locates: true,
      demonymOnly: false,
      actor: null,
      nonloc: false,
      actorMention: null,
      candidates: ['gn:1'],
      placeIds: ['gn:1'],
      names: ['tongo tongo'],
      government: null,
      mayBeCommonWord: false,
      villages: true,
    });
    // The spacing variant is a phrase of its own, sharing the entry's frozen one-id list.
    const joined = groups('Tongotongo').upper;
    expect(joined?.candidates).toBe(g.upper?.candidates);
    expect(Object.isFrozen(joined?.candidates)).toBe(true);
  });

  it('a lower-case alias fits either case; a capital stands for its government; common words are flagged', () => {
    const alias = groups('tongo village');
    expect(alias.lower).not.toBeNull();
    expect(alias.lower).toEqual(alias.upper);
    const capital = groups('Bamako').upper;
    expect(capital?.government).toBe('Mali');
    expect(capital?.mayBeCommonWord).toBe(true);
    expect(capital?.villages).toBe(false);
  });

  it('namesakes share one group of both ids, sorted; a name in both cases fits each case as before', () => {
    const boni = groups('Boni');
    expect(boni.upper?.candidates).toEqual(['gn:3', 'gn:4']);
    expect(boni.upper?.placeIds).toBe(boni.upper?.candidates);
    expect(boni.lower).toBeNull();
    const koro = groups('Koro');
    expect(koro.upper?.candidates).toEqual(['gn:5', 'gn:6']);
    expect(koro.lower?.candidates).toEqual(['gn:6']);
    expect(koro.upper?.names).toEqual(['koro']);
  });
});

describe('candidate lists on first use', () => {
  it('a dictionary list is worked out once and kept; a list made for one mention is not kept', () => {
    const i = ctx.trie.phraseOf(nameKeys('Gao'));
    const list = (ctx.phraseGroups[i] as PhraseGroups).upper?.candidates as readonly string[];
    expect(Object.isFrozen(list)).toBe(true);
    const first = ctx.candidateLists.get(list);
    expect(first?.candidates.length).toBeGreaterThan(0);
    expect(ctx.candidateLists.get(list)).toBe(first);
    const own = [...list];
    // (Equal but for the scratch a document's resolving leaves on a kept list's candidates: resolve.ts Candidate.)
    expect(withoutScratch(ctx.candidateLists.get(own))).toEqual(withoutScratch(first));
    expect(ctx.candidateLists.get(own)).not.toBe(ctx.candidateLists.get(own));
  });
});

const SCRATCH = ['score', 'doc', 'docPrior', 'docAdmin1', 'docAdmin2', 'near', 'far'];

function withoutScratch(list: CandidateList | undefined): unknown {
  if (!list) return list;
  const candidates = list.candidates.map((c) =>
    Object.fromEntries(Object.entries(c).filter(([k]) => !SCRATCH.includes(k))),
  );
  return { ...list, candidates };
}
