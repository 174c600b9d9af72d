import { check } from '@placemarkio/check-geojson';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import Papa from 'papaparse';
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  ACLED_COLUMNS,
  CSV_COLUMNS,
  csvCell,
  regionsGeoJSON,
  riskCSV,
  toCSV,
  toGeoJSON,
  zipFiles,
} from '../../src/app/lib/export.ts';
import { actorRoles } from '../../src/app/lib/actor-roles.ts';
import { interaction } from '../../src/app/lib/acled-codes.ts';
import { emptyFilters, matchesIncident } from '../../src/app/lib/filters.ts';
import { syntheticIncidents } from '../bench/map/synthetic.ts';
import type { IncidentProps, RegionCollection, RiskRowOut } from '../../src/pipeline/contract.ts';

const { incidents } = syntheticIncidents({ n: 200, seed: 3, anchors: true });
const filter = { ...emptyFilters(), actors: ['JNIM'] };
const chosen = incidents.features.filter((f) => matchesIncident(f.properties, filter));

const box = (x0: number, y0: number, x1: number, y1: number) => ({
  type: 'Polygon' as const,
  coordinates: [
    [
      [x0, y0],
      [x1, y0],
      [x1, y1],
      [x0, y1],
      [x0, y0],
    ],
  ],
});
// Nigeria as an L shape: its centroid falls outside, a representative point must not.
const regions: RegionCollection = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      geometry: box(-12, 10, 4, 25),
      properties: { id: 'country:ML', name: 'Mali', kind: 'country', country: 'ML' },
    },
    {
      type: 'Feature',
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [3, 4],
            [14, 4],
            [14, 5],
            [4, 5],
            [4, 14],
            [3, 14],
            [3, 4],
          ],
        ],
      },
      properties: { id: 'country:NG', name: 'Nigeria', kind: 'country', country: 'NG' },
    },
  ],
};
const risk: RiskRowOut[] = [
  {
    id: 'r1',
    source_id: 's',
    source_title: null,
    table: 0,
    region_id: 'country:ML',
    place_id: 'country:ML',
    region_name: 'Mali',
    header: ['Region', 'Impact'],
    cells: ['Mali', '=x'],
    start: 0,
    end: 1,
  },
];

describe('GeoJSON export', () => {
  it('holds exactly the filtered incidents, with provenance, and validates (RFC 7946)', () => {
    const fc = toGeoJSON(chosen, { regions });
    expect(() => check(JSON.stringify(fc))).not.toThrow();
    expect(fc.features.map((f) => f.id)).toEqual(chosen.map((f) => f.properties.id));
    const first = fc.features[0]!.properties as IncidentProps;
    expect(first.claims[0]!.source_id).toBeTruthy();
    expect(typeof first.claims[0]!.start).toBe('number');
  });

  it('gives a region-level incident its region polygon, or a point inside it, with geo_precision and region_id', () => {
    const ng = (fc: ReturnType<typeof toGeoJSON>) =>
      fc.features.find((f) => f.id === 'anchor-nigeria-claim')!;
    const poly = ng(toGeoJSON(chosen, { regions }));
    expect(poly.geometry).toEqual(regions.features[1]!.geometry);
    expect(poly.properties).toMatchObject({ geo_precision: 3, region_id: 'country:NG' });
    const pt = ng(toGeoJSON(chosen, { regions, regionAs: 'point' }));
    expect(pt.geometry?.type).toBe('Point');
    expect(booleanPointInPolygon(pt.geometry as GeoJSON.Point, regions.features[1]!)).toBe(true);
    expect(() => check(JSON.stringify(toGeoJSON(chosen, { regions, regionAs: 'point' })))).not.toThrow();
    // every feature has a geometry once the polygons are known
    expect(toGeoJSON(chosen, { regions }).features.every((f) => f.geometry)).toBe(true);
  });

  it('regions and risk rows are files of their own, zipped together', () => {
    const rg = regionsGeoJSON(regions, new Map([['country:ML', { incidents: 3 }]]));
    expect(() => check(JSON.stringify(rg))).not.toThrow();
    expect(rg.features.map((f) => f.id)).toEqual(['country:ML']);
    const rows = Papa.parse<Record<string, string>>(riskCSV(risk), {
      header: true,
      skipEmptyLines: true,
    }).data;
    expect(rows).toEqual([
      expect.objectContaining({ id: 'r1', region_id: 'country:ML', row: 'Region: Mali; Impact: =x' }),
    ]);
    const zip = unzipSync(zipFiles({ 'a.geojson': JSON.stringify(rg), 'b.csv': 'x\r\n' }));
    expect(Object.keys(zip)).toEqual(['a.geojson', 'b.csv']);
    expect(JSON.parse(strFromU8(zip['a.geojson']!))).toEqual(rg);
  });
});

