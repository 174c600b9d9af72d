// What flows between the pipeline stages, and what the build writes for the map.
// clean -> segment -> mentions -> resolve -> claims -> features
// Words follow ACLED's codebook where they fit (event_type, geo_precision, time_precision).

import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';

/** ISO 3166-1 alpha-2 country code, e.g. "ML". */
export type CountryCode = string;

// ---------------------------------------------------------------- input

/** One article as read from disk (the CLI reads files; the pipeline never touches fs). */
export interface RawDoc {
  /** Stable id: the file name without extension. */
  id: string;
  file: string;
  format: 'txt' | 'md' | 'html';
  text: string;
  meta: SourceMeta;
}

export interface SourceMeta {
  title: string | null;
  publisher: string | null;
  /** ISO date (YYYY-MM-DD) or null when the article does not say. */
  published: string | null;
}

// ---------------------------------------------------------------- gazetteer

export type PlaceKind = 'country' | 'admin1' | 'admin2' | 'place' | 'vernacular' | 'continent' | 'water';

/** One gazetteer entry. Coordinates come from Natural Earth / GeoNames derivatives, never typed by hand. */
export interface GazetteerEntry {
  /** Stable id: "country:ML", "admin1:ML-7" (ISO 3166-2), "gn:2460596" (GeoNames id), "vern:central-mali", "custom:<slug>". */
  id: string;
  name: string;
  kind: PlaceKind;
  country: CountryCode | null;
  /** Id of the containing admin-1 entry when known. */
  admin1: string | null;
  /** Representative point [lon, lat] (label point for polygons), 6 decimals. */
  point: [number, number];
  population: number;
  /** GeoNames feature code when known (PPLC, PPLA, PPL, ADM1, PCLI ...). */
  featureCode: string | null;
  /** Alternate names and exonyms, matched accent- and case-insensitively. */
  aliases: string[];
  /** Id of the polygon in regions.geojson that draws this entry, when it has one. */
  regionId: string | null;
}

/** A demonym or adjective that points to a place ("Malian" -> country:ML). */
export interface DemonymEntry {
  word: string;
  placeId: string;
}

export interface Gazetteer {
  entries: GazetteerEntry[];
  demonyms: DemonymEntry[];
}

// ---------------------------------------------------------------- lexicons

export type ActorType =
  | 'State forces'
  | 'Rebel groups'
  | 'Political militias'
  | 'Identity militias'
  | 'Rioters'
  | 'Protesters'
  | 'Civilians'
  | 'External/Other forces';

export interface ActorEntry {
  /** Canonical name, e.g. "JNIM", "Military Forces of Mali". */
  name: string;
  type: ActorType;
  /** Country the actor belongs to, when it has one. */
  country: CountryCode | null;
  aliases: string[];
}

/** Generic actor words ("soldiers", "police") whose country comes from the sentence. */
export interface GenericActorEntry {
  kind: 'military' | 'police' | 'government';
  /** Name template with "{country}", e.g. "Military Forces of {country}". */
  name: string;
  type: ActorType;
  aliases: string[];
}

export interface Lexicons {
  actors: ActorEntry[];
  generic: GenericActorEntry[];
  /** Phrases containing a place name that are not places ("Vienna Convention"). */
  nonLocations: string[];
  /** Folded words that are gazetteer names but never a place when they stand alone ("Western", "Centre"). */
  notAlone: Set<string>;
  events: EventLexicon;
}

/** geodata/lexicon/events.json: triggers, impacts, modality cues and fatality words. */
export interface EventLexicon {
  triggers: { event_type: string; sub_event_type: string; cues: string[] }[];
  impacts: Record<Impact, string[]>;
  modality: Record<'speculative' | 'claimed' | 'alleged' | 'historical', string[]>;
  fatalities: { verbs: string[]; nouns: string[]; after: string[]; words: Record<string, number> };
}

// ---------------------------------------------------------------- clean

/** Why a stretch of the input did not reach the cleaned text. */
export interface Dropped {
  reason: 'html-debris' | 'page-furniture' | 'non-article' | 'duplicate-table' | 'empty-line';
  /** Offsets in the original text. */
  start: number;
  end: number;
  text: string;
}

export interface CleanDoc {
  id: string;
  text: string;
  /** offsets[i] = offset in the original text of cleaned character i (length text.length + 1). */
  offsets: Int32Array;
  dropped: Dropped[];
  /** Photo captions and credits kept as their own blocks (cleaned-text ranges). */
  captions: Span[];
}

export interface Span {
  start: number;
  end: number;
}

// ---------------------------------------------------------------- segment

export interface Sentence {
  /** Index within the document. */
  index: number;
  /** Offsets in the cleaned text. */
  start: number;
  end: number;
  text: string;
  /** 'caption' for photo captions, 'heading' for short unpunctuated lines, 'table-row' for a row's text. */
  kind: 'sentence' | 'heading' | 'caption' | 'list-item' | 'table-row';
}

