// Regions (admin-0, admin-1, vernacular) and the per-region indicators computed from the filtered incidents.

import { bbox as turfBbox, booleanPointInPolygon } from '@turf/turf';
import type { RegionCollection, RiskRowOut } from '../../pipeline/contract.ts';
import type { Csr, IncidentIndex } from './model.ts';
import { NO_DAY } from './dates.ts';
import { distinctPoints } from './points.ts';
import type { Measure, RegionLevel } from './url.ts';

export type BBox = [number, number, number, number];

export interface RegionIndex {
  collection: RegionCollection;
  byId: Map<string, number>;
  bbox: BBox[];
  /** Regions each incident counts toward (its own polygon or the polygons containing its point, and its country). */
  ofIncident: Csr;
  /** Incidents drawn as this polygon (region/country precision), per region. */
  areal: Uint8Array;
  /** The region each incident is drawn as (its region_id's polygon), -1 for none. */
  own: Int32Array;
}

/** Above this many distinct points, point-in-polygon for admin-1/vernacular is skipped (countries come from
 * properties). Points, not incidents: a large corpus has 100k+ incidents at a few thousand places. */
export const PIP_LIMIT = 20_000;

/** The polygons (not countries) holding each distinct point of the index; null above PIP_LIMIT points. */
function pointRegions(
  ix: IncidentIndex,
  sub: { f: RegionCollection['features'][number]; r: number }[],
  boxes: BBox[],
): { of: Int32Array; regions: number[][] } | null {
  const d = distinctPoints(ix);
  if (d.count > PIP_LIMIT) return null;
  const pts = Array.from(d.first, (i): [number, number] => [ix.lon[i]!, ix.lat[i]!]);
  const regions = pts.map(([lon, lat]) => {
    const out: number[] = [];
    for (const { f, r } of sub) {
      const b = boxes[r]!;
      if (lon < b[0] || lon > b[2] || lat < b[1] || lat > b[3]) continue;
      if (booleanPointInPolygon([lon, lat], f)) out.push(r);
    }
    return out;
  });
  return { of: d.of, regions };
}

export function buildRegionIndex(collection: RegionCollection, ix: IncidentIndex): RegionIndex {
  const byId = new Map<string, number>();
  const boxes: BBox[] = collection.features.map((f, r) => {
    byId.set(f.properties.id, r);
    return turfBbox(f) as BBox;
  });
  const sub = collection.features
    .map((f, r) => ({ f, r }))
    .filter(({ f }) => f.properties.kind !== 'country');
  const lists: number[][] = [];
  let total = 0;
  // per distinct region id and country, not per incident
  const regionOf = ix.regionIds.map((id) => byId.get(id));
  const countryOf = ix.countries.map((c) => byId.get(`country:${c}`));
  const own = new Int32Array(ix.n).fill(-1);
  const pip = pointRegions(ix, sub, boxes);
  for (let i = 0; i < ix.n; i++) {
    const out: number[] = [];
    const add = (r: number | undefined) => {
      if (r !== undefined && !out.includes(r)) out.push(r);
    };
    const rr = ix.regionRef[i]!;
    if (rr) {
      const r = regionOf[rr - 1];
      add(r);
      if (r !== undefined) own[i] = r;
    }
    if (ix.countryRef[i]) add(countryOf[ix.countryRef[i]! - 1]);
    const k = pip ? pip.of[i]! : -1;
    if (k >= 0) for (const r of pip!.regions[k]!) add(r);
    lists.push(out);
    total += out.length;
  }
  const offsets = new Uint32Array(ix.n + 1);
  const list = new Uint32Array(total);
  let k = 0;
  lists.forEach((l, i) => {
    offsets[i] = k;
    for (const r of l) list[k++] = r;
  });
  offsets[ix.n] = k;
  const areal = new Uint8Array(collection.features.length);
  return { collection, byId, bbox: boxes, ofIncident: { offsets, list }, areal, own };
}

export interface RegionStats {
  incidents: Uint32Array;
  claims: Uint32Array;
  fatalities: Float64Array;
  /** Last event day (NO_DAY when none dated). */
  last: Int32Array;
  /** Incidents drawn as this polygon (region/country precision) in the filtered set. */
  areal: Uint32Array;
  actors: Set<string>[];
  risk: Uint32Array;
}

export function regionStats(
  ix: IncidentIndex,
  rx: RegionIndex,
  mask: Uint8Array,
  risk: readonly RiskRowOut[],
): RegionStats {
  const m = rx.collection.features.length;
  const s: RegionStats = {
    incidents: new Uint32Array(m),
    claims: new Uint32Array(m),
    fatalities: new Float64Array(m),
    last: new Int32Array(m).fill(NO_DAY),
    areal: new Uint32Array(m),
    actors: [],
    risk: new Uint32Array(m),
  };
  const { offsets, list } = rx.ofIncident;
  const actorNames = ix.dicts.actor.values;
  // each region's first 64 distinct actors, as indices in a short list instead of a Set.add of a string per
  // incident, region and actor (the strings are looked up once, at the end)
  const firstActors: number[][] = Array.from({ length: m }, () => []);
  const nA = actorNames.length;
  // which actors a region has, when that table is small enough (else a scan of its short list)
  const seen = m * nA <= 16_000_000 ? new Uint8Array(m * nA) : null;
  for (let i = 0; i < ix.n; i++) {
    if (!mask[i]) continue;
    const own = rx.own[i]!;
    const fat = ix.fatalities[i]!;
    const day = ix.dayEnd[i]!;
    const nc = ix.nClaims[i]!;
    const a0 = ix.actors.offsets[i]!;
    const a1 = ix.actors.offsets[i + 1]!;
    for (let k = offsets[i]!, e = offsets[i + 1]!; k < e; k++) {
      const r = list[k]!;
      s.incidents[r]!++;
      s.claims[r]! += nc;
      if (!Number.isNaN(fat)) s.fatalities[r]! += fat;
      if (day !== NO_DAY && day > s.last[r]!) s.last[r] = day;
      const acts = firstActors[r]!;
      if (acts.length < 64)
        for (let j = a0; j < a1; j++) {
          const a = ix.actors.list[j]!;
          if (seen ? seen[r * nA + a] : acts.includes(a)) continue;
          if (seen) seen[r * nA + a] = 1;
          acts.push(a);
        }
      if (r === own) s.areal[r]!++;
    }
  }
  s.actors = firstActors.map((l) => new Set(l.map((a) => actorNames[a]!)));
  for (const row of risk) {
    const r = row.region_id ? rx.byId.get(row.region_id) : undefined;
    if (r !== undefined) s.risk[r]!++;
  }
  return s;
}

/** Each region's feature state on the map: its measure over the highest at the shown level (0..1), and how many
 * filtered incidents are drawn as its polygon. */
export function regionShade(
  collection: RegionCollection,
  s: RegionStats,
  measure: Measure,
  level: RegionLevel,
): { v: number; areal: number }[] {
  const values = measure === 'claims' ? s.claims : measure === 'fatalities' ? s.fatalities : s.risk;
  let max = 0;
  collection.features.forEach((f, r) => {
    if (f.properties.kind === level && values[r]! > max) max = values[r]!;
  });
  return collection.features.map((_, r) => ({ v: max > 0 ? values[r]! / max : 0, areal: s.areal[r]! }));
}
