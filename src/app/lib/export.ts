// Export exactly what is filtered, in files GIS and ACLED tools read: incidents as RFC 7946 GeoJSON where every
// feature has a geometry (a region-level incident its region's polygon, or a point inside it), regions and risk
// rows as their own files (one layer each, so no reader mixes polygons, points and table rows), zipped together.

import { strToU8, zipSync } from 'fflate';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { IncidentFeature, RegionCollection, RiskRowOut } from '../../pipeline/contract.ts';
import { round6 } from '../../common/geo.ts';
import { csvLines } from './csv-cell.ts';
import { representativePoints } from './representative.ts';

export { csvCell } from './csv-cell.ts';
export { ACLED_COLUMNS, CSV_COLUMNS, toCSV } from './acled-csv.ts';

export interface GeoJSONOptions {
  /** Region polygons: where a region-level incident gets its geometry. */
  regions?: RegionCollection;
  /** 'polygon' (default: the honest extent) or 'point' (a representative point inside it, ACLED's convention). */
  regionAs?: 'polygon' | 'point';
  /** Filter state and time of export, recorded in the collection's foreign member. */
  meta?: Record<string, unknown>;
}

type OutCollection = FeatureCollection<Geometry | null> & { metadata?: unknown };

/** Incidents as one FeatureCollection; `geo_precision` and `region_id` say how exact each geometry is. */
export function toGeoJSON(incidents: readonly IncidentFeature[], opts: GeoJSONOptions = {}): OutCollection {
  const polygons = new Map((opts.regions?.features ?? []).map((r) => [r.properties.id, r.geometry]));
  const points = representativePoints(opts.regions);
  const features: Feature<Geometry | null>[] = incidents.map((f) => {
    const p = f.properties;
    let geometry: Geometry | null = null;
    if (f.geometry?.type === 'Point') {
      geometry = { type: 'Point', coordinates: f.geometry.coordinates.slice(0, 2).map(round6) };
    } else if (p.region_id && opts.regionAs === 'point') {
      const pt = points(p.region_id);
      geometry = pt ? { type: 'Point', coordinates: pt.slice(0, 2).map(round6) } : null;
    } else if (p.region_id) {
      geometry = polygons.get(p.region_id) ?? null;
    }
    return {
      type: 'Feature',
      id: p.id,
      geometry,
      properties: { ...structuredClone(p), geo_precision: p.geo_precision, region_id: p.region_id },
    };
  });
  const fc: OutCollection = { type: 'FeatureCollection', features };
  if (opts.meta) fc.metadata = opts.meta;
  return fc;
}

/** Region polygons that hold filtered incidents or risk rows, with their indicators. */
export function regionsGeoJSON(
  collection: RegionCollection,
  indicators: Map<string, Record<string, number | string | null>>,
): OutCollection {
  const features: Feature<Geometry>[] = [];
  for (const r of collection.features) {
    const ind = indicators.get(r.properties.id);
    if (ind)
      features.push({
        type: 'Feature',
        id: r.properties.id,
        geometry: r.geometry,
        properties: { ...r.properties, ...ind },
      });
  }
  return { type: 'FeatureCollection', features };
}

export const RISK_COLUMNS = [
  'id',
  'region_id',
  'region_name',
  'source_id',
  'source_title',
  'table',
  'row',
  'start',
  'end',
] as const;

/** Risk rows as a table: the row's cells as "header: cell" pairs, with its offsets in the cleaned source. */
export function riskCSV(rows: readonly RiskRowOut[]): string {
  return csvLines(
    RISK_COLUMNS,
    rows.map((r) => [
      r.id,
      r.region_id,
      r.region_name,
      r.source_id,
      r.source_title,
      r.table,
      r.cells.map((c, i) => (r.header[i] ? `${r.header[i]}: ${c}` : c)).join('; '),
      r.start,
      r.end,
    ]),
  );
}

/** Several files in one zip (deterministic: fixed file times). */
export function zipFiles(files: Record<string, string>): Uint8Array<ArrayBuffer> {
  const mtime = new Date('2020-01-01T00:00:00Z');
  // zipSync allocates a plain ArrayBuffer (never a shared one).
  return zipSync(
    Object.fromEntries(Object.entries(files).map(([name, text]) => [name, [strToU8(text), { mtime }]])),
  ) as Uint8Array<ArrayBuffer>;
}
