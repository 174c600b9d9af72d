// One predicted incident against one gold line: the place match (realnews-gold-schema.md, "Place match") and the
// pair attributes (type, date, fatalities, actors, modality) read from the incident's claims of the line's article.

import type { ActorIndex } from './actors.ts';
import { compareActors, type ActorComparison } from './articles-actors.ts';
import { boundaryKm, insideRings, type RegionIndex, type RegionShape } from './articles-geo.ts';
import { goldInterval, type GoldLine, type GoldPlace } from './articles-gold.ts';
import { haversineKm } from './geo.ts';

/** The parts of a build incident the scorer reads (an IncidentFeature has them all). */
export interface ScoredIncident {
  geometry: { type: string; coordinates: number[] } | null;
  properties: {
    id: string;
    place_id: string;
    place_name: string;
    region_id: string | null;
    geo_precision: number;
    event_type: string;
    sub_event_type: string | null;
    fatalities: number | null;
    modality: string;
    claims: readonly {
      id: string;
      source_id: string;
      actors: readonly string[];
      fatalities: number | null;
      modality: string;
      date_start: string | null;
      date_end: string | null;
      unlocated_name: string | null;
    }[];
  };
}

/** Where an incident is: its point, or the polygon of its region_id; null when that polygon is unknown. */
export type IncidentPlace =
  { kind: 'point'; point: [number, number] } | { kind: 'region'; region: RegionShape };

export function incidentPlace(inc: ScoredIncident, regions: RegionIndex): IncidentPlace | null {
  const g = inc.geometry;
  if (g && g.type === 'Point')
    return { kind: 'point', point: [g.coordinates[0] ?? 0, g.coordinates[1] ?? 0] };
  const r = inc.properties.region_id ? regions.byId.get(inc.properties.region_id) : undefined;
  return r ? { kind: 'region', region: r } : null;
}

/** 0 point, 1 admin-1, 2 vernacular, 3 country: smaller is more specific. */
export function specificity(p: IncidentPlace | null): number {
  if (!p) return 4;
  if (p.kind === 'point') return 0;
  return p.region.kind === 'admin1' ? 1 : p.region.kind === 'vernacular' ? 2 : 3;
}

export type MatchKind = 'exact' | 'coarse-admin1' | 'coarse-country';
export const KIND_RANK: Record<MatchKind, number> = { exact: 0, 'coarse-admin1': 1, 'coarse-country': 2 };

export interface PlaceMatch {
  kind: MatchKind;
  /** The match rests on a polygon (a region incident, or a gold region). */
  polygon: boolean;
  /** A point incident within the radius of a gold point. */
  pointInRadius: boolean;
  /** Distance from the gold point (0 inside a polygon or on a gold region). */
  km: number;
  /** 0 = the line's own place, k = its k-th alt place. */
  placeIndex: number;
}

/** ACLED's disorder types: political violence, demonstrations, strategic developments. */
export function disorderType(eventType: string): string {
  if (['Battles', 'Violence against civilians', 'Explosions/Remote violence'].includes(eventType))
    return 'political violence';
  if (['Protests', 'Riots'].includes(eventType)) return 'demonstrations';
  return eventType === 'Strategic developments' ? 'strategic developments' : eventType;
}

export interface MatchOptions {
  /** Let a point inside the line's own gold region match it (the schema's --points-in-regions, for comparison). */
  pointsInRegions?: boolean;
}

function matchPlace(
  gold: GoldLine,
  gp: GoldPlace,
  placeIndex: number,
  ip: IncidentPlace,
  regions: RegionIndex,
  opts: MatchOptions,
): PlaceMatch | null {
  const code = regions.countryCode(gold.country);
  const coarse = (s: RegionShape): MatchKind => (s.kind === 'admin1' ? 'coarse-admin1' : 'coarse-country');
  if (gp.kind === 'point') {
    const g: [number, number] = [gp.lon, gp.lat];
    if (ip.kind === 'point') {
      const km = haversineKm(g, ip.point);
      return km <= gp.radiusKm
        ? { kind: 'exact', polygon: false, pointInRadius: true, km, placeIndex }
        : null;
    }
    const s = ip.region;
    if (s.country !== null && s.country !== code) return null;
    const km = insideRings(g, s.rings) ? 0 : boundaryKm(g, s.rings);
    return km <= gp.radiusKm
      ? { kind: coarse(s), polygon: true, pointInRadius: false, km, placeIndex }
      : null;
  }
  const r = regions.find(gp.region, gp.country ?? gold.country);
  if (!r) return null;
  if (ip.kind === 'point') {
    const own = placeIndex === 0 && opts.pointsInRegions === true && insideRings(ip.point, r.rings);
    return own ? { kind: 'exact', polygon: true, pointInRadius: false, km: 0, placeIndex } : null;
  }
  const s = ip.region;
  if (s.id === r.id || (s.area < r.area && insideRings(s.interior, r.rings)))
    return { kind: 'exact', polygon: true, pointInRadius: false, km: 0, placeIndex };
  const countryOk = s.country === null || s.country === code || s.country === r.country;
  if (s.area > r.area && countryOk && insideRings(r.interior, s.rings))
    return { kind: coarse(s), polygon: true, pointInRadius: false, km: 0, placeIndex };
  return null;
}

