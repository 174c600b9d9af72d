// The region table at large sizes: point-in-polygon runs once per distinct point, so a corpus of more than
// PIP_LIMIT incidents at a few places still counts its incidents in the admin-1 and vernacular regions that hold them.
import { describe, expect, it } from 'vitest';
import type { IncidentFeature, RegionCollection } from '../../src/pipeline/contract.ts';
import { buildIndex } from '../../src/app/lib/model.ts';
import { PIP_LIMIT, buildRegionIndex } from '../../src/app/lib/regions.ts';
import { corpus } from './corpus.ts';

const square = (id: string, kind: 'admin1' | 'country', w: number, s: number, e: number, n: number) => ({
  type: 'Feature' as const,
  properties: { id, name: id, kind, country: 'ML' as const },
  geometry: {
    type: 'Polygon' as const,
    coordinates: [
      [
        [w, s],
        [e, s],
        [e, n],
        [w, n],
        [w, s],
      ],
    ],
  },
});

describe('region index above PIP_LIMIT incidents', () => {
  const base = corpus(8, 2).incidents.filter((f) => f.geometry);
  const n = PIP_LIMIT + 500;
  const features: IncidentFeature[] = Array.from({ length: n }, (_, i) => {
    const f = base[i % base.length]!;
    return { ...f, properties: { ...f.properties, id: `x-${i}`, country: 'ML', region_id: null } };
  });
  const regions: RegionCollection = {
    type: 'FeatureCollection',
    features: [
      square('country:ML', 'country', -20, 0, 20, 30),
      square('admin1:west', 'admin1', -20, 0, -3.9975, 30),
    ],
  };

  it('puts each point in the polygons that hold it, once per distinct point', () => {
    const ix = buildIndex({ type: 'FeatureCollection', features });
    const rx = buildRegionIndex(regions, ix);
    for (let i = 0; i < ix.n; i++) {
      const got = Array.from(
        rx.ofIncident.list.subarray(rx.ofIncident.offsets[i], rx.ofIncident.offsets[i + 1]),
      );
      expect(got).toEqual(ix.lon[i]! < -3.9975 ? [0, 1] : [0]);
    }
    expect(new Set(Array.from(ix.lon)).size).toBeLessThan(10);
  });
});
