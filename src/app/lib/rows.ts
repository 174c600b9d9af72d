// One place that turns the filter state into what each panel shows: the filter and legend counts, the incident
// list, the region table (and the region indicators of the export), the risk rows, the events with no place, and the
// export set. filters.ts says what a filter means; this file says what each panel lists under it. Pure functions
// over the loaded indexes and the filter mask, so AppState derives each one and the panels only render.

import type { IncidentFeature, RiskRowOut, UnlocatedOut } from '../../pipeline/contract.ts';
import { NO_DAY, fromDay } from './dates.ts';
import { terms, type FilterState } from './filters.ts';
import type { Csr, Dict, IncidentIndex } from './model.ts';
import type { RegionIndex, RegionStats } from './regions.ts';
import type { SortKey } from './url.ts';
import type { ListSort } from './incident-text.ts';

// ---------------------------------------------------------------- filter and legend counts

export interface FacetCounts {
  actors: Map<string, number>;
  eventTypes: Map<string, number>;
  modalities: Map<string, number>;
  impacts: Map<string, number>;
  sources: Map<string, number>;
}

/** How many filtered incidents carry each value (beside each filter value, and in the legend). */
export function facetCounts(ix: IncidentIndex, mask: Uint8Array): FacetCounts {
  const a = new Uint32Array(ix.dicts.actor.size);
  const et = new Uint32Array(ix.dicts.eventType.size);
  const mo = new Uint32Array(ix.dicts.modality.size);
  const im = new Uint32Array(ix.dicts.impact.size);
  const so = new Uint32Array(ix.dicts.source.size);
  const bump = (c: Csr, i: number, acc: Uint32Array) => {
    for (let k = c.offsets[i]!, e = c.offsets[i + 1]!; k < e; k++) acc[c.list[k]!]!++;
  };
  for (let i = 0; i < ix.n; i++) {
    if (!mask[i]) continue;
    et[ix.eventType[i]!]!++;
    mo[ix.modality[i]!]!++;
    bump(ix.actors, i, a);
    bump(ix.impacts, i, im);
    bump(ix.sources, i, so);
  }
  const toMap = (d: Dict, c: Uint32Array) => new Map(d.values.map((v, i) => [v, c[i] ?? 0]));
  return {
    actors: toMap(ix.dicts.actor, a),
    eventTypes: toMap(ix.dicts.eventType, et),
    modalities: toMap(ix.dicts.modality, mo),
    impacts: toMap(ix.dicts.impact, im),
    sources: toMap(ix.dicts.source, so),
  };
}

/** A filter value and its label (a source's title). */
export interface FacetValue {
  value: string;
  label: string;
}

/**
 * The values a long facet draws: the chosen ones, then up to `n` of the others that match the find box (`q`,
 * in the label or the value, any case); `more`, how many matching ones are left out. One pass with the chosen
 * values in a Set (a large corpus has 20k sources; `chosen` may be the state's proxy, read once here).
 */
export function shownValues(
  values: readonly FacetValue[],
  chosen: readonly string[],
  q: string,
  n: number,
): { list: FacetValue[]; more: number } {
  const find = q.trim().toLowerCase();
  const on = new Set(chosen);
  const picked: FacetValue[] = [];
  const match: FacetValue[] = [];
  let matches = 0;
  for (const v of values) {
    if (on.has(v.value)) picked.push(v);
    else if (!find || v.label.toLowerCase().includes(find) || v.value.toLowerCase().includes(find))
      if (matches++ < n) match.push(v);
  }
  return { list: [...picked, ...match], more: Math.max(0, matches - n) };
}

// ---------------------------------------------------------------- incidents

/** The incident list shows this many; the heading says how many there are. */
export const LIST_LIMIT = 100;

