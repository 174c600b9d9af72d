// One filter state, three readers: a JS predicate over IncidentProps (tests), a typed-array pass over the index (the
// mask every panel's rows come from, see rows.ts), and a MapLibre filter expression over the flat points (the map).
// Semantics: values of one facet are OR-ed, facets are AND-ed, an empty facet does not filter.
// Dates: an incident's span [date_start, date_end] must overlap [from, to]; undated incidents drop out as soon as a
// bound is set. Free text: every whitespace-separated term must occur (case-insensitive) in the incident's text.

import type { ExpressionSpecification, FilterSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { IncidentProps } from '../../pipeline/contract.ts';
import { NO_DAY, incidentSpan, toDay } from './dates.ts';
import { sourceIds } from './slim.ts';
import { ensureText, incidentText, joinKeys, type Csr, type Dict, type IncidentIndex } from './model.ts';

export interface FilterState {
  actors: string[];
  eventTypes: string[];
  modalities: string[];
  impacts: string[];
  sources: string[];
  /** ISO dates (inclusive) or null. */
  dateFrom: string | null;
  dateTo: string | null;
  q: string;
}

export function emptyFilters(): FilterState {
  return {
    actors: [],
    eventTypes: [],
    modalities: [],
    impacts: [],
    sources: [],
    dateFrom: null,
    dateTo: null,
    q: '',
  };
}

export function isEmptyFilter(f: FilterState): boolean {
  return (
    !f.actors.length &&
    !f.eventTypes.length &&
    !f.modalities.length &&
    !f.impacts.length &&
    !f.sources.length &&
    !f.dateFrom &&
    !f.dateTo &&
    !f.q.trim()
  );
}

export function terms(q: string): string[] {
  return q.toLowerCase().split(/\s+/).filter(Boolean);
}

function dateBounds(f: FilterState): [number, number] | null {
  if (!f.dateFrom && !f.dateTo) return null;
  const from = f.dateFrom ? toDay(f.dateFrom, false) : -Infinity;
  const to = f.dateTo ? toDay(f.dateTo, true) : Infinity;
  return [from, to];
}

// ---------------------------------------------------------------- JS predicate

export function matchesIncident(p: IncidentProps, f: FilterState): boolean {
  if (f.actors.length && !p.actors.some((a) => f.actors.includes(a))) return false;
  if (f.eventTypes.length && !f.eventTypes.includes(p.event_type)) return false;
  if (f.modalities.length && !f.modalities.includes(p.modality)) return false;
  if (f.impacts.length && !p.impacts.some((x) => f.impacts.includes(x))) return false;
  if (f.sources.length && !sourceIds(p).some((id) => f.sources.includes(id))) return false;
  const b = dateBounds(f);
  if (b) {
    const [ds, de] = incidentSpan(p.date_start, p.date_end);
    if (ds === NO_DAY || de < b[0] || ds > b[1]) return false;
  }
  const t = terms(f.q);
  if (t.length) {
    const text = incidentText({ type: 'Feature', geometry: null, properties: p });
    if (!t.every((w) => text.includes(w))) return false;
  }
  return true;
}

// ---------------------------------------------------------------- typed-array pass

function lookup(dict: Dict, selected: readonly string[]): Uint8Array | null {
  if (!selected.length) return null;
  const on = new Uint8Array(dict.size);
  for (const s of selected) {
    const i = dict.index.get(s);
    if (i !== undefined) on[i] = 1;
  }
  return on;
}

function anyOn(c: Csr, i: number, on: Uint8Array): boolean {
  for (let k = c.offsets[i]!, e = c.offsets[i + 1]!; k < e; k++) if (on[c.list[k]!]) return true;
  return false;
}

/** mask[i] = 1 when incident i passes. Returns the number that pass. */
export function filterMask(
  ix: IncidentIndex,
  f: FilterState,
  mask: Uint8Array = new Uint8Array(ix.n),
): number {
  const actors = lookup(ix.dicts.actor, f.actors);
  const ets = lookup(ix.dicts.eventType, f.eventTypes);
  const mods = lookup(ix.dicts.modality, f.modalities);
  const imps = lookup(ix.dicts.impact, f.impacts);
  const srcs = lookup(ix.dicts.source, f.sources);
  const b = dateBounds(f);
  const t = terms(f.q);
  const text = t.length ? ensureText(ix) : null;
  let count = 0;
  for (let i = 0; i < ix.n; i++) {
    let ok =
      (!ets || ets[ix.eventType[i]!] === 1) &&
      (!mods || mods[ix.modality[i]!] === 1) &&
      (!actors || anyOn(ix.actors, i, actors)) &&
      (!imps || anyOn(ix.impacts, i, imps)) &&
      (!srcs || anyOn(ix.sources, i, srcs));
    if (ok && b) {
      const ds = ix.dayStart[i]!;
      ok = ds !== NO_DAY && ix.dayEnd[i]! >= b[0] && ds <= b[1];
    }
    if (ok && text) {
      const s = text[i]!;
      ok = t.every((w) => s.includes(w));
    }
    mask[i] = ok ? 1 : 0;
    if (ok) count++;
  }
  return count;
}

// ---------------------------------------------------------------- MapLibre expression

/** The global-state key a parameterized filter reads its values from by default (see `toMaplibreFilter`). */
export const FILTER_STATE = 'filterParams';

/**
 * Where a filter's values go: inline literals (`undefined`), or a list that becomes the global state `FILTER_STATE`,
 * the expression reading its values from there. Two filters that differ only in their values (another actor, a moved
 * date range) then compile to the same expression, and the map applies a change by setting the state alone.
 */
type Params = { values: unknown[]; key: string } | undefined;

function value(params: Params, v: string | number): ExpressionSpecification | string | number {
  if (!params) return v;
  params.values.push(v);
  const at: ExpressionSpecification = ['at', params.values.length - 1, ['global-state', params.key]];
  return typeof v === 'number' ? ['number', at] : ['string', at];
}

function list(params: Params, vs: readonly string[]): ExpressionSpecification {
  if (!params) return ['literal', [...vs]];
  params.values.push([...vs]);
  return ['array', 'string', ['at', params.values.length - 1, ['global-state', params.key]]];
}

function anyKey(params: Params, prop: string, values: readonly string[]): ExpressionSpecification {
  return [
    'any',
    ...values.map((v): ExpressionSpecification => [
      'in',
      value(params, joinKeys([v])) as string,
      ['get', prop],
    ]),
  ];
}

/** Slots an OR over `n` values takes in a parameterized filter: the next power of two (its shape changes at 2, 3, 5, 9...). */
export function orSlots(n: number): number {
  let s = 1;
  while (s < n) s *= 2;
  return s;
}
/** Fills an unused slot: no feature's keys hold it (names have no NUL). */
const NO_VALUE = '\u0000';
/** Date bounds of an open end in a parameterized filter (days; every dated incident lies between). */
const FAR_DAYS = 1e9;

/**
 * Every facet, whether set or not, switched by its own value (0: off, the facet passes everything): a change of which
 * facets are set changes no expression, only values. On the map that is a change of the global state alone, which
 * re-tiles at once; a new expression reaches MapLibre's worker only through a frame that draws the old points.
 */
function parameterizedFilter(
  f: FilterState,
  p: NonNullable<Params>,
  textIds?: readonly number[],
): FilterSpecification {
  const facet = (set: boolean, match: ExpressionSpecification): ExpressionSpecification => [
    'any',
    ['==', value(p, set ? 1 : 0) as number, 0],
    match,
  ];
  const padded = (vs: readonly string[]) => [
    ...vs,
    ...Array<string>(orSlots(vs.length) - vs.length).fill(NO_VALUE),
  ];
  const b = dateBounds(f);
  const lo = b && Number.isFinite(b[0]) ? b[0] : -FAR_DAYS;
  const hi = b && Number.isFinite(b[1]) ? b[1] : FAR_DAYS;
  const parts: ExpressionSpecification[] = [
    facet(f.actors.length > 0, anyKey(p, 'act', padded(f.actors))),
    facet(f.eventTypes.length > 0, ['in', ['get', 'et'], list(p, f.eventTypes)]),
    facet(f.modalities.length > 0, ['in', ['get', 'mod'], list(p, f.modalities)]),
    facet(f.impacts.length > 0, anyKey(p, 'imp', padded(f.impacts))),
    facet(f.sources.length > 0, anyKey(p, 'src', padded(f.sources))),
    facet(b !== null, [
      'all',
      ['has', 'ds'],
      ['>=', ['get', 'de'], value(p, lo) as number],
      ['<=', ['get', 'ds'], value(p, hi) as number],
    ]),
  ];
  if (terms(f.q).length) {
    const ids = textIds ?? [];
    parts.push(ids.length ? ['match', ['get', 'fid'], [...new Set(ids)], true, false] : ['boolean', false]);
  }
  return ['all', ...parts];
}

/**
 * The filter expression for the flat point features (FlatProps). Free text is not expressible on scalars, so the ids
 * that match it (from the typed-array pass) come in as `textIds` (inline, whatever `params`). With `params`, every
 * other value is pushed there and read back through `['global-state', key]`, and every facet is present whether
 * set or not (`parameterizedFilter`): the expression then depends only on how many slots the actor, impact and
 * source lists take (`orSlots`) and on the free text.
 */
export function toMaplibreFilter(
  f: FilterState,
  textIds?: readonly number[],
  params?: unknown[],
  key = FILTER_STATE,
): FilterSpecification {
  if (params) return parameterizedFilter(f, { values: params, key }, textIds);
  const p: Params = undefined;
  const parts: ExpressionSpecification[] = [];
  if (f.actors.length) parts.push(anyKey(p, 'act', f.actors));
  if (f.eventTypes.length) parts.push(['in', ['get', 'et'], list(p, f.eventTypes)]);
  if (f.modalities.length) parts.push(['in', ['get', 'mod'], list(p, f.modalities)]);
  if (f.impacts.length) parts.push(anyKey(p, 'imp', f.impacts));
  if (f.sources.length) parts.push(anyKey(p, 'src', f.sources));
  const b = dateBounds(f);
  if (b) {
    parts.push(['has', 'ds']);
    if (Number.isFinite(b[0])) parts.push(['>=', ['get', 'de'], value(p, b[0]) as number]);
    if (Number.isFinite(b[1])) parts.push(['<=', ['get', 'ds'], value(p, b[1]) as number]);
  }
  if (terms(f.q).length) {
    const ids = textIds ?? [];
    parts.push(ids.length ? ['match', ['get', 'fid'], [...new Set(ids)], true, false] : ['boolean', false]);
  }
  return parts.length ? ['all', ...parts] : ['boolean', true];
}

/** Ids of incidents whose text matches the free-text terms (all of them). */
export function textMatches(ix: IncidentIndex, q: string): number[] {
  const t = terms(q);
  if (!t.length) return [];
  const text = ensureText(ix);
  const out: number[] = [];
  for (let i = 0; i < ix.n; i++) if (t.every((w) => text[i]!.includes(w))) out.push(i);
  return out;
}
