// Regions (admin-0, admin-1, vernacular) and the per-region indicators computed from the filtered incidents.

import { bbox as turfBbox, booleanPointInPolygon } from '@turf/turf';
import type { RegionCollection, RiskRowOut } from '../../pipeline/contract.ts';
import { csr, type Csr, type IncidentIndex } from './model.ts';
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
  /**
   * Incidents with the same regions (the same region_id, country and point-in-polygon answer) form a group: the
   * group of incident i, and each group's regions (its members' `ofIncident` list). A large corpus has 100k+
   * incidents in a few thousand groups, so per-region sums over the filter mask add up per group first.
   */
  group: Uint32Array;
  groups: Csr;
  /** The region each group's incidents are drawn as, -1 for none. */
  groupOwn: Int32Array;
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
  // per distinct region id and country, not per incident
  const regionOf = ix.regionIds.map((id) => byId.get(id));
  const countryOf = ix.countries.map((c) => byId.get(`country:${c}`));
  const pip = pointRegions(ix, sub, boxes);
  // an incident's regions follow from its region_id, country and point-in-polygon answer: one list per group
  const groupLists: number[][] = [];
  const groupOwnList: number[] = [];
  const keyOf = new Map<number | string, number>();
  const nC = ix.countries.length + 1;
  const nK = (pip ? pip.regions.length : 0) + 1;
  const numeric = Number.isSafeInteger((ix.regionIds.length + 1) * nC * nK);
  const group = new Uint32Array(ix.n);
  let total = 0;
  for (let i = 0; i < ix.n; i++) {
    const rr = ix.regionRef[i]!;
    const cr = ix.countryRef[i]!;
    const k = pip ? pip.of[i]! : -1;
    const key = numeric ? (rr * nC + cr) * nK + k + 1 : `${rr},${cr},${k}`;
    let g = keyOf.get(key);
    if (g === undefined) {
      const out: number[] = [];
      const add = (r: number | undefined) => {
        if (r !== undefined && !out.includes(r)) out.push(r);
      };
      let own = -1;
      if (rr) {
        const r = regionOf[rr - 1];
        add(r);
        if (r !== undefined) own = r;
      }
      if (cr) add(countryOf[cr - 1]);
      if (k >= 0) for (const r of pip!.regions[k]!) add(r);
      g = groupLists.length;
      keyOf.set(key, g);
      groupLists.push(out);
      groupOwnList.push(own);
    }
    group[i] = g;
    total += groupLists[g]!.length;
  }
  const groups = csr(
    groupLists,
    groupLists.reduce((t, l) => t + l.length, 0),
  );
  const groupOwn = Int32Array.from(groupOwnList);
  const offsets = new Uint32Array(ix.n + 1);
  const list = new Uint32Array(total);
  const own = new Int32Array(ix.n);
  for (let i = 0, k = 0; i < ix.n; i++) {
    const g = group[i]!;
    offsets[i] = k;
    for (let j = groups.offsets[g]!, e = groups.offsets[g + 1]!; j < e; j++) list[k++] = groups.list[j]!;
    offsets[i + 1] = k;
    own[i] = groupOwn[g]!;
  }
  const areal = new Uint8Array(collection.features.length);
  return {
    collection,
    byId,
    bbox: boxes,
    ofIncident: { offsets, list },
    areal,
    own,
    group,
    groups,
    groupOwn,
  };
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

const wholeCache = new WeakMap<IncidentIndex, boolean>();

/** Whether every stated toll is a whole number and their sum is exact in a double (sums are then order-free). */
function wholeTolls(ix: IncidentIndex): boolean {
  let w = wholeCache.get(ix);
  if (w !== undefined) return w;
  let sum = 0;
  w = true;
  for (let i = 0; i < ix.n && w; i++) {
    const f = ix.fatalities[i]!;
    if (Number.isNaN(f)) continue;
    sum += Math.abs(f);
    w = Number.isInteger(f);
  }
  w &&= sum <= Number.MAX_SAFE_INTEGER;
  wholeCache.set(ix, w);
  return w;
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
  const actorNames = ix.dicts.actor.values;
  // each region's first 64 distinct actors, as indices in a short list instead of a Set.add of a string per
  // incident, region and actor (the strings are looked up once, at the end)
  const firstActors: number[][] = Array.from({ length: m }, () => []);
  const nA = actorNames.length;
  // which actors a region has, when that table is small enough (else a scan of its short list)
  const seen = m * nA <= 16_000_000 ? new Uint8Array(m * nA) : null;
  // the sums per group of incidents with the same regions (regions.ts: group), then per region: one pass over the
  // incidents and one over the groups, not one per incident and region. Fatalities go per group only when every
  // toll is a whole number (then the sums are exact in any order); else per incident and region, as listed.
  const { group, groups, groupOwn } = rx;
  const nG = groupOwn.length;
  const gN = new Uint32Array(nG);
  const gClaims = new Float64Array(nG);
  const gFat = new Float64Array(nG);
  const gLast = new Int32Array(nG).fill(NO_DAY);
  const whole = wholeTolls(ix);
  /** Groups whose regions all hold 64 actors already (nothing more to add). */
  const full = new Uint8Array(nG);
  const { offsets, list } = groups;
  for (let i = 0; i < ix.n; i++) {
    if (!mask[i]) continue;
    const g = group[i]!;
    const fat = ix.fatalities[i]!;
    const day = ix.dayEnd[i]!;
    gN[g]!++;
    gClaims[g]! += ix.nClaims[i]!;
    if (!Number.isNaN(fat)) {
      if (whole) gFat[g]! += fat;
      else for (let k = offsets[g]!, e = offsets[g + 1]!; k < e; k++) s.fatalities[list[k]!]! += fat;
    }
    if (day !== NO_DAY && day > gLast[g]!) gLast[g] = day;
    if (full[g]) continue;
    const a0 = ix.actors.offsets[i]!;
    const a1 = ix.actors.offsets[i + 1]!;
    let open = 0;
    for (let k = offsets[g]!, e = offsets[g + 1]!; k < e; k++) {
      const r = list[k]!;
      const acts = firstActors[r]!;
      if (acts.length < 64)
        for (let j = a0; j < a1; j++) {
          const a = ix.actors.list[j]!;
          if (seen ? seen[r * nA + a] : acts.includes(a)) continue;
          if (seen) seen[r * nA + a] = 1;
          acts.push(a);
        }
      if (acts.length < 64) open++;
    }
    if (!open) full[g] = 1;
  }
  for (let g = 0; g < nG; g++) {
    const c = gN[g]!;
    if (!c) continue;
    for (let k = offsets[g]!, e = offsets[g + 1]!; k < e; k++) {
      const r = list[k]!;
      s.incidents[r]! += c;
      s.claims[r]! += gClaims[g]!;
      if (whole) s.fatalities[r]! += gFat[g]!;
      if (gLast[g]! > s.last[r]!) s.last[r] = gLast[g]!;
      if (r === groupOwn[g]) s.areal[r]! += c;
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