export interface Table {
  index: number;
  start: number;
  end: number;
  header: string[];
  rows: TableRow[];
  /** Indices of later tables that repeated this one and were dropped. */
  duplicates: number;
  /** Rows whose cell count differed from the header's (kept, padded or joined). */
  ragged: number;
}

export interface TableRow {
  start: number;
  end: number;
  cells: string[];
}

export interface Segmented {
  sentences: Sentence[];
  tables: Table[];
}

// ---------------------------------------------------------------- mentions

export interface Mention {
  /** Offsets in the cleaned text. */
  start: number;
  end: number;
  surface: string;
  sentence: number;
  /** Gazetteer ids that share this surface form. */
  candidates: readonly string[];
  /** How the mention was spotted. */
  via: 'name' | 'alias' | 'demonym';
  /** Set when the mention is not a location: why. */
  rejected: RejectReason | null;
  /** For metonymy: the actor the place stands for ("Government of France"). */
  standsFor: string | null;
}

export type RejectReason =
  | 'inside-actor-name'
  | 'inside-non-location-phrase'
  | 'metonymy'
  | 'analogy'
  | 'page-furniture'
  | 'out-of-scope'
  | 'continent'
  | 'common-word'
  | 'person-name'
  | 'part-of-longer-name';

export interface ActorMention {
  start: number;
  end: number;
  surface: string;
  sentence: number;
  /** Canonical actor name; for generic words ("soldiers") the template, filled in by the claims stage. */
  actor: string;
  generic: GenericActorEntry['kind'] | null;
}

// ---------------------------------------------------------------- resolve

export interface Resolution {
  mention: Mention;
  /** Chosen entry, or null ("none" is a valid answer). */
  placeId: string | null;
  status: 'resolved' | 'ambiguous' | 'rejected' | 'unknown';
  /** Ranked alternatives with scores, best first. */
  ranked: { id: string; score: number }[];
  /** Human-readable reason for the report. */
  why: string;
}

// ---------------------------------------------------------------- claims

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

export interface Claim {
  /** Stable id: hash of source id + sentence offsets + place id. */
  id: string;
  sourceId: string;
  sentence: number;
  /** Offsets of the sentence in the cleaned text of its source. */
  start: number;
  end: number;
  text: string;
  placeId: string;
  geoPrecision: GeoPrecision;
  actors: string[];
  eventType: string;
  subEventType: string | null;
  /** ISO dates; null when unknown (undated claim). */
  dateStart: string | null;
  dateEnd: string | null;
  timePrecision: TimePrecision | null;
  fatalities: number | null;
  impacts: Impact[];
  modality: Modality;
  /** A place the sentence names that the gazetteer lacks; the claim is then located near a unit it names. */
  unlocatedName: string | null;
}

/** A row of a region-keyed table ("Region | Impact | Potential global risk"). */
export interface RiskRow {
  id: string;
  sourceId: string;
  table: number;
  start: number;
  end: number;
  /** Place the row is keyed by; null for tables without a region column (unlocated rows). */
  placeId: string | null;
  regionId: string | null;
  header: string[];
  cells: string[];
}

// ---------------------------------------------------------------- features (output)

/** Properties of one incident feature (one event, possibly several claims). */
export interface IncidentProps {
  id: string;
  place_id: string;
  place_name: string;
  country: CountryCode | null;
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

export interface RegionProps {
  id: string;
  name: string;
  kind: 'country' | 'admin1' | 'vernacular';
  country: CountryCode | null;
}
export type RegionCollection = FeatureCollection<Polygon | MultiPolygon, RegionProps>;

export interface SourceOut {
  id: string;
  file: string;
  title: string | null;
  publisher: string | null;
  published: string | null;
  /** Cleaned text: what claim offsets point into. */
  text: string;
}

export interface ReportEntry {
  source_id: string;
  start: number;
  end: number;
  surface: string;
  sentence: string;
  status: Resolution['status'];
  place_id: string | null;
  alternatives: string[];
  why: string;
}

export interface BuildReport {
  documents: { id: string; file: string; status: 'ok' | 'skipped'; why: string | null; chars: number }[];
  mentions: ReportEntry[];
  dropped: (Dropped & { source_id: string })[];
  /** Sentences that report an event but give it no place: no claim on the map, listed here instead. */
  unlocated: UnlocatedOut[];
  counts: Record<string, number>;
}

/** A sentence with an event cue and no place: the claims stage says why it made no claim of it. */
export interface UnlocatedEvent {
  sourceId: string;
  sentence: number;
  start: number;
  end: number;
  text: string;
  eventType: string;
  subEventType: string;
  why: string;
}

/** An unlocated event sentence as written to report.json. */
export interface UnlocatedOut {
  source_id: string;
  start: number;
  end: number;
  sentence: string;
  event_type: string;
  sub_event_type: string;
  why: string;
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
} as const;
