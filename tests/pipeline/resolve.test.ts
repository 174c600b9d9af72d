// Stage 4, resolve (src/pipeline/resolve.ts): each place mention's gazetteer entry, or ambiguous, or none.
import { describe, expect, it } from 'vitest';
import { run } from './helpers.ts';

const fate = (text: string, surface: string, published?: string) =>
  run(text, published).resolutions.find((x) => x.mention.surface === surface);

describe('one entry for every spelling', () => {
  const same = [
    { a: ['Fighting in Tombouctou.', 'Tombouctou'], b: ['Fighting in Timbuktu.', 'Timbuktu'] },
    { a: ['Fighting in Segou.', 'Segou'], b: ['Fighting in Ségou.', 'Ségou'] },
  ] as const;
  it.each(same)('$a.1 and $b.1 are one place', (c) =>
    expect(fate(c.a[0], c.a[1])?.placeId).toBe(fate(c.b[0], c.b[1])?.placeId),
  );
});

describe('too coarse', () => {
  it('a continent is rejected', () =>
    expect(fate('Migrants reach Europe.', 'Europe')?.status).toBe('rejected'));
});

describe('an admin-1 in the sentence picks among homonyms', () => {
  it('Gao (Gao region) is the town of Gao in Mali', () => {
    expect(fate('Gunmen attacked Gao (Gao region) on 2 May 2024.', 'Gao')?.placeId).toBe('gn:2457163');
  });
});

describe('far homonyms', () => {
  it('in a Sahel document, a name whose only candidates are on another continent is left unresolved', () => {
    const r = run('On 3 May 2020, gunmen attacked Yoro (Titao, Loroum), killing two.', '2020-05-04');
    expect(r.resolutions.find((x) => x.mention.surface === 'Yoro')?.why).toMatch(
      /ambiguous: every candidate .* over 2500 km/,
    );
    expect(r.claims.map((c) => c.placeId)).toEqual(['gn:2354349']); // Titao, never Honduras
  });
  it('in world news the same name is trusted', () => {
    expect(fate('Farmers protested in Yoro on 3 May 2020.', 'Yoro', '2020-05-04')?.placeId).toBe(
      'admin1:HN-YO',
    );
  });
});
