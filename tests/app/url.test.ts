import { describe, expect, it } from 'vitest';
import { defaultUrlState, fromSearch, toSearch, type UrlState } from '../../src/app/lib/url.ts';

describe('URL state', () => {
  it('defaults produce an empty query', () => {
    expect(toSearch(defaultUrlState())).toBe('');
    expect(fromSearch('')).toEqual(defaultUrlState());
  });

  it('round-trips every field', () => {
    const s: UrlState = {
      view: { lon: -4.1801, lat: 14.4843, zoom: 7.25 },
      filters: {
        actors: ['JNIM', 'Military Forces of Mali'],
        eventTypes: ['Battles'],
        modalities: ['reported'],
        impacts: ['fuel crisis'],
        sources: ['synthetic-001'],
        dateFrom: '2025-01-01',
        dateTo: '2025-12-31',
        q: 'convoy & Mopti',
      },
      incident: 'anchor-mopti-convoy',
      region: 'country:ML',
      claim: 'anchor-mopti-convoy-c1',
      measure: 'fatalities',
      level: 'admin1',
      sort: { key: 'region', desc: false },
    };
    expect(fromSearch(toSearch(s))).toEqual(s);
  });

  it('ignores malformed values instead of throwing', () => {
    const s = fromSearch('?map=abc&from=yesterday&measure=bogus&sort=nope:asc&level=planet');
    expect(s.view).toBeNull();
    expect(s.filters.dateFrom).toBeNull();
    expect(s.measure).toBe('claims');
    expect(s.sort).toEqual(defaultUrlState().sort);
    expect(s.level).toBe('country');
  });
});
