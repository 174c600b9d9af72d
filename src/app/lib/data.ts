// Loading the build's output from the served `data/` folder, then the in-memory indexes. When the build wrote the
// slim layer (map/manifest.json), the first load fetches incidents without claims and sources without text
// (map/incidents.geojson, map/sources.json); claims and texts come later, per incident or source (on-demand.ts).
// Without it (an older build, a data folder written by hand) the whole incidents.geojson and sources.json load.

import type { Feature, Point } from 'geojson';
import type {
  IncidentCollection,
  IncidentSlimCollection,
  MapManifest,
  SourceMeta,
  RegionCollection,
  RiskRowOut,
  SourceOut,
  UnlocatedOut,
} from '../../pipeline/contract.ts';
import { OUTPUT_FILES } from '../../pipeline/contract.ts';
import { NO_DAY } from './dates.ts';
import { buildIndex, flatCache, type FlatProps, type IncidentIndex } from './model.ts';
import { OnDemand } from './on-demand.ts';
import { columnIndex, type ColumnData } from './columns.ts';
import {
  MAP_COLUMNS_FILE,
  MAP_DICTS_FILE,
  type MapDicts,
  type MapManifest2,
} from '../../pipeline/output-chunks.ts';
import { buildRegionIndex, type RegionIndex } from './regions.ts';

export interface RawData {
  incidents: IncidentCollection;
  regions: RegionCollection;
  risk: RiskRowOut[];
  sources: SourceOut[];
  /** Event sentences the build could give no place (listed, not mapped). */
  unlocated: UnlocatedOut[];
  /** Fetches what the slim layer left out; absent: everything is loaded. */
  more?: OnDemand;
  /**
   * The risk rows, when they come after the first drawing (the slim layer: risk.json is 10 MB of table cells at
   * 20k articles, seconds of download and a quarter second of JSON parsing before anything is drawn): fetched
   * once the rest is in, parsed when this is called; `risk` is empty until then.
   */
  riskLater?: () => Promise<RiskRowOut[]>;
  /** The columnar layer (map format 2): the incidents are these, `incidents` is empty. `drop`: duplicate rows. */
  columns?: ColumnData & { drop?: number[] };
}

