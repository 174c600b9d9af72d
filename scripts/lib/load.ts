// File access for the CLIs: read the gazetteer, lexicons and a corpus folder. The pipeline itself never touches fs.

import { existsSync, lstatSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { createContext, readWordLists, type PipelineContext } from '../../src/pipeline/context.ts';
import { fold } from '../../src/pipeline/text.ts';
import { mergeCustomPlaces } from '../../src/pipeline/gazetteer-custom.ts';
import {
  layerRecords,
  mergeSahelLayers,
  withAdmin2Regions,
  type Admin2Feature,
  type SahelLayerRecord,
} from '../../src/pipeline/gazetteer-sahel.ts';
import type { RegionCollection } from '../../src/pipeline/contract.ts';
import type { EventLexicon, Gazetteer, Lexicons } from '../../src/pipeline/types.ts';
import { isInside, readRegular } from './safe-read.ts';

export { MAX_ARTICLE_BYTES, readCorpus, type CorpusProblem } from './corpus.ts';

export const ROOT = resolve(import.meta.dirname, '../..');
export const DEFAULT_GEODATA = join(ROOT, 'geodata');

/** Geodata JSON files are read up to this size. */
const MAX_GEODATA_BYTES = 256 * 1024 * 1024;
/** Geodata folders being loaded: below one, no symbolic link is followed (scripts/lib/safe-read.ts). */
const geodataRoots = new Set<string>();

/** A JSON file: a regular file, no link below its geodata folder, bounded in size; else an Error saying why. */
function readJson(path: string): unknown {
  const abs = resolve(path);
  const root = [...geodataRoots].find((r) => isInside(abs, r)) ?? dirname(abs);
  const r = readRegular(root, relative(root, abs), MAX_GEODATA_BYTES, { rootName: 'the geodata folder' });
  if (!r.ok) throw new Error(`${path}: ${r.why}`);
  return JSON.parse(new TextDecoder('utf-8').decode(r.bytes));
}

/** Is there a directory entry at path (a broken link too: it is reported, not taken for a missing file)? */
function entryExists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

export interface LoadedContext extends PipelineContext {
  customErrors: string[];
}

/** Gazetteer + lexicons + the analyst's custom places, ready for the pipeline. */
export function loadContext(opts: { geodataDir?: string } = {}): LoadedContext {
  const dir = opts.geodataDir ?? DEFAULT_GEODATA;
  geodataRoots.add(resolve(dir));
  const gaz = withSahelLayers(readJson(join(dir, 'gazetteer.json')) as Gazetteer, dir);
  let customErrors: string[] = [];
  let merged = gaz;
  const customPath = join(dir, 'custom-places.json');
  if (entryExists(customPath)) {
    let custom: unknown;
    try {
      custom = readJson(customPath);
    } catch (e) {
      custom = [];
      const why = e instanceof SyntaxError ? `not valid JSON (${e.message})` : (e as Error).message;
      customErrors.push(`${customPath}: ${why}; no custom place used`);
    }
    const r = mergeCustomPlaces(gaz, custom);
    merged = r.gazetteer;
    customErrors = [...customErrors, ...r.errors];
  }
  const actorsFile = readJson(join(dir, 'lexicon/actors.json')) as {
    actors: Lexicons['actors'];
    generic: Lexicons['generic'];
  };
  const nonloc = readJson(join(dir, 'lexicon/non-locations.json')) as {
    phrases: string[];
    notAlone: string[];
  };
  const events = readJson(join(dir, 'lexicon/events.json')) as EventLexicon;
  const lexicons: Lexicons = {
    actors: actorsFile.actors,
    generic: actorsFile.generic,
    nonLocations: nonloc.phrases,
    notAlone: new Set(nonloc.notAlone.map(fold)),
    events,
  };
  const words = readWordLists((file) => readJson(join(dir, 'lexicon', file)));
  return { ...createContext(merged, lexicons, words), customErrors };
}

/** The village-level Sahel layers of geodata/ (README "Sahel village layers"), when present, merged in. */
function withSahelLayers(gaz: Gazetteer, dir: string): Gazetteer {
  const layer = (file: string): SahelLayerRecord[] => {
    const path = join(dir, file);
    return existsSync(path) ? layerRecords(readJson(path), path) : [];
  };
  const records = layer('gazetteer-sahel.json');
  if (records.length === 0) return gaz;
  const polygonsPath = join(dir, 'admin2.geojson');
  const polygons = existsSync(polygonsPath)
    ? (readJson(polygonsPath) as { features: { properties: { id: string } }[] }).features.map(
        (f) => f.properties.id,
      )
    : [];
  // Months, weekdays and function words are no village names ("May" is an alternate name of Moy, Niger).
  const calendar = readJson(join(dir, 'lexicon/calendar.json')) as { months: string[]; weekdays: string[] };
  const unknown = readJson(join(dir, 'lexicon/unknown-places.json')) as { notNames: string[] };
  const notNames = new Set([...calendar.months, ...calendar.weekdays, ...unknown.notNames].map(fold));
  return mergeSahelLayers(gaz, {
    records,
    osm: layer('osm-places-sahel.json'),
    polygons: new Set(polygons),
    notNames,
  });
}

/** The regions the build writes: regions.geojson (its text when the caller has read it) plus the admin-2
 * polygons of admin2.geojson when present, so "in Soum province" shades Soum. */
export function readRegions(dir: string, regionsText?: string): RegionCollection {
  geodataRoots.add(resolve(dir));
  const regions = (
    regionsText === undefined ? readJson(join(dir, 'regions.geojson')) : JSON.parse(regionsText)
  ) as RegionCollection;
  const admin2Path = join(dir, 'admin2.geojson');
  if (!existsSync(admin2Path)) return regions;
  return withAdmin2Regions(regions, (readJson(admin2Path) as { features: Admin2Feature[] }).features);
}
