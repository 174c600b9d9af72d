import { describe, expect, it } from 'vitest';
import { compareIncidents, dateText, tollText } from '../../src/app/lib/incident-text.ts';
import type { IncidentProps } from '../../src/pipeline/contract.ts';

const inc = (
  id: string,
  place: string,
  date: string | null,
  fat: number | null,
  range: [number, number] | null = null,
) =>
  ({
    id,
    place_name: place,
    date_start: date,
    date_end: date,
    fatalities: fat,
    fatalities_range: range,
  }) as IncidentProps;

describe('incident text', () => {
  it('says a toll in words: a number, a disputed range, or not stated', () => {
    expect(tollText(inc('a', 'x', null, 12))).toBe('12');
    expect(tollText(inc('a', 'x', null, 12, [12, 20]))).toBe('12-20 (sources differ)');
    expect(tollText(inc('a', 'x', null, null))).toBe('fatalities not stated');
    expect(tollText(inc('a', 'x', null, 0))).toBe('0');
    expect(dateText(inc('a', 'x', null, 0))).toBe('undated');
  });

  it('sorts the list newest first (undated last), by toll, by place', () => {
    const rows = [
      inc('a', 'Gao', '2013-02-21', 3),
      inc('b', 'Mopti', '2021-01-01', null),
      inc('c', 'Bamako', null, 20, [20, 30]),
      inc('d', 'Ansongo', '2019-05-01', 8),
    ];
    const ids = (s: 'newest' | 'toll' | 'place') => [...rows].sort(compareIncidents(s)).map((r) => r.id);
    expect(ids('newest')).toEqual(['b', 'd', 'a', 'c']);
    expect(ids('toll')).toEqual(['c', 'd', 'a', 'b']);
    expect(ids('place')).toEqual(['d', 'c', 'a', 'b']);
  });
});
