// The committed water and urban layers (geodata/basemap/, derived with --basemap-sources) and the style that draws them.
import { readFileSync } from 'node:fs';
import { createExpression, featureFilter, latest, validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { FilterSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { WEST_AFRICA_BBOX } from '../../scripts/geodata/basemap.ts';
import { LABEL_LAYERS, TOWN_MIN_ZOOM } from '../../src/app/map/style/basemap.ts';
import { mapStyle } from '../../src/app/map/style/index.ts';

const read = (f: string) => JSON.parse(readFileSync(`geodata/basemap/${f}`, 'utf8')) as FeatureCollection;
const coords = (g: unknown): number[][] => {
  const flat: number[][] = [];
  const walk = (x: unknown) => {
    if (Array.isArray(x) && typeof x[0] === 'number') flat.push(x as number[]);
    else if (Array.isArray(x)) x.forEach(walk);
  };
  walk((g as { coordinates: unknown }).coordinates);
  return flat;
};

describe('basemap water and towns', () => {
  const water = read('water.geojson');
  const urban = read('urban.geojson');
  it('holds the Niger, Lake Chad and historic Lake Chad, clipped to West Africa', () => {
    const names = water.features.map((f) => `${f.properties!.kind}:${f.properties!.name}`);
    expect(names).toContain('river:Niger');
    expect(names).toContain('lake:Lake Chad');
    expect(names.some((n) => n.startsWith('historic lake:'))).toBe(true);
    expect(urban.features.length).toBeGreaterThan(10);
    const [w, s, e, n] = WEST_AFRICA_BBOX;
    for (const f of [...water.features, ...urban.features])
      for (const [x, y] of coords(f.geometry)) {
        expect(x).toBeGreaterThanOrEqual(w);
        expect(x).toBeLessThanOrEqual(e);
        expect(y).toBeGreaterThanOrEqual(s);
        expect(y).toBeLessThanOrEqual(n);
      }
  });

  it('the style draws them and still validates', () => {
    const style = mapStyle(
      { land: 'l', countries: 'c', labels: 'b', water: 'w', urban: 'u', latin: 'x', latinExt: 'y' },
      'country',
      0,
    );
    const ids = style.layers.map((l) => l.id);
    expect(ids).toEqual(
      expect.arrayContaining(['rivers', 'lakes', 'lake-historic', 'urban', 'river-labels']),
    );
    expect(validateStyleMin(style)).toEqual([]);
  });

  it('town labels come in by rank as the map zooms, capitals first', () => {
    const labels = read('labels.geojson');
    const towns = labels.features.filter((f) => f.properties!.kind === 'town');
    expect(towns.every((f) => [1, 2, 3, 4].includes(f.properties!.rank as number))).toBe(true);
    const layer = LABEL_LAYERS.find((l) => l.id === 'town-labels') as { filter: FilterSpecification };
    const keep = featureFilter(layer.filter, 'layers[town-labels].filter');
    const shown = (zoom: number) =>
      labels.features.filter((f) =>
        keep.filter({ zoom }, { type: 1, properties: f.properties!, geometry: [] } as never),
      );
    const ranks = (zoom: number) => [...new Set(shown(zoom).map((f) => f.properties!.rank as number))].sort();
    expect(ranks(TOWN_MIN_ZOOM[1]!)).toEqual([1]);
    expect(ranks(4)).toEqual([1, 2]);
    expect(ranks(TOWN_MIN_ZOOM[3]!)).toEqual([1, 2, 3]);
    expect(ranks(TOWN_MIN_ZOOM[4]!)).toEqual([1, 2, 3, 4]);
    expect(shown(4).every((f) => f.properties!.kind === 'town')).toBe(true);
    expect(shown(4).map((f) => f.properties!.name)).toEqual(expect.arrayContaining(['Bamako', 'Niamey']));
    // placed first: lower sort keys; a capital before any larger non-capital
    const sortKey = (layer as unknown as { layout: Record<string, unknown> }).layout['symbol-sort-key'];
    const spec = (latest as unknown as Record<string, Record<string, unknown>>).layout_symbol![
      'symbol-sort-key'
    ];
    const e = createExpression(sortKey, 'layers[town-labels].layout.symbol-sort-key', spec as never);
    if (e.result !== 'success') throw new Error('sort key');
    const key = (p: Record<string, number>) =>
      e.value.evaluate({ zoom: 5 }, { type: 1, properties: p, geometry: [] } as never) as number;
    const lagos = towns.find((f) => f.properties!.name === 'Lagos')!.properties as Record<string, number>;
    const niamey = towns.find((f) => f.properties!.name === 'Niamey')!.properties as Record<string, number>;
    expect(key(niamey)).toBeLessThan(key(lagos));
    // within a rank the larger town first
    const r4 = towns
      .filter((f) => f.properties!.rank === 4)
      .map((f) => f.properties as Record<string, number>);
    const big = r4.reduce((a, b) => (a.population! > b.population! ? a : b));
    const small = r4.reduce((a, b) => (a.population! < b.population! ? a : b));
    expect(key(big)).toBeLessThan(key(small));
  });
});
