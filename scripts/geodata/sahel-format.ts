// The record format of geodata/gazetteer-sahel.json and geodata/osm-places-sahel.json, and the feature-type
// vocabulary both share. Build-only data: the pipeline does not load these files yet.
import { readFileSync } from 'node:fs';
import { fold } from '../../src/pipeline/text.ts';
import type { GazetteerEntry } from '../../src/pipeline/types.ts';
import {
  LAYER_COLUMNS,
  layerRecords,
  OSM_LAYER_COLUMNS,
  type LayerRow,
} from '../../src/pipeline/gazetteer-sahel.ts';
import { nameKeySet } from './sahel-merge.ts';

/** What a record is. Settlements first; the rest are places conflict reporting names too (camps, wells, mines). */
export type SahelType =
  | 'admin2'
  | 'admin3'
  | 'city'
  | 'town'
  | 'village'
  | 'hamlet'
  | 'quarter'
  | 'locality'
  | 'camp'
  | 'well'
  | 'mine'
  | 'airfield'
  | 'military'
  | 'area'
  | 'reserve'
  | 'site';

export interface AdminRef {
  /** admin-1: the id in geodata/gazetteer.json ("admin1:ML-5"); admin-2: the id of an admin2 record here. */
  id: string;
  name: string;
}

export interface SahelPlace {
  /** Primary id: "gn:<geonameid>" when GeoNames has the place, else "wof:<id>"; admin-2: "admin2:<p-code>". */
  id: string;
  /** Every source id merged into this record: gn:, wof:, pcode:, and for admin-2 the main gazetteer's admin2: id. */
  ids: string[];
  name: string;
  /** Alternate names (French and English spellings, GNS variants), accent-insensitively distinct from name. */
  alt: string[];
  /** Spacing-free folded keys of name and alt (see spacingFreeKey): "Bani Bangou" and "Banibangou" -> "banibangou". */
  keys: string[];
  type: SahelType;
  /** GeoNames feature code (PPL, PPLA2, CMP, WLL ...), WOF placetype, or OSM place value. */
  fcode: string | null;
  /** Population where a source gives one; null otherwise (most villages). */
  population: number | null;
  country: string;
  admin1: AdminRef | null;
  admin2: AdminRef | null;
  /** [lon, lat], 6 decimals. */
  point: [number, number];
}

export interface OsmPlace extends SahelPlace {
  /** Id of the gazetteer-sahel.json record this node is one place with (merge rule of sahel-merge.ts), or null. */
  same: string | null;
}

/** An admin parent as the files store it: [id, name], to keep 60,000 records small. */
export type AdminTuple = [id: string, name: string];

/** A record of gazetteer-sahel.json (admin parents as tuples). */
export type SahelRecord = Omit<SahelPlace, 'admin1' | 'admin2'> & {
  admin1: AdminTuple | null;
  admin2: AdminTuple | null;
};
/** A record of osm-places-sahel.json: no `ids` (always just its own id). */
export type OsmRecord = Omit<SahelRecord, 'ids'> & { same: string | null };

const tuple = (r: AdminRef | null): AdminTuple | null => (r ? [r.id, r.name] : null);
const ref = (t: AdminTuple | null): AdminRef | null => (t ? { id: t[0], name: t[1] } : null);

export function toRecord(p: SahelPlace): SahelRecord {
  return { ...p, admin1: tuple(p.admin1), admin2: tuple(p.admin2) };
}

export function toOsmRecord(p: OsmPlace): OsmRecord {
  const { ids: _ids, ...rest } = p;
  return { ...rest, admin1: tuple(p.admin1), admin2: tuple(p.admin2) };
}

export function fromRecord(r: SahelRecord | OsmRecord): SahelPlace {
  return { ids: [r.id], ...r, admin1: ref(r.admin1), admin2: ref(r.admin2) };
}

