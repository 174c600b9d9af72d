// ACLED's coded columns derived from what an incident already says: inter codes from actor types, the disorder
// type from the event type, ISO 3166-1 numeric codes and UN regions for the countries the corpus can name.

import type { ActorType } from '../../pipeline/contract.ts';

/** ACLED's inter codes (codebook: 1 State forces ... 8 External/Other forces). */
export const INTER_CODE: Record<ActorType, number> = {
  'State forces': 1,
  'Rebel groups': 2,
  'Political militias': 3,
  'Identity militias': 4,
  Rioters: 5,
  Protesters: 6,
  Civilians: 7,
  'External/Other forces': 8,
};

/** ACLED's interaction: the two inter codes, lower first (10, 20, ... when there is one actor). */
export function interaction(inter1: number | null, inter2: number | null): number | null {
  if (inter1 === null) return null;
  if (inter2 === null) return inter1 * 10;
  return Math.min(inter1, inter2) * 10 + Math.max(inter1, inter2);
}

export function disorderType(eventType: string): string {
  if (eventType === 'Protests' || eventType === 'Riots') return 'Demonstrations';
  if (eventType === 'Strategic developments') return 'Strategic developments';
  return 'Political violence';
}

/** ISO 3166-1 numeric code and the UN M49 region ACLED files the country under. */
const COUNTRIES: Record<string, [number, string]> = {
  BF: [854, 'Western Africa'],
  BJ: [204, 'Western Africa'],
  CI: [384, 'Western Africa'],
  CV: [132, 'Western Africa'],
  GH: [288, 'Western Africa'],
  GM: [270, 'Western Africa'],
  GN: [324, 'Western Africa'],
  GW: [624, 'Western Africa'],
  LR: [430, 'Western Africa'],
  ML: [466, 'Western Africa'],
  MR: [478, 'Western Africa'],
  NE: [562, 'Western Africa'],
  NG: [566, 'Western Africa'],
  SL: [694, 'Western Africa'],
  SN: [686, 'Western Africa'],
  TG: [768, 'Western Africa'],
  CM: [120, 'Middle Africa'],
  CF: [140, 'Middle Africa'],
  TD: [148, 'Middle Africa'],
  DZ: [12, 'Northern Africa'],
  EH: [732, 'Northern Africa'],
  LY: [434, 'Northern Africa'],
  MA: [504, 'Northern Africa'],
  SD: [729, 'Northern Africa'],
  TN: [788, 'Northern Africa'],
  FR: [250, 'Europe'],
};

export function isoNumeric(country: string | null): number | null {
  return country ? (COUNTRIES[country]?.[0] ?? null) : null;
}

export function acledRegion(country: string | null): string | null {
  return country ? (COUNTRIES[country]?.[1] ?? null) : null;
}
