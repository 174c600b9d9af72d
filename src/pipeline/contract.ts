// The output contract: what the build writes into public/data/ and the map reads, and the map's only import from
// the pipeline side. Words follow ACLED's codebook where they fit (event_type, geo_precision, time_precision);
// fields are snake_case as written to disk. Stage results are mapped into these shapes in output.ts and features.ts.

import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';

// ---------------------------------------------------------------- vocabulary (shared with the stages)

/** ISO 3166-1 alpha-2 country code, e.g. "ML". */
export type CountryCode = string;

export type ActorType =
  | 'State forces'
  | 'Rebel groups'
  | 'Political militias'
  | 'Identity militias'
  | 'Rioters'
  | 'Protesters'
  | 'Civilians'
  | 'External/Other forces';

export type Modality = 'reported' | 'claimed' | 'alleged' | 'speculative' | 'historical';
export type GeoPrecision = 1 | 2 | 3;
export type TimePrecision = 1 | 2 | 3;

export type Impact =
  | 'casualties'
  | 'displacement'
  | 'humanitarian access'
  | 'political/diplomatic'
  | 'economic'
  | 'security vacuum'
  | 'fuel crisis'
  | 'school closures';

/** The fate of a place mention: resolved to one entry, ambiguous, rejected (not a place), unknown to the gazetteer. */
export type MentionStatus = 'resolved' | 'ambiguous' | 'rejected' | 'unknown';

/** Why a stretch of the input did not reach the cleaned text. */
export interface Dropped {
  reason: 'html-debris' | 'page-furniture' | 'non-article' | 'duplicate-table' | 'empty-line';
  /** Offsets in the original text. */
  start: number;
  end: number;
  text: string;
}

// ---------------------------------------------------------------- incidents.geojson

/** Properties of one incident feature (one event, possibly several claims). */
export interface IncidentProps {
  id: string;
  place_id: string;
  place_name: string;
  country: CountryCode | null;
  /** Names of the admin-1 and admin-2 units holding the place (from the gazetteer's hierarchy), when known. */
  admin1: string | null;
  admin2: string | null;
  /** Polygon id in regions.geojson for region/country precision; geometry is then null. */
  region_id: string | null;
  geo_precision: GeoPrecision;
  event_type: string;
  sub_event_type: string | null;
  date_start: string | null;
  date_end: string | null;
  time_precision: TimePrecision | null;
  actors: string[];
  /** Parallel to `actors`: the ACLED actor type of each, null when the lexicon does not know it. */
  actor_types: (ActorType | null)[];
  fatalities: number | null;
  /** [lowest, highest] when the claims state different tolls (the lowest is `fatalities`); null when they agree. */
  fatalities_range: [number, number] | null;
  impacts: Impact[];
  modality: Modality;
  n_sources: number;
  claims: ClaimProps[];
}

export interface ClaimProps {
  id: string;
  source_id: string;
  source_title: string | null;
  publisher: string | null;
  published: string | null;
  sentence: string;
  start: number;
  end: number;
  actors: string[];
  fatalities: number | null;
  modality: Modality;
  date_start: string | null;
  date_end: string | null;
  /** The exact place the sentence names when the gazetteer lacks it (the incident sits near a named unit). */
  unlocated_name: string | null;
}

export type IncidentFeature = Feature<Point | null, IncidentProps>;
export type IncidentCollection = FeatureCollection<Point | null, IncidentProps>;

// ---------------------------------------------------------------- regions.geojson

export interface RegionProps {
  id: string;
  name: string;
  kind: 'country' | 'admin1' | 'admin2' | 'vernacular';
  country: CountryCode | null;
}
export type RegionCollection = FeatureCollection<Polygon | MultiPolygon, RegionProps>;

// ---------------------------------------------------------------- sources.json, risk.json, unlocated.json

export interface SourceOut {
  id: string;
  file: string;
  title: string | null;
  publisher: string | null;
  published: string | null;
  /** Cleaned text: what claim offsets point into. */
  text: string;
}

