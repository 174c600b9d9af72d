// A point inside a region's polygon (turf's pointOnFeature: inside even for a concave or multi-part shape, where a
// centroid may fall outside), memoised per region: ACLED's convention for region-level events.

import { pointOnFeature } from '@turf/turf';
import type { Position } from 'geojson';
import type { RegionCollection } from '../../pipeline/contract.ts';

export function representativePoints(regions: RegionCollection | undefined): (id: string) => Position | null {
  const byId = new Map((regions?.features ?? []).map((f) => [f.properties.id, f]));
  const memo = new Map<string, Position | null>();
  return (id) => {
    if (!memo.has(id)) {
      const f = byId.get(id);
      memo.set(id, f ? pointOnFeature(f).geometry.coordinates : null);
    }
    return memo.get(id)!;
  };
}
