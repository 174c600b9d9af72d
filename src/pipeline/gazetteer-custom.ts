// Analyst-edited places (geodata/custom-places.json) merged into the gazetteer.
// Pure: the caller reads the file. Invalid entries are skipped with a message, never thrown,
// so a typo in the custom file cannot stop a build.
import { round6 } from '../common/geo.ts';
import { compareStrings } from '../common/strings.ts';
import type { Gazetteer, GazetteerEntry } from './types.ts';

export interface CustomPlace {
  name: string;
  country: string;
  lon: number;
  lat: number;
  aliases?: string[];
  admin1?: string;
  note: string;
}

export interface CustomMergeResult {
  gazetteer: Gazetteer;
  errors: string[];
}

function customSlug(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Stable id of a custom place: the same name and country always give the same id. */
export function customPlaceId(name: string, country: string): string {
  return `custom:${country.toLowerCase()}-${customSlug(name)}`;
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Validate one raw item; returns the entry or the list of problems with it. */
function validate(
  raw: unknown,
  where: string,
  known: Map<string, GazetteerEntry>,
): { entry: GazetteerEntry } | { problems: string[] } {
  if (!isObject(raw)) return { problems: [`${where}: expected an object {name, country, lon, lat, note}`] };
  const problems: string[] = [];
  const { name, country, lon, lat, aliases, admin1, note } = raw;
  if (typeof name !== 'string' || !name.trim()) problems.push(`${where}: "name" must be a non-empty string`);
  if (typeof country !== 'string' || !/^[A-Z]{2}$/.test(country)) {
    problems.push(`${where}: "country" must be an ISO 3166-1 alpha-2 code in capitals, e.g. "ML"`);
  }
  if (typeof lon !== 'number' || !Number.isFinite(lon) || lon < -180 || lon > 180) {
    problems.push(`${where}: "lon" must be a number between -180 and 180`);
  }
  if (typeof lat !== 'number' || !Number.isFinite(lat) || lat < -90 || lat > 90) {
    problems.push(`${where}: "lat" must be a number between -90 and 90`);
  }
  if (typeof note !== 'string' || !note.trim()) {
    problems.push(`${where}: "note" must say where the coordinates come from`);
  }
  if (aliases !== undefined && (!Array.isArray(aliases) || aliases.some((a) => typeof a !== 'string'))) {
    problems.push(`${where}: "aliases" must be an array of strings when present`);
  }
  if (admin1 !== undefined) {
    const a1 = typeof admin1 === 'string' ? known.get(admin1) : undefined;
    if (!a1 || a1.kind !== 'admin1') {
      problems.push(`${where}: "admin1" ${JSON.stringify(admin1)} is not an admin1 id of the gazetteer`);
    } else if (typeof country === 'string' && a1.country !== country) {
      problems.push(`${where}: "admin1" ${admin1} belongs to ${a1.country}, not ${country}`);
    }
  }
  if (
    problems.length > 0 ||
    typeof name !== 'string' ||
    typeof country !== 'string' ||
    typeof lon !== 'number' ||
    typeof lat !== 'number'
  ) {
    return { problems };
  }
  const cleanName = name.trim();
  const aliasList = Array.isArray(aliases) ? (aliases as string[]).map((a) => a.trim()).filter(Boolean) : [];
  return {
    entry: {
      id: customPlaceId(cleanName, country),
      name: cleanName,
      kind: 'place',
      country,
      admin1: typeof admin1 === 'string' ? admin1 : null,
      point: [round6(lon), round6(lat)],
      population: 0,
      featureCode: null,
      aliases: [...new Set(aliasList)].filter((a) => a !== cleanName),
      regionId: null,
    },
  };
}

/**
 * Merge custom places into a gazetteer. Idempotent: an entry whose id is already present
 * (e.g. merged once by the derivation and again by the build) is replaced, not duplicated.
 */
export function mergeCustomPlaces(gaz: Gazetteer, custom: unknown): CustomMergeResult {
  const errors: string[] = [];
  if (!Array.isArray(custom)) {
    return {
      gazetteer: gaz,
      errors: ['custom places: expected a JSON array of {name, country, lon, lat, aliases?, admin1?, note}'],
    };
  }
  const known = new Map(gaz.entries.map((e) => [e.id, e]));
  const added = new Map<string, GazetteerEntry>();
  custom.forEach((raw, i) => {
    const label = isObject(raw) && typeof raw.name === 'string' ? ` (${raw.name})` : '';
    const res = validate(raw, `custom places[${i}]${label}`, known);
    if ('problems' in res) {
      errors.push(...res.problems);
      return;
    }
    if (added.has(res.entry.id)) {
      errors.push(`custom places[${i}]${label}: duplicate of an earlier entry (id ${res.entry.id}); skipped`);
      return;
    }
    added.set(res.entry.id, res.entry);
  });
  const entries = gaz.entries.filter((e) => !added.has(e.id)).concat([...added.values()]);
  entries.sort((a, b) => compareStrings(a.id, b.id));
  return { gazetteer: { entries, demonyms: gaz.demonyms }, errors };
}