/** Filtered incidents in index order, narrowed to a selected region (its polygon and the polygons inside it). */
export function incidentList(
  ix: IncidentIndex,
  rx: RegionIndex,
  mask: Uint8Array,
  regionId: string | null,
  limit = LIST_LIMIT,
  sort: ListSort = 'newest',
): { items: IncidentFeature[]; total: number } {
  const r = regionId ? rx.byId.get(regionId) : undefined;
  const { offsets, list } = rx.ofIncident;
  const keep = (i: number) =>
    !!mask[i] && (r === undefined || list.subarray(offsets[i]!, offsets[i + 1]!).includes(r));
  if (sort === 'newest') {
    // The index is in date order (undated last), so newest first is a backward walk: no sort of 100k rows.
    const items: IncidentFeature[] = [];
    const undated: IncidentFeature[] = [];
    let total = 0;
    for (let i = ix.n - 1; i >= 0; i--) {
      if (!keep(i)) continue;
      total++;
      if (ix.dayStart[i] === NO_DAY) {
        if (undated.length < limit) undated.push(ix.features[i]!);
      } else if (items.length < limit) items.push(ix.features[i]!);
    }
    return { items: [...items, ...undated.reverse()].slice(0, limit), total };
  }
  // compareIncidents' order on the index's keys: strings ranked once per distinct value (localeCompare on a few
  // thousand dates and places, not on every pair of 100k+ incidents), no incident object built but those listed
  const all: number[] = [];
  for (let i = 0; i < ix.n; i++) if (keep(i)) all.push(i);
  const dr = ranks(ix.dateKeys);
  const newest = (a: number, b: number) => dr[ix.dateRef[b]!]! - dr[ix.dateRef[a]!]!;
  if (sort === 'toll') all.sort((a, b) => ix.toll[b]! - ix.toll[a]! || newest(a, b));
  else {
    const pr = ranks(ix.placeNames);
    all.sort((a, b) => pr[ix.placeRef[a]!]! - pr[ix.placeRef[b]!]! || newest(a, b));
  }
  return { items: all.slice(0, limit).map((i) => ix.feature(i)), total: all.length };
}

/** Each string's place in localeCompare order (equal strings, equal ranks). */
function ranks(values: readonly string[]): Uint32Array {
  const order = values.map((_, k) => k).sort((a, b) => values[a]!.localeCompare(values[b]!));
  const r = new Uint32Array(values.length);
  order.forEach((k, j) => {
    const prev = order[j - 1];
    r[k] = j > 0 && values[prev!]!.localeCompare(values[k]!) === 0 ? r[prev!]! : j;
  });
  return r;
}

/** Other filtered incidents at exactly the same point as incident i. */
export function alsoHere(ix: IncidentIndex, mask: Uint8Array, i: number): IncidentFeature[] {
  const x = ix.lon[i]!;
  const y = ix.lat[i]!;
  if (Number.isNaN(x)) return [];
  const out: IncidentFeature[] = [];
  for (let j = 0; j < ix.n; j++)
    if (j !== i && mask[j] && ix.lon[j] === x && ix.lat[j] === y) out.push(ix.features[j]!);
  return out;
}

/** What "Export" writes: the filtered incidents, in index order. */
export function exportSet(ix: IncidentIndex, mask: Uint8Array): IncidentFeature[] {
  const out: IncidentFeature[] = [];
  for (let i = 0; i < ix.n; i++) if (mask[i]) out.push(ix.features[i]!);
  return out;
}

// ---------------------------------------------------------------- rows that are not incidents

/** Risk rows under the source and free-text filters (the other facets describe incidents, not rows). */
export function riskRows(rows: readonly RiskRowOut[], f: Pick<FilterState, 'sources' | 'q'>): RiskRowOut[] {
  const t = terms(f.q);
  return rows.filter((row) => {
    if (f.sources.length && !f.sources.includes(row.source_id)) return false;
    if (!t.length) return true;
    const text = [row.region_name ?? '', row.source_title ?? '', ...row.cells].join('\n').toLowerCase();
    return t.every((w) => text.includes(w));
  });
}

/**
 * Event sentences with no place under the source, event-type and free-text filters (they have no date, actors
 * or place to filter by).
 */
