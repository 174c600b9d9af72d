// Offline basemap layers for the map: land, country outlines, label points, and (from Natural Earth files given by
// path) rivers, lakes and urban areas.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bboxClip } from '@turf/turf';
import { feature } from 'topojson-client';
import type {
  Feature,
  FeatureCollection,
  Geometry,
  LineString,
  MultiLineString,
  MultiPolygon,
  Point,
  Polygon,
} from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { GazetteerEntry } from '../../src/pipeline/types.ts';
import { countryName, type CountryShape } from './countries.ts';
import { simplifyPoly } from './geometry.ts';
import { worldAtlasFile } from './sources.ts';
import { compareStrings } from '../../src/common/strings.ts';
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

// ---------------------------------------------------------------- water and towns (Natural Earth, by path)

/** West Africa as the map frames it (the basemap sources' own clip box): lon -18..25, lat 3..26. */
export const WEST_AFRICA_BBOX: [number, number, number, number] = [-18, 3, 25, 26];

type WaterKind = 'river' | 'lake centerline' | 'lake' | 'reservoir' | 'historic lake';
interface WaterProps {
  kind: WaterKind;
  name: string | null;
  scalerank: number;
  min_zoom: number | null;
}

function readCollection(file: string): FeatureCollection {
  return JSON.parse(readFileSync(file, 'utf8')) as FeatureCollection;
}

/** Clip to the box (turf bboxClip), round to 4 decimals (~10 m), drop what the box leaves empty. */
function clipped(f: Feature, bbox: [number, number, number, number]): Feature['geometry'] | null {
  const g = f.geometry;
  if (!g || !['LineString', 'MultiLineString', 'Polygon', 'MultiPolygon'].includes(g.type)) return null;
  const c = bboxClip(f as Feature<LineString | MultiLineString | Polygon | MultiPolygon>, bbox).geometry;
  const parts = c.coordinates as unknown[];
  const empty =
    c.type === 'LineString'
      ? parts.length < 2
      : (parts as unknown[][]).filter((p) => (p as unknown[]).length > (c.type === 'MultiLineString' ? 1 : 0))
          .length === 0;
  return empty ? null : roundGeometry(c, 4);
}

/**
 * Rivers, lake centrelines, lakes, reservoirs and historic Lake Chad in one collection (`kind` says which),
 * from Natural Earth 10 m files in `dir` (rivers.geojson, lakes.geojson), clipped to West Africa.
 */
export function waterCollection(dir: string, bbox = WEST_AFRICA_BBOX): FeatureCollection<Geometry, WaterProps> {
  const features: Feature<Geometry, WaterProps>[] = [];
  for (const file of ['rivers.geojson', 'lakes.geojson']) {
    for (const f of readCollection(join(dir, file)).features) {
      const geometry = clipped(f, bbox);
      if (!geometry) continue;
      const p = (f.properties ?? {}) as Record<string, unknown>;
      features.push({
        type: 'Feature',
        properties: {
          kind: String(p.featurecla ?? 'river').toLowerCase() as WaterKind,
          name: typeof p.name === 'string' ? p.name : null,
          scalerank: Number(p.scalerank ?? 10),
          min_zoom: typeof p.min_zoom === 'number' ? p.min_zoom : null,
        },
        geometry,
      });
    }
  }
  features.sort(
    (a, b) =>
      a.properties.scalerank - b.properties.scalerank ||
      compareStrings(a.properties.kind, b.properties.kind) ||
      compareStrings(a.properties.name ?? '', b.properties.name ?? ''),
  );
  return { type: 'FeatureCollection', features };
}

/** Built-up areas (Natural Earth 50 m urban areas; the layer has no names), clipped to West Africa. */
export function urbanCollection(dir: string, bbox = WEST_AFRICA_BBOX): FeatureCollection<Geometry, { area_sqkm: number }> {
  const features: Feature<Geometry, { area_sqkm: number }>[] = [];
  for (const f of readCollection(join(dir, 'urban_areas.geojson')).features) {
    const geometry = clipped(f, bbox);
    const area = Number((f.properties as Record<string, unknown> | null)?.area_sqkm ?? 0);
    if (geometry) features.push({ type: 'Feature', properties: { area_sqkm: Math.round(area * 10) / 10 }, geometry });
  }
  features.sort((a, b) => b.properties.area_sqkm - a.properties.area_sqkm);
  return { type: 'FeatureCollection', features };
}
