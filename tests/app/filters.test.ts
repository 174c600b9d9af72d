// The three readers of one filter state must agree: JS predicate, typed-array pass, MapLibre expression.
import { featureFilter } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import {
  FILTER_STATE,
  emptyFilters,
  filterMask,
  matchesIncident,
  textMatches,
  toMaplibreFilter,
  type FilterState,
} from '../../src/app/lib/filters.ts';
import { buildIndex, flatFeatures } from '../../src/app/lib/model.ts';
import { syntheticIncidents } from '../bench/map/synthetic.ts';

const { incidents } = syntheticIncidents({ n: 2000, seed: 11, anchors: true });
const ix = buildIndex(incidents);
const flat = flatFeatures(ix);

/** With `parameterized`, the values come from the global state, as the map applies a filter of the same shape. */
function viaExpression(f: FilterState, parameterized = false): Set<string> {
  const ids = textMatches(ix, f.q);
  const params: unknown[] = [];
  const compiled = featureFilter(toMaplibreFilter(f, ids, parameterized ? params : undefined), 'filter');
  const globalState = { [FILTER_STATE]: params };
  const out = new Set<string>();
  flat.forEach((g, i) => {
    if (!g) return;
    const ok = compiled.filter(
      { zoom: 5, globalState } as never,
      {
        type: 1,
        id: i,
        properties: g.properties as never,
        geometry: [],
      } as never,
    );
    if (ok) out.add(ix.features[i]!.properties.id);
  });
  return out;
}

function viaPredicate(f: FilterState, pointsOnly = false): Set<string> {
  return new Set(
    incidents.features
      .filter((g) => (!pointsOnly || g.geometry) && matchesIncident(g.properties, f))
      .map((g) => g.properties.id),
  );
}

function viaMask(f: FilterState): Set<string> {
  const mask = new Uint8Array(ix.n);
  filterMask(ix, f, mask);
  return new Set(ix.features.filter((_, i) => mask[i]).map((g) => g.properties.id));
}

const cases: [string, Partial<FilterState>][] = [
  ['no filter', {}],
  ['one actor', { actors: ['JNIM'] }],
  ['two actors (OR)', { actors: ['JNIM', 'Wagner Group'] }],
  ['actor AND event type', { actors: ['France'], eventTypes: ['Battles'] }],
  ['modality', { modalities: ['speculative', 'claimed'] }],
  ['impact', { impacts: ['fuel crisis'] }],
  ['source', { sources: ['synthetic-001'] }],
  ['date range', { dateFrom: '2025-09-05', dateTo: '2025-10-15' }],
  ['open-ended date', { dateFrom: '2024-01-01' }],
  ['free text', { q: 'mopti convoy' }],
  ['everything', { actors: ['JNIM'], eventTypes: ['Battles'], dateFrom: '2015-01-01', q: 'near' }],
  ['three actors (a padded slot)', { actors: ['JNIM', 'Wagner Group', 'France'] }],
  [
    'impact, source and an end date',
    { impacts: ['fuel crisis'], sources: ['synthetic-001'], dateTo: '2025-10-15' },
  ],
];

