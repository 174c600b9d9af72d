import { check } from '@placemarkio/check-geojson';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, csvCell, toCSV, toGeoJSON } from '../../src/app/lib/export.ts';
import { emptyFilters, matchesIncident } from '../../src/app/lib/filters.ts';
import { syntheticIncidents } from '../bench/map/synthetic.ts';
import type { RegionCollection } from '../../src/pipeline/contract.ts';

const { incidents } = syntheticIncidents({ n: 200, seed: 3, anchors: true });
const filter = { ...emptyFilters(), actors: ['JNIM'] };
const chosen = incidents.features.filter((f) => matchesIncident(f.properties, filter));

const regions: RegionCollection = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [-12, 10],
            [4, 10],
            [4, 25],
            [-12, 25],
            [-12, 10],
          ],
        ],
      },
      properties: { id: 'country:ML', name: 'Mali', kind: 'country', country: 'ML' },
    },
  ],
};

describe('export', () => {
  it('GeoJSON holds exactly the filtered incidents, with provenance, and validates (RFC 7946)', () => {
    const fc = toGeoJSON(chosen);
    expect(() => check(JSON.stringify(fc))).not.toThrow();
    expect(fc.features.map((f) => f.id)).toEqual(chosen.map((f) => f.properties.id));
    const first = fc.features[0]!.properties as {
      claims: { source_id: string; start: number; sentence: string }[];
    };
    expect(first.claims[0]!.source_id).toBeTruthy();
    expect(typeof first.claims[0]!.start).toBe('number');
    // region-precision incidents keep a null geometry (RFC 7946 allows it), never a fake point
    const ng = fc.features.find((f) => f.id === 'anchor-nigeria-claim')!;
    expect(ng.geometry).toBeNull();
  });

  it('optionally adds regions and risk rows, still valid', () => {
    const fc = toGeoJSON(chosen, {
      regions: { collection: regions, indicators: new Map([['country:ML', { incidents: 3 }]]) },
      risk: [
        {
          id: 'r1',
          source_id: 's',
          source_title: null,
          table: 0,
          region_id: 'country:ML',
          place_id: 'country:ML',
          region_name: 'Mali',
          header: ['Region', 'Impact'],
          cells: ['Mali', 'x'],
          start: 0,
          end: 1,
        },
      ],
    });
    expect(() => check(JSON.stringify(fc))).not.toThrow();
    const layers = fc.features.map((f) => (f.properties as { layer: string }).layer);
    expect(layers.filter((l) => l === 'region')).toHaveLength(1);
    expect(layers.filter((l) => l === 'risk_row')).toHaveLength(1);
    expect(fc.features.at(-1)!.geometry?.type).toBe('Polygon');
  });

  it('CSV uses ACLED column names and one row per incident', () => {
    const csv = toCSV(chosen, new Map([['ML', 'Mali']]));
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]!.split(',')).toEqual([...CSV_COLUMNS]);
    expect(lines[0]).toContain(
      'event_id_cnty,event_date,year,time_precision,event_type,sub_event_type,actor1',
    );
    expect(lines).toHaveLength(chosen.length + 1);
  });

  it('CSV cells are quoted and defused against formula injection', () => {
    expect(csvCell('a,"b"')).toBe('"a,""b"""');
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(null)).toBe('');
  });
});
