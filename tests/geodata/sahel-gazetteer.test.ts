// The Sahel gazetteer derivation on invented fixtures in the raw formats (tests/fixtures/gazetteer-sources/):
// name keys, the merge rule, admin parents, the separate ODbL layer, byte-stable output.
import { compareStrings } from '../../src/common/strings.ts';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { booleanPointInPolygon } from '@turf/turf';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { deriveSahel, readFrame, readSahelSources, writeSahel } from '../../scripts/geodata/sahel-derive.ts';
import { massifNames } from '../../scripts/geodata/sahel-places.ts';
import { MERGE_KM, matchByName, spacingFreeKey } from '../../scripts/geodata/sahel-merge.ts';
import { bareAdminName, closeKeys } from '../../scripts/geodata/sahel-admin.ts';
import {
  gnType,
  mergeLayers,
  readLayerFile,
  usableName,
  type OsmRecord,
  type SahelRecord,
} from '../../scripts/geodata/sahel-format.ts';
import { parsePcodes } from '../../scripts/geodata/sahel-read.ts';
import { ambiguousNames } from '../../scripts/geodata/sahel-ambiguous.ts';

const fixtures = new URL('../fixtures/gazetteer-sources/', import.meta.url).pathname;
const frame = readFrame(new URL('../../geodata/', import.meta.url).pathname);
const src = readSahelSources(fixtures);
const result = deriveSahel(src, frame);
const byId = new Map(result.places.map((p) => [p.id, p]));
const named = (name: string) => result.places.filter((p) => p.name === name);

describe('name keys', () => {
  it('ignore spacing, hyphens, accents and case', () => {
    expect(spacingFreeKey('Bani Bangou')).toBe(spacingFreeKey('Banibangou'));
    expect(spacingFreeKey('Tongo Tongo')).toBe(spacingFreeKey('Tongo-Tongo'));
    expect(spacingFreeKey('Tillabéri')).toBe('tillaberi');
    expect(spacingFreeKey("N'Guigmi")).toBe('nguigmi');
    expect(spacingFreeKey('Bani')).not.toBe(spacingFreeKey('Banibangou'));
  });
  it('keep names, drop codes and foreign scripts', () => {
    expect(usableName('Darbiti 2')).toBe(true);
    expect(usableName('Kanoumbé-Bangou')).toBe(true);
    expect(usableName('BFA')).toBe(false);
    expect(usableName('Тимбукту')).toBe(false);
    expect(usableName('Habitation')).toBe(false);
    expect(usableName('Hameau de culture')).toBe(false);
  });
});

describe('merge rule', () => {
  const a = { id: 'gn:1', country: 'ML', keys: ['sirakoro'], point: [-2.3, 14.7] as [number, number] };
  it('merges same key, same country, within the distance; one-to-one, closest first', () => {
    const near = { id: 'wof:1', country: 'ML', keys: ['sirakoro'], point: [-2.29, 14.7] as [number, number] };
    const nearer = { id: 'wof:2', country: 'ML', keys: ['sirakoro'], point: [-2.2995, 14.7] as [number, number] };
    const r = matchByName([a], [near, nearer]);
    expect([...r.pairs]).toEqual([['wof:2', 'gn:1']]);
  });
  it('keeps other countries and farther namesakes apart', () => {
    const other = { id: 'wof:3', country: 'BF', keys: ['sirakoro'], point: [-2.3, 14.7] as [number, number] };
    const far = { id: 'wof:4', country: 'ML', keys: ['sirakoro'], point: [-2.3 + MERGE_KM / 50, 14.7] as [number, number] };
    const r = matchByName([a], [other, far]);
    expect(r.pairs.size).toBe(0);
    expect(r.namesakesApart).toBe(1);
  });
});