export function unlocatedRows(
  rows: readonly UnlocatedOut[],
  f: Pick<FilterState, 'sources' | 'eventTypes' | 'q'>,
): UnlocatedOut[] {
  const t = terms(f.q);
  return rows.filter((row) => {
    if (f.sources.length && !f.sources.includes(row.source_id)) return false;
    if (f.eventTypes.length && !f.eventTypes.includes(row.event_type)) return false;
    const text = `${row.sentence}\n${row.event_type}`.toLowerCase();
    return t.every((w) => text.includes(w));
  });
}

// ---------------------------------------------------------------- regions

export interface RegionRow {
  id: string;
  name: string;
  kind: string;
  country: string | null;
  incidents: number;
  claims: number;
  fatalities: number;
  /** Last event day, NO_DAY when none is dated. */
  last: number;
  actors: string[];
  /** Its risk rows under the filters. */
  risk: RiskRowOut[];
}

/** Every region with filtered incidents or risk rows, in the regions file's order (the table and the export). */
export function regionRows(rx: RegionIndex, s: RegionStats, risk: readonly RiskRowOut[]): RegionRow[] {
  const byRegion = new Map<string, RiskRowOut[]>();
  for (const row of risk) {
    if (!row.region_id) continue;
    const l = byRegion.get(row.region_id);
    if (l) l.push(row);
    else byRegion.set(row.region_id, [row]);
  }
  const out: RegionRow[] = [];
  rx.collection.features.forEach((f, r) => {
    const rows = byRegion.get(f.properties.id) ?? [];
    if (!s.incidents[r] && !rows.length) return;
    out.push({
      id: f.properties.id,
      name: f.properties.name,
      kind: f.properties.kind,
      country: f.properties.country,
      incidents: s.incidents[r]!,
      claims: s.claims[r]!,
      fatalities: s.fatalities[r]!,
      last: s.last[r]!,
      actors: [...s.actors[r]!],
      risk: rows,
    });
  });
  return out;
}

/** Another table row that covers some of the same ground: how many filtered incidents both rows count. */
export interface RegionOverlap {
  id: string;
  name: string;
  kind: string;
  shared: number;
}

/**
 * Which table rows overlap which (issue 10.5: the same fatalities counted in a country, its vernacular regions, its
 * admin-1 and admin-2 rows read as separate events). Two rows overlap when a filtered incident counts in both
 * (its point or polygon lies in both), or when one is the country of the other (a risk row with no incident
 * still lies inside its country). Per row, the others, most shared first (coarser levels first among equals).
 */
