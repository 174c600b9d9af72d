// The unknown-place stage (src/pipeline/unknown.ts): names the gazetteer lacks, from how the text introduces them.
import { describe, expect, it } from 'vitest';
import { ctx, run } from './helpers.ts';

const at = (text: string) => run(text, '2020-05-04');

describe('bracketed hierarchies', () => {
  it('an unknown village in a bracketed hierarchy is reported and located near its first known unit', () => {
    const r = at('On 3 May 2020, gunmen killed a pastor in Zzyzxkoro (Diapaga, Tapoa).');
    expect(r.resolutions.find((x) => x.mention.surface === 'Zzyzxkoro')?.status).toBe('unknown');
    expect(r.claims).toHaveLength(1);
    expect(r.claims[0]).toMatchObject({ placeId: 'gn:2361373', geoPrecision: 2, unlocatedName: 'Zzyzxkoro' });
  });
  it('a known head keeps its own place; the bracketed units are context, not extra incidents', () => {
    const r = at('On 3 May 2020, gunmen attacked Djibo (Soum, Sahel), killing 3 soldiers.');
    expect(r.claims.map((c) => ctx.gazetteer.get(c.placeId)?.name)).toEqual(['Djibo']);
    expect(r.claims[0]?.geoPrecision).toBe(1);
  });
  it('"In Ogossagou (Bankass, Mopti)" keeps the unknown village: function words are no part of a name', () => {
    const r = run('In Ogossagou (Bankass, Mopti), gunmen killed 160 villagers on 23 March 2019.');
    expect(r.resolutions.find((x) => x.status === 'unknown')?.mention.surface).toBe('Ogossagou');
    expect(r.claims).toHaveLength(1);
    expect(r.claims[0]?.geoPrecision).toBe(2);
  });
  it('a known name inside an unknown hyphenated name is rejected, not resolved', () => {
    const r = at('On 3 May 2020, militants burned a post in Tapoa-Zzyzx (Diapaga, Tapoa).');
    const piece = r.resolutions.find((x) => x.mention.surface === 'Tapoa' && x.mention.start < 50);
    expect(piece?.why).toMatch(/part of the longer name Tapoa-Zzyzx/);
  });
  it('adversarial hyphen runs do not hang the hierarchy search', () => {
    const t0 = performance.now();
    run(`Gunmen attacked the village of ${'Aa-'.repeat(600)} (Djibo, Soum).`);
    expect(performance.now() - t0).toBeLessThan(5000); // was minutes; typically a few ms
  });
});

describe('names introduced as places', () => {
  it('"the village of X" with no known unit in the sentence stays unlocated but reported', () => {
    const r = at('On 3 May 2020, militants killed a pastor in the village of Zzyzxkoro.');
    expect(r.claims).toEqual([]);
    expect(r.resolutions.map((x) => x.status)).toEqual(['unknown']);
  });
  // Month and weekday names (calendar.json) and function words (unknown-places.json) are no part of a name.
  const trimmed = [
    {
      text: 'On 3 May 2020, militants killed a pastor in the village of Zzyzxkoro Sunday.',
      expect: 'Zzyzxkoro',
    },
    {
      text: 'On 3 May 2020, militants killed a pastor in the village of Zzyzxkoro In May.',
      expect: 'Zzyzxkoro',
    },
  ];
  it.each(trimmed)('"$text" names $expect', (c) =>
    expect(at(c.text).resolutions.find((x) => x.status === 'unknown')?.mention.surface).toBe(c.expect),
  );
});