describe('derivation on the fixtures', () => {
  it('reads every fixture file and reports the rest as missing', () => {
    expect(src.read).toContain('geonames/ML.txt');
    expect(src.missing).toContain('geonames/BF.txt');
  });

  it('merges a village of GeoNames, WOF and OSM into one place keeping every source id', () => {
    const v = byId.get('gn:9000001');
    expect(v?.ids).toEqual(['gn:9000001', 'wof:800010']);
    expect(v?.keys).toContain('kanoumbebangou');
    expect(v?.type).toBe('village');
    expect(v?.population).toBeNull();
    const osm = result.osm.find((o) => o.name === 'Kanoumbé-Bangou');
    expect(osm?.same).toBe('gn:9000001');
    expect(osm?.population).toBe(1200);
    expect(named('Kanoumbebangou')).toEqual([]);
  });

  it('merges the two layers into one record per place, keeping every source id', () => {
    const merged = mergeLayers(result.places, result.osm);
    const v = merged.find((p) => p.id === 'gn:9000001');
    expect(v?.ids).toEqual(['gn:9000001', 'osm:70001', 'wof:800010']);
    expect(v?.population).toBe(1200);
    expect(merged.filter((p) => p.keys.includes('kanoumbebangou')).length).toBe(1);
    expect(merged.find((p) => p.id === 'osm:70003')?.name).toBe('Gorel Yaré');
    expect(merged.length).toBe(result.places.length + 1);
  });

  it('links a WOF locality by its GeoNames id and keeps its French name as an alternate', () => {
    const d = byId.get('gn:9000003');
    expect(d?.ids).toEqual(['gn:9000003', 'wof:800011']);
    expect(d?.alt).toContain('Duwanza');
    expect(d?.type).toBe('town');
    expect(d?.population).toBe(28005);
  });

  it('keeps two namesakes 60 km apart as two places', () => {
    const s = named('Sirakoro Peul').map((p) => p.id);
    expect(s).toEqual(['gn:9000002', 'wof:800012']);
    // The OSM node sits on the eastern one.
    expect(result.osm.find((o) => o.name === 'Sirakoro Peul')?.same).toBe('wof:800012');
  });

  it('gives each place its admin-2 and admin-1 parents', () => {
    const v = byId.get('gn:9000001');
    expect(v?.admin2).toEqual({ id: 'admin2:ML0504', name: 'Douentza' });
    expect(v?.admin1).toEqual({ id: 'admin1:ML-5', name: 'Mopti' });
    expect(v?.point).toEqual([-2.5, 14.9]);
  });

  it('builds the admin-2 unit with its polygon, p-code, GeoNames id and parent', () => {
    const u = result.admin2.find((x) => x.place.id === 'admin2:ML0504');
    expect(u?.geometry?.type).toBe('Polygon');
    expect(u?.place.ids).toEqual(['gn:9000005', 'pcode:ML0504', 'wof:800002']);
    expect(u?.place.admin1?.id).toBe('admin1:ML-5');
    expect(u?.place.alt).toContain('Douentza Cercle');
    expect(result.warnings.join('\n')).toContain('ML0599');
  });

  it('drops hills, Malta rows of the "ml" repository, deprecated records and OSM admin nodes', () => {
    expect(named('Tondo Hill')).toEqual([]);
    expect(named('Birgu')).toEqual([]);
    expect(named('Old Kanoumbe')).toEqual([]);
    expect(result.osm.map((o) => o.name).sort()).toEqual(['Gorel Yaré', 'Kanoumbé-Bangou', 'Sirakoro Peul']);
  });

  it('writes the three layers deterministically, with the OSM credit in the ODbL file only', () => {
    const dirs = [mkdtempSync(join(tmpdir(), 'sahel-')), mkdtempSync(join(tmpdir(), 'sahel-'))];
    try {
      for (const d of dirs) writeSahel(d, deriveSahel(readSahelSources(fixtures), frame), () => {});
      for (const f of ['gazetteer-sahel.json', 'osm-places-sahel.json', 'admin2.geojson'])
        expect(readFileSync(join(dirs[0] as string, f), 'utf8')).toBe(readFileSync(join(dirs[1] as string, f), 'utf8'));
      const read = (f: string) => readFileSync(join(dirs[0] as string, f), 'utf8');
      expect(read('osm-places-sahel.json')).toContain('© OpenStreetMap contributors');
      expect(read('osm-places-sahel.json')).toContain('"license": "ODbL-1.0"');
      expect(read('gazetteer-sahel.json')).not.toContain('OpenStreetMap');
      expect(read('gazetteer-sahel.json')).not.toContain('osm:');
      const gaz = readLayerFile(join(dirs[0] as string, 'gazetteer-sahel.json'));
      expect(gaz.find((e) => e.id === 'gn:9000001')?.admin1).toEqual(['admin1:ML-5', 'Mopti']);
      const admin2 = JSON.parse(read('admin2.geojson')) as {
        features: { properties: { id: string; admin1: string; country: string } }[];
      };
      expect(admin2.features.map((f) => f.properties)).toMatchObject([
        { id: 'admin2:ML0504', admin1: 'admin1:ML-5', country: 'ML' },
      ]);
    } finally {
      for (const d of dirs) rmSync(d, { recursive: true, force: true });
    }
  });
});

