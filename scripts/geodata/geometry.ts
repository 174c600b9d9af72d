// Geometry helpers on top of turf: union, simplification, representative points, point lookup.
import * as turf from '@turf/turf';
import type { Feature, GeoJsonProperties, MultiPolygon, Polygon, Position } from 'geojson';
import { roundGeometry, roundPoint } from './util.ts';

export type Poly = Polygon | MultiPolygon;

export function unionAll(geoms: Poly[]): Poly | null {
  if (geoms.length === 0) return null;
  if (geoms.length === 1) return geoms[0] ?? null;
  const u = turf.union(turf.featureCollection(geoms.map((g) => turf.feature(g))));
  return u ? u.geometry : null;
}

/** Simplify (Douglas-Peucker, degrees), then round; rings that collapse are dropped, tiny islands kept unsimplified. */
export function simplifyPoly(g: Poly, tolerance: number, digits = 6): Poly {
  const parts: Position[][][] = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  const out: Position[][][] = [];
  for (const part of parts) {
    const rings = part.filter((r) => new Set(r.map((p) => `${p[0]},${p[1]}`)).size >= 3);
    if (rings.length === 0) continue;
    let poly: Polygon = { type: 'Polygon', coordinates: rings };
    if (tolerance > 0) {
      try {
        poly = turf.simplify(turf.feature(poly), { tolerance, highQuality: true }).geometry;
      } catch {
        // turf refuses rings that simplify below 4 points (small islands): keep them as they are.
      }
    }
    const r = roundGeometry(poly, digits).coordinates.filter((ring) => ring.length >= 4);
    if (r.length > 0 && (r[0]?.length ?? 0) >= 4) out.push(r);
  }
  if (out.length === 0) return roundGeometry(g, digits);
  return out.length === 1 && out[0] ? { type: 'Polygon', coordinates: out[0] } : { type: 'MultiPolygon', coordinates: out };
}

/** Label point: centre of mass of the largest part, or a point surely inside it when that falls outside. */
export function labelPoint(g: Poly): [number, number] {
  const parts: Polygon[] =
    g.type === 'Polygon' ? [g] : g.coordinates.map((c) => ({ type: 'Polygon', coordinates: c }));
  let best = parts[0] as Polygon;
  let bestArea = -1;
  for (const p of parts) {
    const a = turf.area(p);
    if (a > bestArea) {
      bestArea = a;
      best = p;
    }
  }
  const c = turf.centerOfMass(best).geometry.coordinates;
  const inside = turf.booleanPointInPolygon(c, best);
  return roundPoint(inside ? c : turf.pointOnFeature(best).geometry.coordinates);
}

interface Indexed<P extends GeoJsonProperties> {
  feature: Feature<Poly, P>;
  bbox: [number, number, number, number];
}

/** Point-in-polygon lookup with a bbox prefilter; the nearest polygon within `maxKm` when none contains it. */
export class PolygonIndex<P extends GeoJsonProperties> {
  private items: Indexed<P>[];
  constructor(features: Feature<Poly, P>[]) {
    this.items = features.map((f) => ({ feature: f, bbox: turf.bbox(f) as [number, number, number, number] }));
  }
  find(lon: number, lat: number, maxKm = 0): Feature<Poly, P> | null {
    const pt: [number, number] = [lon, lat];
    for (const it of this.items) {
      const [w, s, e, n] = it.bbox;
      if (lon < w || lon > e || lat < s || lat > n) continue;
      if (turf.booleanPointInPolygon(pt, it.feature)) return it.feature;
    }
    if (maxKm <= 0) return null;
    // Coastal towns and border villages can fall a few hundred metres outside the 10m polygons.
    let best: Feature<Poly, P> | null = null;
    let bestKm = maxKm;
    const deg = maxKm / 100;
    for (const it of this.items) {
      const [w, s, e, n] = it.bbox;
      if (lon < w - deg || lon > e + deg || lat < s - deg || lat > n + deg) continue;
      const km = turf.pointToPolygonDistance(pt, it.feature, { units: 'kilometers' });
      if (km <= bestKm) {
        bestKm = km;
        best = it.feature;
      }
    }
    return best;
  }
}