export interface LoadedData extends Omit<RawData, 'columns' | 'riskLater'> {
  more: OnDemand;
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

/**
 * An optional file fetched now (its body kept as a Blob, read off the page's JS) and parsed when the returned
 * function is called: the download runs while the map draws, the parse comes after. Like getJson's fallback, a
 * missing or unparsable file is `fallback`.
 */
function laterJson<T>(rel: string, fallback: T): () => Promise<T> {
  const body = fetch(dataUrl(rel))
    .then((res) => (res.ok ? res.blob() : null))
    .catch(() => null);
  return async () => {
    const b = await body;
    if (!b) return fallback;
    try {
      return JSON.parse(await b.text()) as T;
    } catch {
      return fallback;
    }
  };
}

/** The slim layer's manifest, or null when the build wrote none (or a server answers with its own page). */
async function manifest(): Promise<MapManifest | MapManifest2 | null> {
  const m = await getJson<MapManifest | MapManifest2 | null>(OUTPUT_FILES.mapManifest, null);
  return m && typeof m === 'object' && (m.format === 1 || m.format === 2) ? m : null;
}

/** A binary file, from its gzip sibling when the build wrote one and the browser can inflate it. */
async function getBytes(rel: string, gz: boolean): Promise<ArrayBuffer> {
  if (gz && typeof DecompressionStream === 'function') {
    const res = await fetch(dataUrl(`${rel}.gz`));
    // a server that sends it with Content-Encoding: gzip has inflated it already: then these are the bytes
    if (res.ok && !res.headers.get('content-encoding')) {
      const gzBytes = await res.blob();
      performance.mark('sahel:gz-fetched');
      const out = await new Response(
        gzBytes.stream().pipeThrough(new DecompressionStream('gzip')),
      ).arrayBuffer();
      performance.mark('sahel:gz-inflated');
      return out;
    }
    if (res.ok) return res.arrayBuffer();
  }
  const res = await fetch(dataUrl(rel));
  if (!res.ok) throw new Error(`${rel}: HTTP ${res.status} ${res.statusText}`);
  return res.arrayBuffer();
}

async function fetchColumns(m: MapManifest2): Promise<ColumnData> {
  const [bin, dicts] = await Promise.all([
    getBytes(MAP_COLUMNS_FILE, m.gzip),
    getJson<MapDicts>(MAP_DICTS_FILE),
  ]);
  if (bin.byteLength !== m.columns_bytes)
    throw new Error(`${MAP_COLUMNS_FILE} has ${bin.byteLength} bytes, the manifest says ${m.columns_bytes}`);
  // Content-defined claims chunks: each chunk's first row, from 0, ascending (claimsChunkOf searches them).
  const starts: unknown = m.claims_chunk_starts;
  if (
    starts !== undefined &&
    !(
      Array.isArray(starts) &&
      starts.length === m.claims_chunks &&
      (starts.length === 0 || starts[0] === 0) &&
      starts.every((s, i) => Number.isSafeInteger(s) && (i === 0 || s > starts[i - 1]))
    )
  )
    throw new Error(`${OUTPUT_FILES.mapManifest}: claims_chunk_starts is not the first row of each chunk`);
  return { manifest: m, bin, dicts };
}

const EMPTY: IncidentCollection = { type: 'FeatureCollection', features: [] };

/**
 * A loader; `early` gets the region polygons as soon as they are in (the map tiles them while the rest loads),
 * `count` the number of incidents the manifest announces (the map sets its layers for that size meanwhile).
 */
export type Loader = (
  early?: (regions: RegionCollection) => void,
  count?: (incidents: number) => void,
) => Promise<RawData>;

export async function fetchData(
  early?: (regions: RegionCollection) => void,
  count?: (incidents: number) => void,
): Promise<RawData> {
  const slim = await manifest();
  if (slim && Number.isSafeInteger(slim.incidents) && slim.incidents >= 0) count?.(slim.incidents);
  // with the slim layer the risk rows are fetched once the rest is in and parsed after the first drawing
  // (AppState.loadRisk)
  let riskLater: (() => Promise<RiskRowOut[]>) | undefined;
  const [incidents, regions, risk, sources, unlocated] = await Promise.all([
    slim?.format === 2
      ? fetchColumns(slim)
      : slim
        ? getJson<IncidentSlimCollection>(OUTPUT_FILES.mapIncidents).then(asIncidents)
        : getJson<IncidentCollection>(OUTPUT_FILES.incidents),
    getJson<RegionCollection>(OUTPUT_FILES.regions, { type: 'FeatureCollection', features: [] }).then((r) => {
      if (r?.type === 'FeatureCollection' && Array.isArray(r.features)) early?.(r);
      return r;
    }),
    slim ? ([] as RiskRowOut[]) : getJson<RiskRowOut[]>(OUTPUT_FILES.risk, []),
    slim
      ? getJson<SourceMeta[]>(OUTPUT_FILES.mapSources).then(asSources)
      : getJson<SourceOut[]>(OUTPUT_FILES.sources, []),
    getJson<UnlocatedOut[]>(OUTPUT_FILES.unlocated, []),
  ]);
  if (slim) riskLater = laterJson<RiskRowOut[]>(OUTPUT_FILES.risk, []);
  const more = slim ? new OnDemand((rel) => getJson<unknown>(rel)) : undefined;
  const rest = {
    regions,
    risk,
    sources,
    unlocated,
    ...(more ? { more } : {}),
    ...(riskLater ? { riskLater } : {}),
  };
  if ('bin' in incidents) return { incidents: EMPTY, columns: incidents, ...rest };
  if (incidents?.type !== 'FeatureCollection' || !Array.isArray(incidents.features))
    throw new Error(
      `${slim ? OUTPUT_FILES.mapIncidents : OUTPUT_FILES.incidents} is not a GeoJSON FeatureCollection`,
    );
  return { incidents, ...rest };
}

/** Slim incidents in the IncidentProps shape, claims empty until fetched (in place: no copy of 100k+ objects). */
function asIncidents(fc: IncidentSlimCollection): IncidentCollection {
  if (Array.isArray(fc?.features))
    for (const f of fc.features)
      if (f?.properties && typeof f.properties === 'object')
        (f.properties as { claims?: unknown }).claims = [];
  return fc as unknown as IncidentCollection;
}

/** Source metadata in the SourceOut shape, text empty until fetched. */
function asSources(list: SourceMeta[]): SourceOut[] {
  if (!Array.isArray(list)) throw new Error(`${OUTPUT_FILES.mapSources} is not a list`);
  for (const s of list) (s as SourceMeta & { text?: string }).text = '';
  return list as unknown as SourceOut[];
}

export function prepare(raw: RawData): LoadedData {
  const titles = new Map(raw.sources.map((s) => [s.id, s.title ?? s.id]));
  const ix = raw.columns
    ? columnIndex(raw.columns, titles, raw.columns.drop)
    : buildIndex(raw.incidents, titles);
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
    more: raw.more ?? new OnDemand(null),
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
