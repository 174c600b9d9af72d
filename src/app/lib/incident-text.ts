// How an incident reads in a few words: the hover card, the list and the panel say a toll the same way.

import type { IncidentProps } from '../../pipeline/contract.ts';

/** "12", "12-20 (sources differ)" when claims disagree, "fatalities not stated" when none gives a number. */
export function tollText(p: Pick<IncidentProps, 'fatalities' | 'fatalities_range'>): string {
  if (p.fatalities_range) return `${p.fatalities_range[0]}-${p.fatalities_range[1]} (sources differ)`;
  return p.fatalities === null ? 'fatalities not stated' : String(p.fatalities);
}

export function dateText(p: Pick<IncidentProps, 'date_start' | 'date_end'>): string {
  if (!p.date_start) return 'undated';
  return p.date_end && p.date_end !== p.date_start ? `${p.date_start} to ${p.date_end}` : p.date_start;
}

export type ListSort = 'newest' | 'toll' | 'place';

/** Comparator for the incident list: newest first (undated last), highest toll first, or by place name. */
export function compareIncidents(sort: ListSort): (a: IncidentProps, b: IncidentProps) => number {
  const newest = (a: IncidentProps, b: IncidentProps) =>
    (b.date_end ?? b.date_start ?? '').localeCompare(a.date_end ?? a.date_start ?? '');
  if (sort === 'toll')
    return (a, b) =>
      (b.fatalities_range?.[1] ?? b.fatalities ?? -1) - (a.fatalities_range?.[1] ?? a.fatalities ?? -1) ||
      newest(a, b);
  if (sort === 'place') return (a, b) => a.place_name.localeCompare(b.place_name) || newest(a, b);
  return (a, b) => newest(a, b) || a.id.localeCompare(b.id);
}