/** GeoNames feature code -> type; codes not listed are not kept (rivers, single hills and peaks, dunes, wadis ...). */
export function gnType(featureClass: string, code: string, population: number): SahelType | null {
  if (featureClass === 'P') {
    if (code === 'PPLC') return 'city';
    if (/^PPLA\d?$/.test(code) || code === 'PPLG') return population >= 100_000 ? 'city' : 'town';
    if (code === 'PPLX') return 'quarter';
    if (code === 'PPLL' || code === 'PPLQ' || code === 'PPLW' || code === 'PPLH') return 'locality';
    return population >= 100_000 ? 'city' : population >= 10_000 ? 'town' : 'village';
  }
  if (featureClass === 'A') return code === 'ADM3' ? 'admin3' : null;
  if (featureClass === 'S') {
    if (code.startsWith('CMP')) return 'camp';
    if (code.startsWith('MN')) return 'mine';
    if (code.startsWith('AIR')) return 'airfield';
    if (['INSM', 'MILB', 'FT', 'PSTB', 'PSTC', 'PSTP'].includes(code)) return 'military';
    if (['MKT', 'DAM', 'BDG', 'RSTN', 'RSTP'].includes(code)) return 'site';
    return null;
  }
  if (featureClass === 'L') {
    if (code === 'LCTY') return 'locality';
    if (code === 'AREA' || code === 'RGN') return 'area';
    if (['RESF', 'RESW', 'RESN', 'RES', 'PRK'].includes(code)) return 'reserve';
    return null;
  }
  if (featureClass === 'H') return ['WLL', 'WLLS', 'WLLQ', 'WTRH', 'OAS', 'SPNG'].includes(code) ? 'well' : null;
  // "the Ifoghas mountains", "the Bandiagara plateau": a massif or plateau is an area (claims there are near it).
  if (featureClass === 'T') return code === 'MTS' || code === 'PLAT' ? 'area' : null;
  return null;
}

/** OSM place value -> type; administrative and other values are not kept. */
export function osmType(place: string, population: number): SahelType | null {
  switch (place) {
    case 'city':
      return 'city';
    case 'town':
      return population >= 100_000 ? 'city' : 'town';
    case 'village':
      return 'village';
    case 'hamlet':
    case 'isolated_dwelling':
    case 'farm':
      return 'hamlet';
    case 'locality':
      return 'locality';
    case 'suburb':
    case 'neighbourhood':
    case 'quarter':
      return 'quarter';
    default:
      return null;
  }
}

/** Mappers' placeholders, not names: OSM has 74 nodes called "Habitation" and 57 "Concession" in the zone. */
const GENERIC_NAMES = new Set([
  'habitation',
  'concession',
  'village',
  'hameau',
  'hameaudeculture',
  'hameauculturedisperse',
  'campement',
  'quartier',
  'puits',
  'forage',
  'ferme',
  'maison',
  'unknown',
]);

/**
 * A name worth keeping: Latin script (with accents), a few letters at least, no code-like all-caps token
 * ("TOM", "BFA"), no bracketed or numbered GNS annotations beyond a trailing number ("Darbiti 2").
 */
