// Export exactly what is filtered: RFC 7946 GeoJSON with provenance, and CSV with ACLED's column names.

import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { IncidentFeature, RegionCollection, RiskRowOut } from '../../pipeline/contract.ts';
import { round6 } from '../../shared/geo.ts';

export interface ExportOptions {
  /** Region polygons with their indicators, keyed by region id. */
  regions?: { collection: RegionCollection; indicators: Map<string, Record<string, number | string | null>> };
  risk?: readonly RiskRowOut[];
  /** Filter state and time of export, recorded in the collection's foreign member. */
  meta?: Record<string, unknown>;
}

/** Incidents (and optionally regions and risk rows) as one FeatureCollection; `layer` says which is which. */
export function toGeoJSON(
  incidents: readonly IncidentFeature[],
  opts: ExportOptions = {},
): FeatureCollection<Geometry | null> {
  const features: Feature<Geometry | null>[] = incidents.map((f) => ({
    type: 'Feature',
    id: f.properties.id,
    geometry:
      f.geometry?.type === 'Point'
        ? { type: 'Point', coordinates: f.geometry.coordinates.slice(0, 2).map(round6) }
        : null,
    properties: { layer: 'incident', ...structuredClone(f.properties) },
  }));
  const regionGeom = new Map<string, Geometry>();
  if (opts.regions) {
    for (const r of opts.regions.collection.features) {
      regionGeom.set(r.properties.id, r.geometry);
      const ind = opts.regions.indicators.get(r.properties.id);
      if (!ind) continue;
      features.push({
        type: 'Feature',
        id: r.properties.id,
        geometry: r.geometry,
        properties: { layer: 'region', ...r.properties, ...ind },
      });
    }
  }
  for (const row of opts.risk ?? []) {
    features.push({
      type: 'Feature',
      id: row.id,
      geometry: (row.region_id && opts.regions && regionGeom.get(row.region_id)) || null,
      properties: { layer: 'risk_row', ...structuredClone(row) },
    });
  }
  const fc: FeatureCollection<Geometry | null> & { metadata?: unknown } = {
    type: 'FeatureCollection',
    features,
  };
  if (opts.meta) fc.metadata = opts.meta;
  return fc;
}

/** ACLED column names first (https://acleddata.com codebook), then this project's provenance columns. */
export const CSV_COLUMNS = [
  'event_id_cnty',
  'event_date',
  'year',
  'time_precision',
  'event_type',
  'sub_event_type',
  'actor1',
  'assoc_actor_1',
  'actor2',
  'assoc_actor_2',
  'country',
  'iso',
  'admin1',
  'location',
  'latitude',
  'longitude',
  'geo_precision',
  'source',
  'notes',
  'fatalities',
  'tags',
  'date_end',
  'modality',
  'region_id',
  'source_ids',
  'claim_ids',
] as const;

/** A CSV cell: quoted when needed; a leading = + - @ is defused so spreadsheets never run article text. */
export function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  let s = String(v);
  if (/^[=+\-@\t\r]/.test(s) && !/^-?\d+(\.\d+)?$/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function toCSV(
  incidents: readonly IncidentFeature[],
  countryNames: ReadonlyMap<string, string> = new Map(),
): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const f of incidents) {
    const p = f.properties;
    const pt = f.geometry?.type === 'Point' ? f.geometry.coordinates : null;
    const row: Record<(typeof CSV_COLUMNS)[number], unknown> = {
      event_id_cnty: p.id,
      event_date: p.date_start,
      year: p.date_start?.slice(0, 4) ?? null,
      time_precision: p.time_precision,
      event_type: p.event_type,
      sub_event_type: p.sub_event_type,
      actor1: p.actors[0] ?? null,
      assoc_actor_1: null,
      actor2: p.actors[1] ?? null,
      assoc_actor_2: p.actors.slice(2).join('; ') || null,
      country: p.country ? (countryNames.get(p.country) ?? p.country) : null,
      iso: p.country,
      admin1: p.region_id?.startsWith('admin1:') ? p.region_id : null,
      location: p.place_name,
      latitude: pt ? round6(pt[1]!) : null,
      longitude: pt ? round6(pt[0]!) : null,
      geo_precision: p.geo_precision,
      source: [...new Set(p.claims.map((c) => c.publisher ?? c.source_title ?? c.source_id))].join('; '),
      notes: p.claims.map((c) => c.sentence).join(' | '),
      fatalities: p.fatalities,
      tags: p.impacts.join('; ') || null,
      date_end: p.date_end,
      modality: p.modality,
      region_id: p.region_id,
      source_ids: [...new Set(p.claims.map((c) => c.source_id))].join('; '),
      claim_ids: p.claims.map((c) => c.id).join('; '),
    };
    lines.push(CSV_COLUMNS.map((c) => csvCell(row[c])).join(','));
  }
  return lines.join('\r\n') + '\r\n';
}
