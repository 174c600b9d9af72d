// Which country a point is in, and whether it lies in the Sahel gazetteer's zone: Mali, Burkina Faso, Niger and
// the neighbours' land within ZONE_KM of their borders. Country polygons are those of geodata/regions.geojson.
import * as turf from '@turf/turf';
import type { Feature, Position } from 'geojson';
import { PolygonIndex, simplifyPoly, type Poly } from './geometry.ts';

export const CORE = ['ML', 'BF', 'NE'] as const;
/**
 * Neighbours kept whole, not only their border zone: Chad is a Sahel country of the corpus and the evaluation
 * (its eastern villages, Bahai or Borota on the Sudanese border, are 700 km from Niger) and has no namesake-heavy
 * coast. Its places come from WOF and OSM only (no GeoNames dump of Chad in the sources).
 */
export const WHOLE = ['TD'] as const;
/** Every country bordering ML, BF or NE. */
export const NEIGHBOURS = ['DZ', 'LY', 'TD', 'NG', 'BJ', 'TG', 'GH', 'CI', 'GN', 'SN', 'MR'] as const;
/**
 * Neighbours' places within this distance of ML/BF/NE: far enough for the cross-border raids and camps the
 * reporting names (Tillabéri - Ménaka - Sahel BF; northern Côte d'Ivoire, Benin and Togo's far north), near
 * enough to keep the namesakes of the coastal states out.
 */
export const ZONE_KM = 100;
/** Border points a little outside the simplified country polygons still belong to the nearest country. */
const NEAR_BORDER_KM = 10;

type CountryFeature = Feature<Poly, { id: string; country: string }>;

interface Segment {
  a: Position;
  b: Position;
}

export class Zone {
  private index: PolygonIndex<{ id: string; country: string }>;
  private coreIndex: PolygonIndex<{ id: string; country: string }>;
  private segments: Segment[] = [];
  private bbox: [number, number, number, number];

  /** `countries`: regions.geojson features of kind country, properties {id: "country:ML", country: "ML"}. */
  constructor(countries: CountryFeature[]) {
    const wanted = new Set<string>([...CORE, ...NEIGHBOURS]);
    const core = new Set<string>(CORE);
    this.index = new PolygonIndex(countries.filter((f) => wanted.has(f.properties.country)));
    const coreFeatures = countries.filter((f) => core.has(f.properties.country));
    this.coreIndex = new PolygonIndex(coreFeatures);
    // The zone edge need not be exact to the metre: a 0.01 deg (~1 km) boundary keeps the distance test fast.
    for (const f of coreFeatures) {
      const g = simplifyPoly(f.geometry, 0.01);
      const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
      for (const ring of polys.flat())
        for (let i = 1; i < ring.length; i++)
          this.segments.push({ a: ring[i - 1] as Position, b: ring[i] as Position });
    }
    const [w, s, e, n] = turf.bbox(turf.featureCollection(coreFeatures));
    const pad = ZONE_KM / 100 + 0.5;
    this.bbox = [w - pad, s - pad, e + pad, n + pad];
  }

  /** ISO2 country whose polygon holds the point (or lies within 10 km of it); null outside the zone's countries. */
  countryOf(lon: number, lat: number): string | null {
    return this.index.find(lon, lat, NEAR_BORDER_KM)?.properties.country ?? null;
  }

  /** Distance in km to Mali, Burkina Faso or Niger; 0 inside them. */
  kmToCore(lon: number, lat: number): number {
    const [w, s, e, n] = this.bbox;
    if (lon < w || lon > e || lat < s || lat > n) return Infinity;
    if (this.coreIndex.find(lon, lat)) return 0;
    let best = Infinity;
    const kx = 111.32 * Math.cos((lat * Math.PI) / 180);
    const ky = 110.57;
    for (const { a, b } of this.segments) {
      // Local equirectangular projection around the point: good to a few percent over 100 km.
      const ax = ((a[0] as number) - lon) * kx;
      const ay = ((a[1] as number) - lat) * ky;
      const bx = ((b[0] as number) - lon) * kx;
      const by = ((b[1] as number) - lat) * ky;
      const dx = bx - ax;
      const dy = by - ay;
      const len2 = dx * dx + dy * dy;
      const t = len2 > 0 ? Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2)) : 0;
      const px = ax + t * dx;
      const py = ay + t * dy;
      const d = Math.sqrt(px * px + py * py);
      if (d < best) best = d;
    }
    return best;
  }

  /** A core country's place, a whole neighbour's, or another neighbour's within ZONE_KM of the core. */
  inZone(country: string, lon: number, lat: number): boolean {
    if ((CORE as readonly string[]).includes(country) || (WHOLE as readonly string[]).includes(country)) return true;
    if (!(NEIGHBOURS as readonly string[]).includes(country)) return false;
    return this.kmToCore(lon, lat) <= ZONE_KM;
  }
}
