// Offline basemap layers for the map: land, country outlines, and label points.
import { readFileSync } from 'node:fs';
import { feature } from 'topojson-client';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { GazetteerEntry } from '../../src/pipeline/types.ts';
import { countryName, type CountryShape } from './countries.ts';
import { simplifyPoly } from './geometry.ts';
import { worldAtlasFile } from './sources.ts';
import { compareStrings } from '../../src/shared/strings.ts';
import { roundGeometry } from './util.ts';

export const TOWN_LABEL_MIN_POPULATION = 50_000;

export function landCollection(): FeatureCollection<Polygon | MultiPolygon> {
  const topo = JSON.parse(readFileSync(worldAtlasFile('land-110m.json'), 'utf8')) as Topology<{
    land: GeometryCollection;
  }>;
  const fc = feature(topo, topo.objects.land) as FeatureCollection<Polygon | MultiPolygon>;
  return {
    type: 'FeatureCollection',
    features: fc.features.map((f) => ({ type: 'Feature', properties: {}, geometry: roundGeometry(f.geometry, 5) })),
  };
}

export function countriesCollection(
  shapes: CountryShape[],
  tolerance: number,
): FeatureCollection<Polygon | MultiPolygon, { iso2: string | null; name: string }> {
  const features = shapes
    .map((s) => ({
      type: 'Feature' as const,
      properties: { iso2: s.iso2, name: s.iso2 ? countryName(s.iso2, s.name) : s.name },
      geometry: simplifyPoly(s.geometry, tolerance, 5),
    }))
    .sort((a, b) => compareStrings(a.properties.iso2 ?? `~${a.properties.name}`, b.properties.iso2 ?? `~${b.properties.name}`));
  return { type: 'FeatureCollection', features };
}

type LabelProps =
  | { name: string; kind: 'country'; rank: number; id: string }
  | { name: string; kind: 'town'; rank: number; population: number; id: string };

/**
 * rank: 1 = most important (draw first / at low zoom). Countries: 1 focus, 2 rest of Africa, 3 Europe.
 * Towns: 1 national capital, 2 >= 1M, 3 >= 250k, 4 the rest.
 */
export function labelsCollection(
  entries: GazetteerEntry[],
  focus: Set<string>,
  africa: Set<string>,
  europe: Set<string>,
): FeatureCollection<Point, LabelProps> {
  const features: Feature<Point, LabelProps>[] = [];
  for (const e of entries) {
    const cc = e.country ?? '';
    if (e.kind === 'country' && (africa.has(cc) || europe.has(cc))) {
      const rank = focus.has(cc) ? 1 : africa.has(cc) ? 2 : 3;
      features.push({
        type: 'Feature',
        properties: { name: e.name, kind: 'country', rank, id: e.id },
        geometry: { type: 'Point', coordinates: e.point },
      });
    } else if (e.kind === 'place') {
      const capital = e.featureCode === 'PPLC' && (africa.has(cc) || europe.has(cc));
      if (!capital && !(focus.has(cc) && e.population >= TOWN_LABEL_MIN_POPULATION)) continue;
      const rank = capital ? 1 : e.population >= 1_000_000 ? 2 : e.population >= 250_000 ? 3 : 4;
      features.push({
        type: 'Feature',
        properties: { name: e.name, kind: 'town', rank, population: e.population, id: e.id },
        geometry: { type: 'Point', coordinates: e.point },
      });
    }
  }
  features.sort((a, b) => a.properties.rank - b.properties.rank || compareStrings(a.properties.id, b.properties.id));
  return { type: 'FeatureCollection', features };
}
