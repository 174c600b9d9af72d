// The incidents in memory: the full IncidentProps for panels and export, plus flat typed arrays for fast filtering,
// plus the flat GeoJSON that MapLibre gets (it flattens nested properties, so we hand it only scalars).

import type { Feature, FeatureCollection, Point } from 'geojson';
import type { ActorType, IncidentCollection, IncidentFeature } from '../../pipeline/contract.ts';
import { NO_DAY, incidentSpan } from './dates.ts';
import { claimCount, slimIncident, sourceIds } from './slim.ts';
import { joinKeys } from './points-text.ts';

export { joinKeys, pointsGeoJSONText } from './points-text.ts';

/** A string dictionary: value <-> small integer. */
export class Dict {
  readonly values: string[] = [];
  readonly index = new Map<string, number>();
  add(value: string): number {
    let i = this.index.get(value);
    if (i === undefined) {
      i = this.values.length;
      this.values.push(value);
      this.index.set(value, i);
    }
    return i;
  }
  get size(): number {
    return this.values.length;
  }
}

/** Compressed lists: items of feature i are list[offsets[i] .. offsets[i+1]). */
export interface Csr {
  offsets: Uint32Array;
  list: Uint32Array;
}

/** Incident id -> index (a Map, or a search over packed ids for the columnar layer). */
export interface IdLookup {
  get(id: string): number | undefined;
  has(id: string): boolean;
}

export interface IncidentIndex {
  /** Incident i as an object; for the columnar layer built on first ask (and kept: the same object each time). */
  features: IncidentFeature[];
  feature(i: number): IncidentFeature;
  n: number;
  byId: IdLookup;
  geoPrecision: Uint8Array;
  /** Claims of each incident, fetched or not. */
  nClaims: Uint32Array;
  /** 1-based into regionIds (0: none): the incident's own polygon. */
  regionRef: Uint32Array;
  regionIds: string[];
  /** 1-based into countries (0: none). */
  countryRef: Uint32Array;
  countries: string[];
  /** Into placeNames. */
  placeRef: Uint32Array;
  placeNames: string[];
  /** Into dateKeys: date_end, else date_start, else '' (the incident list's "newest" order). */
  dateRef: Uint32Array;
  dateKeys: string[];
  /** The highest toll stated (fatalities_range's upper end, else fatalities), -1 when none. */
  toll: Float64Array;
  /** Longitude/latitude, NaN for incidents without a point (region or country precision). */
  lon: Float64Array;
  lat: Float64Array;
  /** Web Mercator x/y in [0, 1], NaN without a point. */
  mx: Float64Array;
  my: Float64Array;
  eventType: Uint16Array;
  modality: Uint16Array;
  dayStart: Int32Array;
  dayEnd: Int32Array;
  /** NaN when no number is stated. */
  fatalities: Float64Array;
  actors: Csr;
  sources: Csr;
  impacts: Csr;
  dicts: {
    eventType: Dict;
    modality: Dict;
    actor: Dict;
    source: Dict;
    impact: Dict;
  };
  /** Actor name -> ACLED actor type (first seen). */
  actorType: Map<string, ActorType | 'Unknown'>;
  /** Source id -> title for display. */
  sourceTitle: Map<string, string>;
  /** Lower-cased searchable text, built on first free-text query. */
  text: string[] | null;
  /** The searchable text of incident i without building its object (columnar layer). */
  textOf?: (i: number) => string;
}

/** Scalar properties of the features MapLibre draws (see filters.ts for the expressions that read them). */
export interface FlatProps {
  fid: number;
  et: string;
  mod: string;
  gp: number;
  fat?: number;
  ds?: number;
  de?: number;
  /** "|JNIM|France|": one delimited string so `in` can test membership. */
  act: string;
  src: string;
  imp: string;
  name: string;
}

export function csr(lists: number[][], total: number): Csr {
  const offsets = new Uint32Array(lists.length + 1);
  const list = new Uint32Array(total);
  let k = 0;
  for (let i = 0; i < lists.length; i++) {
    offsets[i] = k;
    for (const v of lists[i] ?? []) list[k++] = v;
  }
  offsets[lists.length] = k;
  return { offsets, list };
}

