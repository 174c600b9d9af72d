// The committed water and urban layers (geodata/basemap/, derived with --basemap-sources) and the style that draws them.
import { readFileSync } from 'node:fs';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { WEST_AFRICA_BBOX } from '../../scripts/geodata/basemap.ts';
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
});
