// The incident list sorts on the index's keys (ranks of dates and places, tolls) rather than on incident objects:
// the same order as compareIncidents over the properties, on the GeoJSON path and on the columnar layer.
import { describe, expect, it } from 'vitest';
import { columnIndex } from '../../src/app/lib/columns.ts';
import { compareIncidents, type ListSort } from '../../src/app/lib/incident-text.ts';
import { buildIndex } from '../../src/app/lib/model.ts';
import { buildRegionIndex } from '../../src/app/lib/regions.ts';
import { incidentList } from '../../src/app/lib/rows.ts';
import { mapChunks } from '../../src/pipeline/output-chunks.ts';
import { columnData, corpus } from './corpus.ts';

describe('incident list order', () => {
  const { incidents, sources } = corpus(400, 9, true);
  const regions = { type: 'FeatureCollection' as const, features: [] };
  const paths = {
    geojson: buildIndex({ type: 'FeatureCollection', features: incidents }),
    columns: columnIndex(columnData(mapChunks(incidents, sources))),
  };
  for (const [name, ix] of Object.entries(paths))
    for (const sort of ['toll', 'place', 'newest'] as ListSort[])
      it(`${name}: by ${sort} as compareIncidents orders them`, () => {
        const mask = new Uint8Array(ix.n).map((_, i) => (i % 3 ? 1 : 0));
        const got = incidentList(ix, buildRegionIndex(regions, ix), mask, null, 1000, sort);
        const kept = incidents.filter((_, i) => i % 3);
        const cmp = compareIncidents(sort);
        const want = [...kept].sort((a, b) => cmp(a.properties, b.properties));
        expect(got.total).toBe(kept.length);
        if (sort === 'newest') {
          // newest walks the index backwards (it is in date order in a build); here only the set is compared
          expect(got.items.map((f) => f.properties.id).sort()).toEqual(
            want.map((f) => f.properties.id).sort(),
          );
        } else expect(got.items.map((f) => f.properties.id)).toEqual(want.map((f) => f.properties.id));
      });
});