describe('CSV export (ACLED layout)', () => {
  const csv = toCSV(chosen, { countryNames: new Map([['ML', 'Mali']]), regions, timestamp: 1700000000 });
  const parsed = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });

  it("has ACLED's 31 columns in ACLED's order, then this project's, one row per incident", () => {
    expect(ACLED_COLUMNS).toHaveLength(31);
    expect(parsed.meta.fields!.slice(0, 31)).toEqual([...ACLED_COLUMNS]);
    expect(parsed.meta.fields).toEqual([...CSV_COLUMNS]);
    expect(parsed.meta.fields!.slice(31)).toContain('claim_ids');
    expect(parsed.data).toHaveLength(chosen.length);
    expect(parsed.errors).toEqual([]);
  });

  it('every row has coordinates: region-level rows a point inside the region, geo_precision 3', () => {
    expect(parsed.data.every((r) => r.latitude !== '' && r.longitude !== '')).toBe(true);
    const ng = parsed.data.find((r) => r.event_id_cnty === 'anchor-nigeria-claim')!;
    expect(ng.geo_precision).toBe('3');
    const inside = booleanPointInPolygon([Number(ng.longitude), Number(ng.latitude)], regions.features[1]!);
    expect(inside).toBe(true);
    expect(ng.iso).toBe('566');
    expect(ng.region).toBe('Western Africa');
    expect(ng.timestamp).toBe('1700000000');
    expect(ng.disorder_type).toBe('Political violence');
  });

  it('codes actors by role and side: a state leads its side, foreign forces beside it are associates', () => {
    const gao = parsed.data.find((r) => r.event_id_cnty === 'anchor-gao-clashes');
    const roles = actorRoles({
      actors: ['France', 'Islamist rebels', 'Military Forces of Mali'],
      actor_types: ['External/Other forces', 'Rebel groups', 'State forces'],
      claims: [
        { actors: ['France', 'Islamist rebels', 'Military Forces of Mali'] },
      ] as IncidentProps['claims'],
      event_type: 'Battles',
    });
    expect(roles).toMatchObject({
      actor1: 'Military Forces of Mali',
      assoc1: ['France'],
      inter1: 1,
      actor2: 'Islamist rebels',
      assoc2: [],
      inter2: 2,
    });
    expect(interaction(roles.inter1, roles.inter2)).toBe(12);
    expect(interaction(7, null)).toBe(70);
    if (gao) expect(gao.actor1).toBe('Military Forces of Mali');
    const vac = actorRoles({
      actors: ['Civilians', 'JNIM'],
      actor_types: ['Civilians', 'Rebel groups'],
      claims: [{ actors: ['Civilians', 'JNIM'] }] as IncidentProps['claims'],
      event_type: 'Violence against civilians',
    });
    expect([vac.actor1, vac.actor2, vac.inter1, vac.inter2]).toEqual(['JNIM', 'Civilians', 2, 7]);
  });

  it('takes admin names from the incident', () => {
    const f = structuredClone(chosen[0]!);
    f.properties.admin1 = 'Mopti';
    f.properties.admin2 = 'Douentza';
    const row = Papa.parse<Record<string, string>>(toCSV([f]), { header: true }).data[0]!;
    expect([row.admin1, row.admin2]).toEqual(['Mopti', 'Douentza']);
  });

  it('cells are quoted and defused against formula injection', () => {
    expect(csvCell('a,"b"')).toBe('"a,""b"""');
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(null)).toBe('');
  });
});
