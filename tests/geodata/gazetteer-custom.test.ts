import { describe, expect, it } from 'vitest';
import { customPlaceId, mergeCustomPlaces } from '../../src/pipeline/gazetteer-custom.ts';
import type { Gazetteer, GazetteerEntry } from '../../src/pipeline/types.ts';

const base = (over: Partial<GazetteerEntry>): GazetteerEntry => ({
  id: 'x',
  name: 'x',
  kind: 'place',
  country: 'ML',
  admin1: null,
  point: [0, 0],
  population: 0,
  featureCode: null,
  aliases: [],
  regionId: null,
  ...over,
});
const gaz: Gazetteer = {
  entries: [
    base({ id: 'admin1:ML-5', name: 'Mopti', kind: 'admin1', regionId: 'admin1:ML-5' }),
    base({ id: 'country:ML', name: 'Mali', kind: 'country', regionId: 'country:ML' }),
  ],
  demonyms: [{ word: 'Malian', placeId: 'country:ML' }],
};
const ok = { name: 'Sévaré Nord', country: 'ML', lon: -4.1, lat: 14.5, note: 'from a GeoNames derivative', admin1: 'admin1:ML-5' };

describe('mergeCustomPlaces', () => {
  it('adds a valid entry with a stable id, sorted among the others', () => {
    const { gazetteer, errors } = mergeCustomPlaces(gaz, [{ ...ok, aliases: ['Sevare N', 'Sévaré Nord'] }]);
    expect(errors).toEqual([]);
    const e = gazetteer.entries.find((x) => x.id === customPlaceId('Sévaré Nord', 'ML'));
    expect(e).toMatchObject({ id: 'custom:ml-sevare-nord', kind: 'place', admin1: 'admin1:ML-5', point: [-4.1, 14.5] });
    expect(e?.aliases).toEqual(['Sevare N']);
    expect(gazetteer.entries.map((x) => x.id)).toEqual(['admin1:ML-5', 'country:ML', 'custom:ml-sevare-nord']);
    expect(gazetteer.demonyms).toBe(gaz.demonyms);
  });

  it('is idempotent: merging twice replaces instead of duplicating', () => {
    const once = mergeCustomPlaces(gaz, [ok]).gazetteer;
    const twice = mergeCustomPlaces(once, [ok]).gazetteer;
    expect(twice.entries).toEqual(once.entries);
  });

  it('reports each problem clearly and skips the bad entry without throwing', () => {
    const { gazetteer, errors } = mergeCustomPlaces(gaz, [
      { name: '', country: 'Mali', lon: 200, lat: 'x' },
      { ...ok, admin1: 'admin1:NE-6' },
      ok,
      ok,
      42,
    ]);
    expect(errors.join('\n')).toMatch(/"name" must be a non-empty string/);
    expect(errors.join('\n')).toMatch(/"country" must be an ISO 3166-1 alpha-2 code/);
    expect(errors.join('\n')).toMatch(/"lon" must be a number between -180 and 180/);
    expect(errors.join('\n')).toMatch(/"lat" must be a number/);
    expect(errors.join('\n')).toMatch(/"note" must say where the coordinates come from/);
    expect(errors.join('\n')).toMatch(/"admin1" "admin1:NE-6" is not an admin1 id/);
    expect(errors.join('\n')).toMatch(/duplicate/);
    expect(errors.join('\n')).toMatch(/custom places\[4\]: expected an object/);
    expect(gazetteer.entries.filter((e) => e.id.startsWith('custom:'))).toHaveLength(1);
  });

  it('rejects a file that is not an array', () => {
    const r = mergeCustomPlaces(gaz, { name: 'x' });
    expect(r.gazetteer).toBe(gaz);
    expect(r.errors[0]).toMatch(/expected a JSON array/);
  });
});