export function mercatorX(lon: number): number {
  return (lon + 180) / 360;
}
export function mercatorY(lat: number): number {
  const s = Math.sin((Math.max(-85.05, Math.min(85.05, lat)) * Math.PI) / 180);
  return 0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI);
}

/** `titles`: source id -> title, for incidents of the slim layer (their claims, which carry titles, come later). */
export function buildIndex(fc: IncidentCollection, titles?: ReadonlyMap<string, string>): IncidentIndex {
  const features = fc.features;
  const n = features.length;
  const dicts = {
    eventType: new Dict(),
    modality: new Dict(),
    actor: new Dict(),
    source: new Dict(),
    impact: new Dict(),
  };
  const lon = new Float64Array(n);
  const lat = new Float64Array(n);
  const mx = new Float64Array(n);
  const my = new Float64Array(n);
  const eventType = new Uint16Array(n);
  const modality = new Uint16Array(n);
  const dayStart = new Int32Array(n);
  const dayEnd = new Int32Array(n);
  const fatalities = new Float64Array(n);
  const actorLists: number[][] = new Array<number[]>(n);
  const sourceLists: number[][] = new Array<number[]>(n);
  const impactLists: number[][] = new Array<number[]>(n);
  let nActors = 0;
  let nSources = 0;
  let nImpacts = 0;
  const byId = new Map<string, number>();
  const actorType = new Map<string, ActorType | 'Unknown'>();
  const sourceTitle = new Map<string, string>();
  const geoPrecision = new Uint8Array(n);
  const nClaims = new Uint32Array(n);
  const regionRef = new Uint32Array(n);
  const countryRef = new Uint32Array(n);
  const placeRef = new Uint32Array(n);
  const regions = new Dict();
  const countries = new Dict();
  const places = new Dict();
  const dateRef = new Uint32Array(n);
  const dates = new Dict();
  const toll = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const f = features[i]!;
    const p = f.properties;
    byId.set(p.id, i);
    geoPrecision[i] = p.geo_precision;
    nClaims[i] = claimCount(p);
    regionRef[i] = p.region_id ? regions.add(p.region_id) + 1 : 0;
    countryRef[i] = p.country ? countries.add(p.country) + 1 : 0;
    placeRef[i] = places.add(p.place_name);
    dateRef[i] = dates.add(p.date_end ?? p.date_start ?? '');
    toll[i] = p.fatalities_range?.[1] ?? p.fatalities ?? -1;
    const c = f.geometry?.type === 'Point' ? f.geometry.coordinates : null;
    lon[i] = c ? c[0]! : NaN;
    lat[i] = c ? c[1]! : NaN;
    mx[i] = c ? mercatorX(c[0]!) : NaN;
    my[i] = c ? mercatorY(c[1]!) : NaN;
    eventType[i] = dicts.eventType.add(p.event_type);
    modality[i] = dicts.modality.add(p.modality);
    const [ds, de] = incidentSpan(p.date_start, p.date_end);
    dayStart[i] = ds;
    dayEnd[i] = de;
    fatalities[i] = p.fatalities ?? NaN;
    const a: number[] = [];
    p.actors.forEach((name, k) => {
      a.push(dicts.actor.add(name));
      if (!actorType.has(name)) actorType.set(name, p.actor_types[k] ?? 'Unknown');
    });
    actorLists[i] = a;
    nActors += a.length;
    const s: number[] = [];
    for (const cl of p.claims) {
      const k = dicts.source.add(cl.source_id);
      if (!s.includes(k)) s.push(k);
      if (!sourceTitle.has(cl.source_id)) sourceTitle.set(cl.source_id, cl.source_title ?? cl.source_id);
    }
    if (slimIncident(p))
      for (const id of sourceIds(p)) {
        const k = dicts.source.add(id);
        if (!s.includes(k)) s.push(k);
        if (!sourceTitle.has(id)) sourceTitle.set(id, titles?.get(id) ?? id);
      }
    sourceLists[i] = s;
    nSources += s.length;
    const im = p.impacts.map((x) => dicts.impact.add(x));
    impactLists[i] = im;
    nImpacts += im.length;
  }
  return {
    features,
    feature: (i) => features[i]!,
    n,
    byId,
    geoPrecision,
    nClaims,
    regionRef,
    regionIds: regions.values,
    countryRef,
    countries: countries.values,
    placeRef,
    placeNames: places.values,
    dateRef,
    dateKeys: dates.values,
    toll,
    lon,
    lat,
    mx,
    my,
    eventType,
    modality,
    dayStart,
    dayEnd,
    fatalities,
    actors: csr(actorLists, nActors),
    sources: csr(sourceLists, nSources),
    impacts: csr(impactLists, nImpacts),
    dicts,
    actorType,
    sourceTitle,
    text: null,
  };
}