describe('helpers', () => {
  it('reads admin type words off admin-2 names', () => {
    expect(bareAdminName('Province du Soum')).toBe('Soum');
    expect(bareAdminName('Douentza Cercle')).toBe('Douentza');
    expect(bareAdminName("Département d' Illéla")).toBe('Illéla');
    expect(bareAdminName('Ville de Niamey')).toBe('Niamey');
  });
  it('tells spelling variants from other names', () => {
    expect(closeKeys('kourittenga', 'kouritenga')).toBe(true);
    expect(closeKeys('dungass', 'dungas')).toBe(true);
    expect(closeKeys('bankass', 'bandiagara')).toBe(false);
    expect(closeKeys('boni', 'bani')).toBe(false);
  });
  it('keeps settlements, camps and wells, not hills or rivers', () => {
    expect(gnType('P', 'PPLA2', 20000)).toBe('town');
    expect(gnType('S', 'CMP', 0)).toBe('camp');
    expect(gnType('H', 'WLL', 0)).toBe('well');
    expect(gnType('T', 'HLL', 0)).toBeNull();
    // A massif or a plateau is an area ("the Adrar des Ifoghas", "the Bandiagara plateau"); a single peak is not kept.
    expect(gnType('T', 'MTS', 0)).toBe('area');
    expect(gnType('T', 'PLAT', 0)).toBe('area');
    expect(gnType('T', 'MT', 0)).toBeNull();
    // "Adrar des Ifoghas" is "the Ifoghas mountains" in English copy; only a massif's names gain these.
    expect(massifNames('MTS', ['Adrar des Ifôghas', 'Adrar n Ifoghas', 'Monts Hombori'])).toEqual([
      'Ifôghas mountains',
      'Ifôghas massif',
      'Ifoghas mountains',
      'Ifoghas massif',
    ]);
    expect(massifNames('PPL', ['Adrar des Ifôghas'])).toEqual([]);
    expect(gnType('H', 'STM', 0)).toBeNull();
  });
  it('lists names that are also words or names, with their reasons and record counts', () => {
    const lists = {
      english: new Set(['man', 'say']),
      french: new Set(['man']),
      person: new Set(['keita']),
      actor: new Set(['fama']),
    };
    const recs = [
      { name: 'Man', alt: [], keys: ['man'] },
      { name: 'Keïta', alt: ['Keita'], keys: ['keita'] },
      { name: 'Kéita', alt: [], keys: ['keita'] },
      { name: 'Kanoumbé Bangou', alt: [], keys: ['kanoumbebangou'] },
    ];
    expect(ambiguousNames(recs, lists)).toEqual([
      { key: 'keita', name: 'Keïta', why: ['person'], places: 2 },
      { key: 'man', name: 'Man', why: ['english', 'french'], places: 1 },
    ]);
  });
  it('parses quoted OCHA names', () => {
    const rows = parsePcodes('a,b,c,d,e,f\nMLI,2,ML0599,"Tenenkou, Ville",ML05,2021\n');
    expect(rows[0]?.name).toBe('Tenenkou, Ville');
  });
});

