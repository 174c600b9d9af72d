// Loading the build's output: five fetches from the served `data/` folder, then the in-memory indexes.

import type { Feature, Point } from 'geojson';
import type {
  IncidentCollection,
  RegionCollection,
  RiskRowOut,
  SourceOut,
  UnlocatedOut,
} from '../../pipeline/contract.ts';
import { OUTPUT_FILES } from '../../pipeline/contract.ts';
import { NO_DAY } from './dates.ts';
import { buildIndex, flatCache, type FlatProps, type IncidentIndex } from './model.ts';
import { buildRegionIndex, type RegionIndex } from './regions.ts';

export interface RawData {
  incidents: IncidentCollection;
  regions: RegionCollection;
  risk: RiskRowOut[];
  sources: SourceOut[];
  /** Event sentences the build could give no place (listed, not mapped). */
  unlocated: UnlocatedOut[];
}

export interface LoadedData extends RawData {
  ix: IncidentIndex;
  rx: RegionIndex;
  /** Flat MapLibre feature of incident i (built on first use). */
  flat: (i: number) => Feature<Point, FlatProps> | null;
  pointCount: number;
  sourcesById: Map<string, SourceOut>;
  countryNames: Map<string, string>;
  dayMin: number;
  dayMax: number;
}

export function dataUrl(rel: string): string {
  return new URL(`data/${rel}`, document.baseURI).href;
}

async function getJson<T>(rel: string, fallback?: T): Promise<T> {
  const res = await fetch(dataUrl(rel));
  if (!res.ok) {
    if (fallback !== undefined) return fallback;
    throw new Error(`${rel}: HTTP ${res.status} ${res.statusText}`);
  }
  // An optional file an older build did not write may come back as the app's own page (a preview server's
  // fallback), not as a 404: what does not parse is a missing file too. (Content types are no guide: servers
  // differ on .geojson.)
  try {
    return (await res.json()) as T;
  } catch (e) {
    if (fallback !== undefined) return fallback;
    throw e;
  }
}

export async function fetchData(): Promise<RawData> {
  const [incidents, regions, risk, sources, unlocated] = await Promise.all([
    getJson<IncidentCollection>(OUTPUT_FILES.incidents),
    getJson<RegionCollection>(OUTPUT_FILES.regions, { type: 'FeatureCollection', features: [] }),
    getJson<RiskRowOut[]>(OUTPUT_FILES.risk, []),
    getJson<SourceOut[]>(OUTPUT_FILES.sources, []),
    getJson<UnlocatedOut[]>(OUTPUT_FILES.unlocated, []),
  ]);
  if (incidents?.type !== 'FeatureCollection' || !Array.isArray(incidents.features))
    throw new Error(`${OUTPUT_FILES.incidents} is not a GeoJSON FeatureCollection`);
  return { incidents, regions, risk, sources, unlocated };
}

export function prepare(raw: RawData): LoadedData {
  const ix = buildIndex(raw.incidents);
  const rx = buildRegionIndex(raw.regions, ix);
  const flat = flatCache(ix);
  let pointCount = 0;
  for (let i = 0; i < ix.n; i++) if (!Number.isNaN(ix.lon[i]!)) pointCount++;
  let dayMin = Infinity;
  let dayMax = -Infinity;
  for (let i = 0; i < ix.n; i++) {
    if (ix.dayStart[i] === NO_DAY) continue;
    if (ix.dayStart[i]! < dayMin) dayMin = ix.dayStart[i]!;
    if (ix.dayEnd[i]! > dayMax) dayMax = ix.dayEnd[i]!;
  }
  const countryNames = new Map<string, string>();
  for (const f of raw.regions.features)
    if (f.properties.kind === 'country' && f.properties.country)
      countryNames.set(f.properties.country, f.properties.name);
  return {
    ...raw,
    ix,
    rx,
    flat,
    pointCount,
    sourcesById: new Map(raw.sources.map((s) => [s.id, s])),
    countryNames,
    dayMin: Number.isFinite(dayMin) ? dayMin : NO_DAY,
    dayMax: Number.isFinite(dayMax) ? dayMax : NO_DAY,
  };
}
