// What flows between the pipeline stages: clean -> segment -> mentions -> resolve -> unknown -> claims -> features.
// What the build writes for the map (the output contract) is in contract.ts; its vocabulary is re-exported here.

import type { RoleOf } from './roles.ts';
import type {
  ActorType,
  CountryCode,
  Dropped,
  GeoPrecision,
  Impact,
  MentionStatus,
  Modality,
  TimePrecision,
} from './contract.ts';

export type { ActorType, CountryCode, Dropped, GeoPrecision, Impact, MentionStatus, Modality, TimePrecision };

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
  /** Id of the containing admin-2 entry (cercle, province, département) when known. */
  admin2?: string | null;
  /** Representative point [lon, lat] (label point for polygons), 6 decimals. */
  point: [number, number];
  population: number;
  /** GeoNames feature code when known (PPLC, PPLA, PPL, ADM1, PCLI ...). */
  featureCode: string | null;
  /** Alternate names and exonyms, matched accent- and case-insensitively. */
  aliases: string[];
  /** Id of the polygon in regions.geojson that draws this entry, when it has one. */
  regionId: string | null;
  /**
   * OpenStreetMap maps it as a town or city (place=town/city) under this name (folded, spacing-free: "konna"),
   * though no population may be known ("Konna", "Boni").
   */
  townName?: string;
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

export interface ActorEntry {
  /** Canonical name, e.g. "JNIM", "Military Forces of Mali". */
  name: string;
  type: ActorType;
  /** Country the actor belongs to, when it has one. */
  country: CountryCode | null;
  /** Countries a group with no state of its own is active in ("Katiba Macina": Mali). */
  operatesIn?: CountryCode[];
  /** Admin-1 ids of the regions it is known to act in (the Dogon militias: Mopti), a tie-breaker. */
  regions?: string[];
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
  /** The words around a name with a village-only candidate, which the resolver asks for evidence (mentions.ts). */
  cue?: PlaceCue;
}

/** What the text says around a village name: "in X", "attacked X"; "the village of X"; "Yaya X" (a longer name). */
export interface PlaceCue {
  locative: boolean;
  introduced: boolean;
  fragment: boolean;
  /** "the cercle of X", "X province", "X department": the admin-2 unit rather than its seat. */
  admin: boolean;
  /** "the region of X": the admin-1 unit rather than its capital. */
  region?: boolean;
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
  | 'part-of-longer-name'
  | 'cut-off';

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
  status: MentionStatus;
  /** Ranked alternatives with scores, best first. */
  ranked: { id: string; score: number }[];
  /** Human-readable reason for the report. */
  why: string;
  /** What a resolved mention does in its sentence (the roles stage, src/pipeline/roles.ts). */
  role?: RoleOf;
}

// ---------------------------------------------------------------- claims

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
  /** "30 km north of Timbuktu": the claim is that far from its place, in that direction (an estimate). */
  offset?: Offset | null;
}

/** A stated distance and compass bearing from a gazetteer place. */
export interface Offset {
  km: number;
  bearing: number;
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
