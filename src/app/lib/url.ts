// The whole view in the URL: map view, filters, selection, region measure and table sort. A link reproduces the view.

import { emptyFilters, type FilterState } from './filters.ts';

export type Measure = 'claims' | 'fatalities' | 'risk';
export type RegionLevel = 'country' | 'admin1' | 'admin2' | 'vernacular';
export type SortKey = 'region' | 'incidents' | 'fatalities' | 'last' | 'risk';

export interface View {
  lon: number;
  lat: number;
  zoom: number;
}

export interface UrlState {
  view: View | null;
  filters: FilterState;
  /** Selected incident id. */
  incident: string | null;
  /** Selected region id ("country:ML"). */
  region: string | null;
  /** Claim id shown in its source, or null. */
  claim: string | null;
  measure: Measure;
  level: RegionLevel;
  sort: { key: SortKey; desc: boolean };
}

export function defaultUrlState(): UrlState {
  return {
    view: null,
    filters: emptyFilters(),
    incident: null,
    region: null,
    claim: null,
    measure: 'claims',
    level: 'country',
    sort: { key: 'incidents', desc: true },
  };
}

const MEASURES: readonly Measure[] = ['claims', 'fatalities', 'risk'];
const LEVELS: readonly RegionLevel[] = ['country', 'admin1', 'admin2', 'vernacular'];
const SORTS: readonly SortKey[] = ['region', 'incidents', 'fatalities', 'last', 'risk'];
const ISO = /^\d{4}-\d{2}-\d{2}$/;

const LIST_KEYS = {
  actor: 'actors',
  type: 'eventTypes',
  modality: 'modalities',
  impact: 'impacts',
  source: 'sources',
} as const satisfies Record<string, keyof FilterState>;

/** Query string for a state; defaults are left out so links stay short. Repeated keys carry list values. */
export function toSearch(s: UrlState): string {
  const p = new URLSearchParams();
  if (s.view) p.set('map', `${s.view.zoom.toFixed(2)}/${s.view.lat.toFixed(4)}/${s.view.lon.toFixed(4)}`);
  for (const [key, field] of Object.entries(LIST_KEYS)) for (const v of s.filters[field]) p.append(key, v);
  if (s.filters.dateFrom) p.set('from', s.filters.dateFrom);
  if (s.filters.dateTo) p.set('to', s.filters.dateTo);
  if (s.filters.q.trim()) p.set('q', s.filters.q);
  if (s.incident) p.set('incident', s.incident);
  if (s.region) p.set('region', s.region);
  if (s.claim) p.set('claim', s.claim);
  if (s.measure !== 'claims') p.set('measure', s.measure);
  if (s.level !== 'country') p.set('level', s.level);
  if (s.sort.key !== 'incidents' || !s.sort.desc)
    p.set('sort', `${s.sort.key}:${s.sort.desc ? 'desc' : 'asc'}`);
  const q = p.toString();
  return q ? `?${q}` : '';
}

/** State from a query string. Unknown or malformed values fall back to defaults, never throw. */
export function fromSearch(search: string): UrlState {
  const p = new URLSearchParams(search);
  const s = defaultUrlState();
  const m = /^(-?[\d.]+)\/(-?[\d.]+)\/(-?[\d.]+)$/.exec(p.get('map') ?? '');
  if (m) {
    const [zoom, lat, lon] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if ([zoom, lat, lon].every(Number.isFinite) && Math.abs(lat) <= 90 && Math.abs(lon) <= 180)
      s.view = { zoom: Math.max(0, Math.min(22, zoom)), lat, lon };
  }
  for (const [key, field] of Object.entries(LIST_KEYS)) s.filters[field] = [...new Set(p.getAll(key))];
  const from = p.get('from');
  const to = p.get('to');
  if (from && ISO.test(from)) s.filters.dateFrom = from;
  if (to && ISO.test(to)) s.filters.dateTo = to;
  s.filters.q = p.get('q') ?? '';
  s.incident = p.get('incident');
  s.region = p.get('region');
  s.claim = p.get('claim');
  const measure = p.get('measure') as Measure | null;
  if (measure && MEASURES.includes(measure)) s.measure = measure;
  const level = p.get('level') as RegionLevel | null;
  if (level && LEVELS.includes(level)) s.level = level;
  const [key, dir] = (p.get('sort') ?? '').split(':');
  if (key && SORTS.includes(key as SortKey)) s.sort = { key: key as SortKey, desc: dir !== 'asc' };
  return s;
}
