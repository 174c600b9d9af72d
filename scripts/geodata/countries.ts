// Country entries and polygons from Natural Earth (world-atlas TopoJSON), ISO codes from i18n-iso-countries.
import { readFileSync } from 'node:fs';
import * as turf from '@turf/turf';
import isoCountries from 'i18n-iso-countries';
import { feature } from 'topojson-client';
import type { Feature, FeatureCollection } from 'geojson';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { GazetteerEntry } from '../../src/pipeline/types.ts';
import { labelPoint, type Poly } from './geometry.ts';
import { worldAtlasFile } from './sources.ts';
import { uniqueNames } from './util.ts';

/** Features without an ISO numeric id in Natural Earth that still need a code. XK is the code in common use. */
const NO_NUMERIC: Record<string, string> = { Kosovo: 'XK' };

/** Country aliases that would fire on ordinary words once the spotter folds case ("US" -> "us"). */
const UNSAFE_ALIASES = new Set(['us', 'u.s', 'usa.']);

export interface CountryShape {
  iso2: string | null;
  name: string;
  geometry: Poly;
}

export function readCountries(resolution: '10m' | '50m' | '110m'): CountryShape[] {
  const topo = JSON.parse(readFileSync(worldAtlasFile(`countries-${resolution}.json`), 'utf8')) as Topology<{
    countries: GeometryCollection<{ name: string }>;
  }>;
  const fc = feature(topo, topo.objects.countries) as FeatureCollection<Poly | null, { name: string }>;
  const out: CountryShape[] = [];
  for (const f of fc.features) {
    if (!f.geometry) continue;
    const name = f.properties.name;
    const iso2 = (f.id !== undefined && isoCountries.numericToAlpha2(String(f.id))) || NO_NUMERIC[name] || null;
    out.push({ iso2, name, geometry: f.geometry });
  }
  return out;
}

/** One shape per ISO code: Natural Earth splits a few (Australia and Ashmore share 036); keep the largest. */
export function byIso(shapes: CountryShape[]): Map<string, CountryShape> {
  const m = new Map<string, { s: CountryShape; area: number }>();
  for (const s of shapes) {
    if (!s.iso2) continue;
    const area = turf.area(s.geometry);
    const prev = m.get(s.iso2);
    if (!prev || area > prev.area) m.set(s.iso2, { s, area });
  }
  return new Map([...m].map(([k, v]) => [k, v.s]));
}

export function countryName(iso2: string, fallback: string): string {
  // Natural Earth abbreviates ("Dem. Rep. Congo"); prefer the ISO English short name then.
  if (!fallback.includes('.')) return fallback;
  return isoCountries.getName(iso2, 'en', { select: 'official' }) ?? fallback;
}

export function countryEntries(shapes: Map<string, CountryShape>): GazetteerEntry[] {
  const out: GazetteerEntry[] = [];
  for (const [iso2, s] of shapes) {
    const name = countryName(iso2, s.name);
    const names = [
      s.name,
      ...toArray(isoCountries.getNames('en', { select: 'all' })[iso2]),
      ...toArray(isoCountries.getNames('fr', { select: 'all' })[iso2]),
    ].filter((a) => !UNSAFE_ALIASES.has(a.toLowerCase()) && a.replace(/[^A-Za-z]/g, '').length > 2);
    out.push({
      id: `country:${iso2}`,
      name,
      kind: 'country',
      country: iso2,
      admin1: null,
      point: labelPoint(s.geometry),
      population: 0,
      featureCode: 'PCLI',
      aliases: uniqueNames(names, [name]),
      regionId: `country:${iso2}`,
    });
  }
  return out;
}

function toArray(x: string | string[] | undefined): string[] {
  return x === undefined ? [] : Array.isArray(x) ? x : [x];
}

export function countryFeature(iso2: string, name: string, geometry: Poly) {
  return {
    type: 'Feature',
    id: `country:${iso2}`,
    properties: { id: `country:${iso2}`, name, kind: 'country', country: iso2 },
    geometry,
  } satisfies Feature<Poly>;
}