export function usableName(s: string): boolean {
  const n = s.trim();
  if (GENERIC_NAMES.has(fold(n).replace(/[^\p{L}\p{N}]+/gu, ''))) return false;
  if (n.length < 2 || n.length > 60) return false;
  if (!/^[\p{Script=Latin}\p{M}' ’.\-\s0-9]+$/u.test(n)) return false;
  const letters = n.replace(/[^\p{L}]/gu, '');
  if (letters.length < 2) return false;
  if (/^[A-Z]{2,5}$/.test(n)) return false;
  return !/\d/.test(n) || /^[^\d]+ \d{1,2}$/.test(n);
}

/** Distinct usable names, accent- and case-insensitively, excluding `exclude`; first-seen order. */
export function distinctNames(names: Iterable<string>, exclude: readonly string[] = []): string[] {
  const seen = new Set(exclude.map((x) => fold(x.trim())));
  const out: string[] = [];
  for (const raw of names) {
    const n = raw.replace(/\s+/g, ' ').trim();
    const k = fold(n);
    if (!n || seen.has(k) || !usableName(n)) continue;
    seen.add(k);
    out.push(n);
  }
  return out;
}

/** A record as a GazetteerEntry (for scripts/gazetteer-coverage.ts and later the resolver's loader). */
export function toGazetteerEntry(p: SahelPlace): GazetteerEntry {
  return {
    id: p.id,
    name: p.name,
    kind: p.type === 'admin2' ? 'admin2' : 'place',
    country: p.country,
    admin1: p.admin1?.id ?? null,
    point: p.point,
    population: p.population ?? 0,
    featureCode: p.fcode,
    aliases: p.alt,
    regionId: null,
  };
}

/**
 * The two layers as one list, as a loader that may use ODbL data would build it: an OSM node that is one place
 * with a CC BY record adds its id and names to that record; the others are records of their own. (A database
 * merged this way contains OSM data: it falls under the ODbL and must credit OpenStreetMap contributors.)
 */
export function mergeLayers(cc: readonly SahelPlace[], osm: readonly OsmPlace[]): SahelPlace[] {
  const out = new Map(cc.map((p) => [p.id, { ...p, ids: [...p.ids], alt: [...p.alt], keys: [...p.keys] }]));
  for (const o of osm) {
    const into = o.same ? out.get(o.same) : undefined;
    if (!into) {
      const { same: _same, ...rest } = o;
      out.set(o.id, { ...rest, ids: [o.id] });
      continue;
    }
    into.ids = [...into.ids, o.id].sort();
    for (const n of distinctNames([o.name, ...o.alt], [into.name, ...into.alt])) into.alt.push(n);
    for (const k of o.keys) if (!into.keys.includes(k)) into.keys.push(k);
    if (into.population === null) into.population = o.population;
  }
  return [...out.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * A record as a row of its file (LAYER_COLUMNS, OSM_LAYER_COLUMNS in src/pipeline/gazetteer-sahel.ts). `keys`
 * is not written: the loader never read it, and readLayerFile works it out again from name and alt.
 */
export function recordRow(r: SahelRecord): LayerRow {
  return [r.id, r.ids, r.name, r.alt, r.type, r.fcode, r.population, r.country, r.admin1, r.admin2, r.point];
}

export function osmRecordRow(r: OsmRecord): LayerRow {
  return [r.id, r.name, r.alt, r.type, r.fcode, r.population, r.country, r.admin1, r.admin2, r.point, r.same];
}

/** A layer file's text: its header fields, `columns` on one line, then one row per line (small diffs when a
 * source changes). */
export function layerJson(
  header: Record<string, unknown>,
  records: { cc: readonly SahelRecord[] } | { osm: readonly OsmRecord[] },
): string {
  const [columns, rows] =
    'osm' in records
      ? [OSM_LAYER_COLUMNS, records.osm.map(osmRecordRow)]
      : [LAYER_COLUMNS, records.cc.map(recordRow)];
  const parts = Object.entries(header).map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`);
  parts.push(`"columns": ${JSON.stringify(columns)}`);
  const items = rows.map((r) => JSON.stringify(r));
  parts.push('"rows": [' + (items.length ? `\n${items.join(',\n')}\n` : '') + ']');
  return `{\n${parts.join(',\n')}\n}\n`;
}

/** The records of a layer file with their `keys` (nameKeySet of name and alt), for the scripts and tests. */
export function readLayerFile(file: string): (SahelRecord | OsmRecord)[] {
  return layerRecords(JSON.parse(readFileSync(file, 'utf8')), file).map((r) => {
    const { ids, same, ...rest } = r;
    const keys = nameKeySet([r.name, ...r.alt]);
    return same === undefined
      ? ({ ...rest, ids: ids ?? [r.id], keys } as SahelRecord)
      : ({ ...rest, keys, same } as OsmRecord);
  });
}

/** The records of gazetteer-sahel.json or osm-places-sahel.json as gazetteer entries. */
export function readSahelLayer(file: string): GazetteerEntry[] {
  return readLayerFile(file).map((r) => toGazetteerEntry(fromRecord(r)));
}