describe('filters', () => {
  it.each(cases)('%s: predicate, mask and MapLibre expression agree', (_, partial) => {
    const f = { ...emptyFilters(), ...partial };
    const byPredicate = viaPredicate(f);
    expect(viaMask(f)).toEqual(byPredicate);
    expect(viaExpression(f)).toEqual(viaPredicate(f, true));
    expect(viaExpression(f, true)).toEqual(viaPredicate(f, true));
  });

  it('filters that differ only in their values compile to one parameterized expression', () => {
    const shape = (partial: Partial<FilterState>) => {
      const params: unknown[] = [];
      const expr = toMaplibreFilter({ ...emptyFilters(), ...partial }, undefined, params);
      return { expr: JSON.stringify(expr), params };
    };
    const a = shape({ actors: ['JNIM'], dateFrom: '2015-01-01', dateTo: '2015-12-31' });
    const b = shape({ actors: ['France'], dateFrom: '2016-02-01', dateTo: '2017-01-31' });
    expect(b.expr).toBe(a.expr);
    expect(b.params).not.toEqual(a.params);
    expect(JSON.stringify(b.params)).toContain('|France|');
    expect(shape({ actors: ['JNIM', 'France'] }).expr).not.toBe(a.expr);
    expect(shape({ actors: ['JNIM', 'France', 'AQIM'] }).expr).toBe(
      shape({ actors: ['JNIM', 'France', 'AQIM', 'Wagner Group'] }).expr,
    );
  });

  it('setting or clearing a facet changes the values, not the parameterized expression', () => {
    const shape = (partial: Partial<FilterState>) =>
      JSON.stringify(toMaplibreFilter({ ...emptyFilters(), ...partial }, undefined, []));
    const none = shape({});
    expect(shape({ actors: ['JNIM'] })).toBe(none);
    expect(
      shape({
        actors: ['France'],
        eventTypes: ['Battles', 'Protests'],
        modalities: ['claimed'],
        impacts: ['fuel crisis'],
        sources: ['synthetic-001'],
        dateFrom: '2015-01-01',
      }),
    ).toBe(none);
    expect(shape({ dateTo: '2020-01-01' })).toBe(none);
  });

  it('a month-precision claim is a span: it matches any window overlapping its month', () => {
    const mali = incidents.features.find((g) => g.properties.id === 'anchor-mali-cooperation')!.properties;
    expect(mali.date_start).toBe('2025-09');
    const at = (from: string, to: string) =>
      matchesIncident(mali, { ...emptyFilters(), dateFrom: from, dateTo: to });
    expect(at('2025-09-20', '2025-09-25')).toBe(true);
    expect(at('2025-08-01', '2025-09-01')).toBe(true);
    expect(at('2025-10-01', '2025-10-31')).toBe(false);
  });

  it('undated incidents drop out once a date bound is set', () => {
    const ng = incidents.features.find((g) => g.properties.id === 'anchor-nigeria-claim')!.properties;
    expect(matchesIncident(ng, emptyFilters())).toBe(true);
    expect(matchesIncident(ng, { ...emptyFilters(), dateFrom: '2000-01-01' })).toBe(false);
  });

  it('an empty filter compiles to a constant true expression', () => {
    expect(toMaplibreFilter(emptyFilters())).toEqual(['boolean', true]);
  });

  it('actor names are matched whole, not as substrings', () => {
    const f = { ...emptyFilters(), actors: ['Military Forces of Mali'] };
    expect(JSON.stringify(toMaplibreFilter(f))).toContain('|Military Forces of Mali|');
  });
});

describe('points as GeoJSON text', () => {
  it('equals the flat features', async () => {
    const { pointsGeoJSONText } = await import('../../src/app/lib/model.ts');
    const parsed = JSON.parse(pointsGeoJSONText(ix)) as { features: unknown[] };
    expect(parsed.features).toEqual(flat.filter((f) => f !== null));
  });

  it('a window holds the points inside its box, in index order, up to the limit (the window worker writes it)', async () => {
    const { pointColumns, pointsGeoJSONText } = await import('../../src/app/lib/points-text.ts');
    const box: [number, number, number, number] = [-6, 12, 2, 17];
    const inside = flat.filter(
      (f) =>
        f !== null &&
        f.geometry.coordinates[0]! >= box[0] &&
        f.geometry.coordinates[0]! <= box[2] &&
        f.geometry.coordinates[1]! >= box[1] &&
        f.geometry.coordinates[1]! <= box[3],
    );
    expect(inside.length).toBeGreaterThan(10);
    expect(inside.length).toBeLessThan(flat.filter((f) => f !== null).length);
    // the worker's copy of the columns (structured clone) writes the same text as the index itself
    const cols = structuredClone(pointColumns(ix));
    const all = JSON.parse(pointsGeoJSONText(cols, box)) as { features: unknown[] };
    expect(all.features).toEqual(inside);
    expect(pointsGeoJSONText(cols, box)).toBe(pointsGeoJSONText(ix, box));
    const some = JSON.parse(pointsGeoJSONText(cols, box, 7)) as { features: unknown[] };
    expect(some.features).toEqual(inside.slice(0, 7));
  });
});
