// Regions (admin-0, admin-1, vernacular) and the per-region indicators computed from the filtered incidents.

import { bbox as turfBbox, booleanPointInPolygon } from '@turf/turf';
import type { RegionCollection, RiskRowOut } from '../../pipeline/contract.ts';
import type { Csr, IncidentIndex } from './model.ts';
import { NO_DAY } from './dates.ts';
import { claimCount } from './slim.ts';
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
}

/** Above this many incidents, point-in-polygon for admin-1/vernacular is skipped (countries come from properties). */
export const PIP_LIMIT = 20_000;

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
  for (let i = 0; i < ix.n; i++) {
    const p = ix.features[i]!.properties;
    const out: number[] = [];
    const add = (r: number | undefined) => {
      if (r !== undefined && !out.includes(r)) out.push(r);
    };
    if (p.region_id) add(byId.get(p.region_id));
    if (p.country) add(byId.get(`country:${p.country}`));
    const lon = ix.lon[i]!;
    const lat = ix.lat[i]!;
    if (!Number.isNaN(lon) && ix.n <= PIP_LIMIT) {
      for (const { f, r } of sub) {
        const b = boxes[r]!;
        if (lon < b[0] || lon > b[2] || lat < b[1] || lat > b[3]) continue;
        if (booleanPointInPolygon([lon, lat], f)) add(r);
      }
    }
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
  return { collection, byId, bbox: boxes, ofIncident: { offsets, list }, areal };
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
    actors: Array.from({ length: m }, () => new Set<string>()),
    risk: new Uint32Array(m),
  };
  const { offsets, list } = rx.ofIncident;
  for (let i = 0; i < ix.n; i++) {
    if (!mask[i]) continue;
    const p = ix.features[i]!.properties;
    const own = p.region_id ? rx.byId.get(p.region_id) : undefined;
    const fat = ix.fatalities[i]!;
    const day = ix.dayEnd[i]!;
    for (let k = offsets[i]!, e = offsets[i + 1]!; k < e; k++) {
      const r = list[k]!;
      s.incidents[r]!++;
      s.claims[r]! += claimCount(p);
      if (!Number.isNaN(fat)) s.fatalities[r]! += fat;
      if (day !== NO_DAY && day > s.last[r]!) s.last[r] = day;
      if (s.actors[r]!.size < 64) for (const a of p.actors) s.actors[r]!.add(a);
      if (r === own) s.areal[r]!++;
    }
  }
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