/** A risk row as written to risk.json for the map's risk table. */
export interface RiskRowOut {
  id: string;
  source_id: string;
  source_title: string | null;
  table: number;
  /** Region polygon id in regions.geojson, or null for unlocated rows. */
  region_id: string | null;
  place_id: string | null;
  region_name: string | null;
  header: string[];
  cells: string[];
  /** Offsets of the row in the cleaned source text. */
  start: number;
  end: number;
}

/** An event sentence with no place, as written to report.json and unlocated.json. */
export interface UnlocatedOut {
  source_id: string;
  start: number;
  end: number;
  sentence: string;
  event_type: string;
  sub_event_type: string;
  why: string;
}

// ---------------------------------------------------------------- report.json

/** One place mention and its fate. */
export interface ReportEntry {
  source_id: string;
  start: number;
  end: number;
  surface: string;
  sentence: string;
  status: MentionStatus;
  place_id: string | null;
  alternatives: string[];
  why: string;
  /** What a resolved mention does in its sentence (event, capital, near, dateline, reference, route, origin, source,
   * inside-name) and the words that decided it; null for mentions that were not resolved. */
  role: string | null;
  role_cue: string | null;
}

/** One input file: built, or skipped and why. */
export interface ReportDocument {
  id: string;
  file: string;
  status: 'ok' | 'skipped';
  why: string | null;
  chars: number;
}

export interface BuildReport {
  documents: ReportDocument[];
  mentions: ReportEntry[];
  dropped: (Dropped & { source_id: string })[];
  /** Sentences that report an event but give it no place: no claim on the map, listed here instead. */
  unlocated: UnlocatedOut[];
  counts: Record<string, number>;
}

// ---------------------------------------------------------------- files

/** Files the build writes into its output folder (default public/data/), read by the map. */
export const OUTPUT_FILES = {
  incidents: 'incidents.geojson',
  regions: 'regions.geojson',
  risk: 'risk.json',
  sources: 'sources.json',
  report: 'report.json',
  /** The report's event sentences with no place, for the map's list of them. */
  unlocated: 'unlocated.json',
  summary: 'report.txt',
  basemapLand: 'basemap/land.geojson',
  basemapCountries: 'basemap/countries.geojson',
  basemapLabels: 'basemap/labels.geojson',
  /** What the map's first draw needs: incidents without their claims (IncidentSlimProps). */
  mapIncidents: 'map/incidents.geojson',
  /** Sources without their text (SourceMeta). */
  mapSources: 'map/sources.json',
  /** Chunk counts (MapManifest); the app reads the map/ files only when this is there. */
  mapManifest: 'map/manifest.json',
} as const;

// ---------------------------------------------------------------- map/: the slim layer and its chunks

/**
 * An incident as the map first draws it: every property but the claims, plus what the filters, legend, list and
 * hover card take from them, and the chunk that holds them (`claimsChunkFile(claims_chunk)`).
 */
export interface IncidentSlimProps extends Omit<IncidentProps, 'claims'> {
  n_claims: number;
  /** Distinct source ids of the claims, in claim order. */
  source_ids: string[];
  claims_chunk: number;
}
export type IncidentSlimCollection = FeatureCollection<Point | null, IncidentSlimProps>;

/** A source without its text, which is in `textChunkFile(text_chunk)`. */
export interface SourceMeta extends Omit<SourceOut, 'text'> {
  text_chunk: number;
}

/** map/claims/<n>.json: [incident id, its claims] for a run of incidents, in incidents.geojson order. */
export type ClaimsChunk = [string, ClaimProps[]][];
/** map/texts/<n>.json: [source id, cleaned text] for a run of sources, in sources.json order. */
export type TextChunk = [string, string][];

export interface MapManifest {
  format: 1;
  incidents: number;
  sources: number;
  claims_chunks: number;
  text_chunks: number;
  /** Every map/ file has a gzip sibling (`.gz`) the servers send when the browser accepts gzip. */
  gzip: boolean;
}

export const claimsChunkFile = (n: number): string => `map/claims/${n}.json`;
export const textChunkFile = (n: number): string => `map/texts/${n}.json`;