/** Searchable text of one incident: place, actors, event type and every claim sentence with its source. */
export function incidentText(f: IncidentFeature, titles?: ReadonlyMap<string, string>): string {
  const p = f.properties;
  const parts = [p.place_name, p.event_type, p.sub_event_type ?? '', p.actors.join(' '), p.impacts.join(' ')];
  // Slim layer: the claims' sentences are not loaded up front, so the text searched is the incident's own fields and
  // its sources' titles, the same whatever was opened since (claims fetched later are not added).
  if (slimIncident(p)) for (const id of sourceIds(p)) parts.push(titles?.get(id) ?? '');
  else for (const c of p.claims) parts.push(c.sentence, c.source_title ?? '', c.publisher ?? '');
  return parts.join('\n').toLowerCase();
}

export function ensureText(ix: IncidentIndex): string[] {
  if (!ix.text)
    ix.text = ix.textOf
      ? Array.from({ length: ix.n }, (_, i) => ix.textOf!(i))
      : ix.features.map((f) => incidentText(f, ix.sourceTitle));
  return ix.text;
}

/** The values of incident i in a dictionary-coded list. */
export function listOf(c: Csr, dict: Dict, i: number): string[] {
  const out: string[] = [];
  for (let k = c.offsets[i]!, e = c.offsets[i + 1]!; k < e; k++) out.push(dict.values[c.list[k]!]!);
  return out;
}

/** The flat point feature MapLibre gets for incident i (null without a point); fid = i. */
export function flatFeature(ix: IncidentIndex, i: number): Feature<Point, FlatProps> | null {
  if (Number.isNaN(ix.lon[i]!)) return null;
  const props: FlatProps = {
    fid: i,
    et: ix.dicts.eventType.values[ix.eventType[i]!]!,
    mod: ix.dicts.modality.values[ix.modality[i]!]!,
    gp: ix.geoPrecision[i]!,
    act: joinKeys(listOf(ix.actors, ix.dicts.actor, i)),
    src: joinKeys(listOf(ix.sources, ix.dicts.source, i)),
    imp: joinKeys(listOf(ix.impacts, ix.dicts.impact, i)),
    name: ix.placeNames[ix.placeRef[i]!]!,
  };
  if (!Number.isNaN(ix.fatalities[i]!)) props.fat = ix.fatalities[i]!;
  if (ix.dayStart[i] !== NO_DAY) {
    props.ds = ix.dayStart[i]!;
    props.de = ix.dayEnd[i]!;
  }
  return {
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [ix.lon[i]!, ix.lat[i]!] },
    properties: props,
  };
}

/** Flat point features for MapLibre, indexed like the incidents (null for incidents without a point). */
export function flatFeatures(ix: IncidentIndex): (Feature<Point, FlatProps> | null)[] {
  const out: (Feature<Point, FlatProps> | null)[] = new Array<Feature<Point, FlatProps> | null>(ix.n);
  for (let i = 0; i < ix.n; i++) out[i] = flatFeature(ix, i);
  return out;
}

/** Flat features built on first use and kept (for sets too large to flatten up front). */
export function flatCache(ix: IncidentIndex): (i: number) => Feature<Point, FlatProps> | null {
  const cache = new Map<number, Feature<Point, FlatProps> | null>();
  return (i) => {
    let f = cache.get(i);
    if (f === undefined) {
      f = flatFeature(ix, i);
      cache.set(i, f);
    }
    return f;
  };
}

export function pointCollection(
  flat: readonly (Feature<Point, FlatProps> | null)[],
): FeatureCollection<Point, FlatProps> {
  return {
    type: 'FeatureCollection',
    features: flat.filter((f): f is Feature<Point, FlatProps> => f !== null),
  };
}