/** Better place match first: exact before coarse, point within radius first, nearer, the line's own place. */
export function comparePlaceMatch(a: PlaceMatch, b: PlaceMatch): number {
  return (
    KIND_RANK[a.kind] - KIND_RANK[b.kind] ||
    Number(b.pointInRadius) - Number(a.pointInRadius) ||
    a.km - b.km ||
    a.placeIndex - b.placeIndex
  );
}

/**
 * Best place match of an incident with a gold line over the line's place and its alt places. A match resting on a
 * polygon also needs the same disorder type; `typeBlocked` says a polygon matched but the type did not.
 */
export function bestPlaceMatch(
  gold: GoldLine,
  ip: IncidentPlace | null,
  eventType: string,
  regions: RegionIndex,
  opts: MatchOptions = {},
): { match: PlaceMatch | null; typeBlocked: boolean } {
  if (!ip) return { match: null, typeBlocked: false };
  const goldTypes = new Set([gold.eventType, ...gold.altEventTypes].map(disorderType));
  const typeOk = goldTypes.has(disorderType(eventType));
  let best: PlaceMatch | null = null;
  let typeBlocked = false;
  for (const [k, gp] of gold.places.entries()) {
    const m = matchPlace(gold, gp, k, ip, regions, opts);
    if (!m) continue;
    if (m.polygon && !typeOk) typeBlocked = true;
    else if (best === null || comparePlaceMatch(m, best) < 0) best = m;
  }
  return { match: best, typeBlocked: best === null && typeBlocked };
}

export interface PairAttributes {
  type: boolean;
  /** null when the gold has no sub-event type. */
  subType: boolean | null;
  /** The union of the claims' spans, [start, end]; null when undated. */
  predDates: [string, string] | null;
  dateCompatible: boolean;
  dateAgrees: boolean;
  predFatalities: number | null;
  fatalities: boolean;
  actors: ActorComparison;
  modality: boolean;
  /** How many of type, date and fatalities agree (the first key of the greedy pairing). */
  agree: number;
}

const dayOf = (d: string, end: boolean): string => {
  const iv = goldInterval(d.slice(0, 10));
  return iv ? iv[end ? 1 : 0] : d;
};

/** Pair attributes from the incident's claims of the gold line's article. */
export function pairAttributes(
  gold: GoldLine,
  inc: ScoredIncident,
  actorIndex: ActorIndex = new Map(),
): PairAttributes {
  const claims = inc.properties.claims.filter((c) => c.source_id === gold.sourceId);
  const p = inc.properties;
  const type = p.event_type === gold.eventType || gold.altEventTypes.includes(p.event_type);
  const subType = gold.subEventType === null ? null : type && p.sub_event_type === gold.subEventType;
  let lo: string | null = null;
  let hi: string | null = null;
  for (const c of claims) {
    if (!c.date_start) continue;
    const s = dayOf(c.date_start, false);
    const e = dayOf(c.date_end ?? c.date_start, true);
    if (lo === null || s < lo) lo = s;
    if (hi === null || e > hi) hi = e;
  }
  const predDates: [string, string] | null = lo !== null && hi !== null ? [lo, hi] : null;
  const g = goldInterval(gold.date);
  const overlap = g !== null && predDates !== null && predDates[0] <= g[1] && g[0] <= predDates[1];
  const dateCompatible = g === null || predDates === null || overlap;
  const dateAgrees = g === null || overlap;
  const stated = claims.map((c) => c.fatalities).filter((n): n is number => n !== null);
  const predFatalities = stated.length ? Math.min(...stated) : null;
  const fatalities = (predFatalities ?? 0) === (gold.fatalities ?? 0);
  const actors = compareActors(gold.actors, [...new Set(claims.flatMap((c) => c.actors))], actorIndex);
  const modality = claims.some((c) => c.modality === gold.modality);
  const agree = Number(type) + Number(dateAgrees) + Number(fatalities);
  return {
    type,
    subType,
    predDates,
    dateCompatible,
    dateAgrees,
    predFatalities,
    fatalities,
    actors,
    modality,
    agree,
  };
}
