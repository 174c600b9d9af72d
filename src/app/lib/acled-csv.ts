// CSV in ACLED's layout: its 31 columns in its order (codebook 2024), then this project's provenance columns.
// Every row has coordinates: a region-level incident takes a point inside its polygon, with geo_precision 3.

import type { IncidentFeature, RegionCollection } from '../../pipeline/contract.ts';
import { round6 } from '../../common/geo.ts';
import { acledRegion, disorderType, interaction, isoNumeric } from './acled-codes.ts';
import { actorRoles } from './actor-roles.ts';
import { csvLines } from './csv-cell.ts';
import { representativePoints } from './representative.ts';

export const ACLED_COLUMNS = [
  'event_id_cnty',
  'event_date',
  'year',
  'time_precision',
  'disorder_type',
  'event_type',
  'sub_event_type',
  'actor1',
  'assoc_actor_1',
  'inter1',
  'actor2',
  'assoc_actor_2',
  'inter2',
  'interaction',
  'civilian_targeting',
  'iso',
  'region',
  'country',
  'admin1',
  'admin2',
  'admin3',
  'location',
  'latitude',
  'longitude',
  'geo_precision',
  'source',
  'source_scale',
  'notes',
  'fatalities',
  'tags',
  'timestamp',
] as const;

/** This project's columns, after ACLED's: what lets a row be traced back to its sentences. */
export const PROJECT_COLUMNS = [
  'date_end',
  'modality',
  'region_id',
  'fatalities_high',
  'n_sources',
  'source_ids',
  'claim_ids',
  'claim_offsets',
] as const;

export const CSV_COLUMNS = [...ACLED_COLUMNS, ...PROJECT_COLUMNS] as const;
type Column = (typeof CSV_COLUMNS)[number];

export interface CsvOptions {
  countryNames?: ReadonlyMap<string, string>;
  /** Region polygons, for the representative point of region-level incidents. */
  regions?: RegionCollection;
  /** Unix seconds written in ACLED's `timestamp` column (the export time). */
  timestamp?: number;
}

export function toCSV(incidents: readonly IncidentFeature[], opts: CsvOptions = {}): string {
  const names = opts.countryNames ?? new Map<string, string>();
  const points = representativePoints(opts.regions);
  const timestamp = opts.timestamp ?? Math.floor(Date.now() / 1000);
  const rows = incidents.map((f) => {
    const p = f.properties;
    const own = f.geometry?.type === 'Point' ? f.geometry.coordinates : null;
    const pt = own ?? (p.region_id ? points(p.region_id) : null);
    const roles = actorRoles(p);
    const civilians = p.event_type === 'Violence against civilians' || p.actor_types.includes('Civilians');
    const row: Record<Column, unknown> = {
      event_id_cnty: p.id,
      event_date: p.date_start,
      year: p.date_start?.slice(0, 4) ?? null,
      time_precision: p.time_precision,
      disorder_type: disorderType(p.event_type),
      event_type: p.event_type,
      sub_event_type: p.sub_event_type,
      actor1: roles.actor1,
      assoc_actor_1: roles.assoc1.join('; ') || null,
      inter1: roles.inter1,
      actor2: roles.actor2,
      assoc_actor_2: roles.assoc2.join('; ') || null,
      inter2: roles.inter2,
      interaction: interaction(roles.inter1, roles.inter2),
      civilian_targeting: civilians ? 'Civilian targeting' : null,
      iso: isoNumeric(p.country),
      region: acledRegion(p.country),
      country: p.country ? (names.get(p.country) ?? p.country) : null,
      admin1: p.admin1 ?? null,
      admin2: p.admin2 ?? null,
      admin3: null,
      location: p.place_name,
      latitude: pt ? round6(pt[1]!) : null,
      longitude: pt ? round6(pt[0]!) : null,
      geo_precision: own ? p.geo_precision : 3,
      source: [...new Set(p.claims.map((c) => c.publisher ?? c.source_title ?? c.source_id))].join('; '),
      source_scale: null,
      notes: p.claims.map((c) => c.sentence).join(' | '),
      fatalities: p.fatalities,
      tags: p.impacts.join('; ') || null,
      timestamp,
      date_end: p.date_end,
      modality: p.modality,
      region_id: p.region_id,
      fatalities_high: p.fatalities_range?.[1] ?? p.fatalities,
      n_sources: p.n_sources,
      source_ids: [...new Set(p.claims.map((c) => c.source_id))].join('; '),
      claim_ids: p.claims.map((c) => c.id).join('; '),
      claim_offsets: p.claims.map((c) => `${c.source_id}:${c.start}-${c.end}`).join('; '),
    };
    return CSV_COLUMNS.map((c) => row[c]);
  });
  return csvLines(CSV_COLUMNS, rows);
}