describe('committed Sahel layers', () => {
  const geodata = (f: string) => new URL(`../../geodata/${f}`, import.meta.url);
  const cc = { entries: readLayerFile(geodata('gazetteer-sahel.json').pathname) as SahelRecord[] };
  const osmText = readFileSync(geodata('osm-places-sahel.json'), 'utf8');
  const osm = { entries: readLayerFile(geodata('osm-places-sahel.json').pathname) as OsmRecord[] };
  const ids = new Set(cc.entries.map((e) => e.id));
  const byKeyPoint = (list: SahelRecord[], name: string) => list.find((e) => e.name === name)?.point;
  const withKey = (key: string, country: string) =>
    cc.entries.filter((e) => e.country === country && e.keys.includes(key));

  it('are sorted by id with unique ids, and admin-1 ids exist in gazetteer.json', () => {
    const list = cc.entries.map((e) => e.id);
    expect(ids.size).toBe(list.length);
    expect([...list].sort(compareStrings)).toEqual(list);
    const known = new Set(frame.gazetteer.entries.map((e) => e.id));
    // One expectation over the list: 60,000 expect() calls would take seconds.
    const dangling = cc.entries.filter(
      (e) => (e.admin1 && !known.has(e.admin1[0])) || (e.admin2 && !ids.has(e.admin2[0])),
    );
    expect(dangling.map((e) => e.id)).toEqual([]);
  });

  it('know the towns the issue lists, with their hierarchy', () => {
    for (const [key, cc2] of [
      ['solenzo', 'BF'],
      ['arbinda', 'BF'],
      ['seytenga', 'BF'],
      ['tessit', 'ML'],
      ['torodi', 'NE'],
      ['makalondi', 'NE'],
      ['mansila', 'BF'],
      ['banibangou', 'NE'],
      ['tongotongo', 'NE'],
    ] as const)
      expect(withKey(key, cc2).length, key).toBeGreaterThan(0);
    const solenzo = withKey('solenzo', 'BF').find((e) => e.type === 'town');
    expect(solenzo?.admin2?.[1]).toBe('Banwa');
    expect(solenzo?.admin1?.[0]).toBe('admin1:BF-01');
    const boni = withKey('boni', 'ML').filter((e) => e.admin2?.[1] === 'Douentza');
    expect(boni.length).toBe(1);
  });

  it('keep OSM in its own ODbL file, pointing at existing CC BY records', () => {
    expect(osmText).toContain('© OpenStreetMap contributors');
    expect(osm.entries.filter((o) => o.same && !ids.has(o.same)).map((o) => o.id)).toEqual([]);
    expect(osm.entries.filter((o) => o.same).length).toBeGreaterThan(20_000);
    expect(cc.entries.some((e) => e.ids.some((i) => i.startsWith('osm:')))).toBe(false);
  });

  it("place every admin-2 unit of Mali, Burkina Faso and Niger inside its admin-1's polygon", () => {
    // Units no WOF polygon draws take their seat town's point: the seat of their own region (Niger has a
    // Bosso village in Tillabéri, 1,000 km from Bosso department in Diffa).
    const regions = JSON.parse(readFileSync(geodata('regions.geojson'), 'utf8')) as FeatureCollection<
      Polygon | MultiPolygon,
      { id: string }
    >;
    const polygon = new Map(regions.features.map((f) => [f.properties.id, f]));
    const units = cc.entries.filter((e) => e.type === 'admin2' && ['ML', 'BF', 'NE'].includes(e.country));
    expect(units.length).toBeGreaterThan(150);
    // (Mali's Ménaka region, created in 2016, has no polygon in Natural Earth's admin-1 layer.)
    const outside = units.filter((e) => {
      const region = e.admin1 ? polygon.get(e.admin1[0]) : undefined;
      return region && !booleanPointInPolygon(e.point, region);
    });
    expect(outside.map((e) => e.id)).toEqual([]);
    expect(byKeyPoint(units, 'Bosso')).toEqual([13.30951, 13.69869]);
  });

  it('draw admin-2 polygons in a small file', () => {
    expect(statSync(geodata('admin2.geojson')).size).toBeLessThan(1.5e6);
    const fc = JSON.parse(readFileSync(geodata('admin2.geojson'), 'utf8')) as {
      features: { properties: { id: string; country: string; admin1: string | null } }[];
    };
    const soum = fc.features.find((f) => f.properties.id === 'admin2:BF5603');
    expect(soum?.properties.admin1).toBe('admin1:BF-12');
    for (const c of ['ML', 'BF', 'NE']) expect(fc.features.filter((f) => f.properties.country === c).length).toBeGreaterThan(30);
  });
});
