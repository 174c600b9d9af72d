// Incidents and sources of the slim layer (map/ files) in memory: the IncidentProps shape with `claims` empty until
// they are fetched, and the SourceOut shape with `text` empty until fetched; the slim fields say what the claims
// and text hold meanwhile. Data loaded whole (no map/ files) have none of these fields.

import type { IncidentProps, IncidentSlimProps, SourceMeta, SourceOut } from '../../pipeline/contract.ts';

export type MaybeSlim = IncidentProps & Partial<Omit<IncidentSlimProps, keyof IncidentProps>>;

/** True while the incident's claims have not been fetched (they are in its claims chunk). */
export const slimIncident = (p: IncidentProps): boolean => typeof (p as MaybeSlim).claims_chunk === 'number';

export const slimSource = (s: SourceOut): boolean =>
  typeof (s as SourceOut & Partial<SourceMeta>).text_chunk === 'number';

/** How many claims the incident has, fetched or not. */
export function claimCount(p: IncidentProps): number {
  const n = (p as MaybeSlim).n_claims;
  return typeof n === 'number' ? n : p.claims.length;
}

/** The incident's distinct source ids, in claim order, fetched or not. */
export function sourceIds(p: IncidentProps): string[] {
  const ids = (p as MaybeSlim).source_ids;
  return Array.isArray(ids) ? ids : [...new Set(p.claims.map((c) => c.source_id))];
}