export function regionOverlaps(
  rx: RegionIndex,
  mask: Uint8Array,
  rows: readonly RegionRow[],
): Map<string, RegionOverlap[]> {
  const rowOf = new Map<number, RegionRow>();
  for (const row of rows) {
    const r = rx.byId.get(row.id);
    if (r !== undefined) rowOf.set(r, row);
  }
  const m = rx.collection.features.length;
  const isRow = new Uint8Array(m);
  for (const r of rowOf.keys()) isRow[r] = 1;
  // pair counts in a dense m x m table when it is small (a few hundred regions: one array access per pair, not a
  // Map lookup per pair per incident); a Map above that
  const dense = m * m <= 4_000_000 ? new Uint32Array(m * m) : null;
  const sparse = new Map<number, number>();
  const here: number[] = [];
  const pairs = (k0: number, k1: number, list: Uint32Array, times: number) => {
    here.length = 0;
    for (let k = k0; k < k1; k++) if (isRow[list[k]!]) here.push(list[k]!);
    for (const a of here)
      for (const b of here)
        if (a < b) {
          if (dense) dense[a * m + b]! += times;
          else sparse.set(a * m + b, (sparse.get(a * m + b) ?? 0) + times);
        }
  };
  if (dense) {
    // incidents with the same regions count together (regions.ts: group): one pass over the mask, then the
    // pairs once per group
    const { group, groups } = rx;
    const n = new Uint32Array(groups.offsets.length - 1);
    for (let i = 0; i < mask.length; i++) if (mask[i]) n[group[i]!]!++;
    for (let g = 0; g < n.length; g++) {
      const k0 = groups.offsets[g]!;
      const k1 = groups.offsets[g + 1]!;
      if (n[g] && k1 - k0 >= 2) pairs(k0, k1, groups.list, n[g]!);
    }
  } else {
    // (the Map's order is the pairs' first incident's: per incident)
    const { offsets, list } = rx.ofIncident;
    for (let i = 0; i < mask.length; i++) {
      if (!mask[i]) continue;
      const k0 = offsets[i]!;
      const k1 = offsets[i + 1]!;
      if (k1 - k0 >= 2) pairs(k0, k1, list, 1);
    }
  }
  const shared = new Map<number, number>();
  if (dense) {
    for (let key = 0; key < dense.length; key++) if (dense[key]) shared.set(key, dense[key]!);
  } else for (const [key, n] of sparse) shared.set(key, n);
  for (const [a, ra] of rowOf) {
    if (ra.kind !== 'country') continue;
    for (const [b, rb] of rowOf) {
      if (a === b || rb.kind === 'country' || rb.country !== ra.country) continue;
      const key = Math.min(a, b) * m + Math.max(a, b);
      if (!shared.has(key)) shared.set(key, 0);
    }
  }
  const out = new Map<string, RegionOverlap[]>();
  const add = (from: RegionRow, to: RegionRow, n: number) => {
    const l = out.get(from.id) ?? [];
    l.push({ id: to.id, name: to.name, kind: to.kind, shared: n });
    out.set(from.id, l);
  };
  for (const [key, n] of shared) {
    const a = rowOf.get(Math.floor(key / m))!;
    const b = rowOf.get(key % m)!;
    add(a, b, n);
    add(b, a, n);
  }
  // the country first among equals: the overlap an analyst expects to see named
  const rank = (k: string) => ['country', 'admin1', 'admin2', 'vernacular'].indexOf(k) >>> 0;
  for (const l of out.values())
    l.sort((x, y) => y.shared - x.shared || rank(x.kind) - rank(y.kind) || x.name.localeCompare(y.name));
  return out;
}

/** The region table: narrowed to a selected region (a country also lists its own regions), then sorted. */
export function tableRows(
  rows: readonly RegionRow[],
  rx: RegionIndex,
  selected: string | null,
  sort: { key: SortKey; desc: boolean },
): RegionRow[] {
  const r = selected ? rx.byId.get(selected) : undefined;
  const sel = r === undefined ? undefined : rx.collection.features[r]!.properties;
  const list = rows.filter(
    (row) =>
      !selected ||
      row.id === selected ||
      (sel?.kind === 'country' && row.kind !== 'country' && row.country === sel.country),
  );
  const val = (row: RegionRow): number | string =>
    sort.key === 'region'
      ? row.name
      : sort.key === 'incidents'
        ? row.incidents
        : sort.key === 'fatalities'
          ? row.fatalities
          : sort.key === 'last'
            ? row.last
            : row.risk.length;
  return list.sort((a, b) => {
    const x = val(a);
    const y = val(b);
    const c = typeof x === 'string' ? x.localeCompare(y as string) : x - (y as number);
    return (sort.desc ? -c : c) || a.name.localeCompare(b.name);
  });
}

/** The indicators the GeoJSON export writes on each region polygon, keyed by region id. */
export function regionIndicators(
  rows: readonly RegionRow[],
): Map<string, Record<string, number | string | null>> {
  return new Map(
    rows.map((row) => [
      row.id,
      {
        incidents: row.incidents,
        claims: row.claims,
        fatalities: row.fatalities,
        last_event: row.last === NO_DAY ? null : fromDay(row.last),
        actors: row.actors.join('; '),
        risk_rows: row.risk.length,
      },
    ]),
  );
}
