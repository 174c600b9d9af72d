// The columnar incident layer (map format 2, src/pipeline/output-chunks.ts) in the browser: the binary columns are
// viewed where they lie and turned into the same IncidentIndex the GeoJSON path builds, without one object per
// incident. An incident's object (IncidentFeature, its claims empty until fetched) is built when a panel, the hover
// card or an export asks for it, and kept, so every reader sees the same object.

import type { ActorType, IncidentFeature, IncidentProps } from '../../pipeline/contract.ts';
import {
  FAT_NULL,
  claimsChunkOf,
  NO_COORD,
  type ColumnName,
  type ColumnSpec,
  type MapDicts,
  type MapManifest2,
} from '../../pipeline/output-chunks.ts';
import { NO_DAY, toDay } from './dates.ts';
import { idTable } from './points.ts';
import { Dict, mercatorX, mercatorY, type Csr, type IdLookup, type IncidentIndex } from './model.ts';

export interface ColumnData {
  manifest: MapManifest2;
  bin: ArrayBuffer;
  dicts: MapDicts;
}

type Typed = Uint8Array | Uint16Array | Uint32Array | Int32Array | Float64Array;
const CTOR = { u8: Uint8Array, u16: Uint16Array, u32: Uint32Array, i32: Int32Array, f64: Float64Array };

/** The columns as typed arrays over the file's bytes (no copy). Throws when the file does not hold them. */
export function columnViews(cd: ColumnData): Map<ColumnName, Typed> {
  const out = new Map<ColumnName, Typed>();
  for (const c of cd.manifest.columns as ColumnSpec[]) {
    const C = CTOR[c.type];
    if (!C || c.offset % 8 || c.offset + c.length * C.BYTES_PER_ELEMENT > cd.bin.byteLength)
      throw new Error(`map/incidents.bin does not hold the column "${c.name}" the manifest describes`);
    out.set(c.name, new C(cd.bin, c.offset, c.length));
  }
  return out;
}

const hex8 = (n: number) => n.toString(16).padStart(8, '0');
const HEX8 = /^[0-9a-f]{8}$/;

/** The id table of a layer's packed ids as duplicateRows built it (the load checks, then indexes: one table). */
const tables = new WeakMap<ArrayBuffer, ReturnType<typeof idTable>>();

/**
 * Packed 8-hex-digit ids: a hash table over the packed ids instead of a Map of 100k+ strings. `full`: the table
 * over every row when the dropped rows are exactly its duplicates (a first occurrence is never dropped), whose
 * rows then shift down by the dropped rows before them.
 */
function packedLookup(
  ids: Uint32Array,
  full?: ReturnType<typeof idTable>,
  drop: readonly number[] = [],
): IdLookup {
  const t = full ?? idTable(ids);
  const row = (r: number | undefined): number | undefined =>
    r === undefined || !full || !drop.length ? r : r - droppedBefore(drop, r);
  const get = (id: string): number | undefined => (HEX8.test(id) ? row(t.get(parseInt(id, 16))) : undefined);
  return { get, has: (id) => get(id) !== undefined };
}

/** Rows whose id was seen before (the first of each id is kept, as on the GeoJSON path). */
export function duplicateRows(cd: ColumnData): { rows: number[]; ids: string[] } {
  const cols = columnViews(cd);
  const packed = cols.get('id') as Uint32Array | undefined;
  const n = cd.manifest.incidents;
  const idAt = (r: number) => (packed ? hex8(packed[r]!) : cd.dicts.ids![r]!);
  let rows: number[] = [];
  if (packed) {
    const t = idTable(packed);
    tables.set(cd.bin, t);
    rows = [...t.dups];
  } else {
    const seen = new Set<string>();
    for (let r = 0; r < n; r++) {
      const id = idAt(r);
      if (seen.has(id)) rows.push(r);
      else seen.add(id);
    }
  }
  rows.sort((a, b) => a - b);
  return { rows, ids: rows.map(idAt) };
}

/** How many of the (ascending) dropped rows lie before row r. */
function droppedBefore(drop: readonly number[], r: number): number {
  let lo = 0;
  let hi = drop.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (drop[mid]! < r) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The list columns and the count column before each. */
const LISTS: [ColumnName, ColumnName[]][] = [
  ['actN', ['act', 'actType']],
  ['impN', ['imp']],
  ['srcN', ['src']],
];
const IN_LIST = new Set<ColumnName>(LISTS.flatMap(([, l]) => l));

/** Copies of the columns without the given rows (only when a build has duplicate ids). */
function dropRows(cd: ColumnData, drop: readonly number[]): Map<ColumnName, Typed> {
  const cols = columnViews(cd);
  if (!drop.length) return cols;
  const n = cd.manifest.incidents;
  const gone = new Uint8Array(n);
  for (const r of drop) gone[r] = 1;
  const out = new Map<ColumnName, Typed>();
  const like = (a: Typed, len: number) => new (a.constructor as new (n: number) => Typed)(len);
  for (const [name, a] of cols) {
    if (IN_LIST.has(name)) continue;
    const b = like(a, n - drop.length);
    for (let r = 0, k = 0; r < n; r++) if (!gone[r]) b[k++] = a[r]!;
    out.set(name, b);
  }
  for (const [count, names] of LISTS) {
    const c = cols.get(count)!;
    for (const name of names) {
      const a = cols.get(name)!;
      let kept = 0;
      for (let r = 0; r < n; r++) if (!gone[r]) kept += c[r]!;
      const b = like(a, kept);
      for (let r = 0, j = 0, k = 0; r < n; r++) {
        const e = j + c[r]!;
        if (!gone[r]) for (; j < e; j++) b[k++] = a[j]!;
        j = e;
      }
      out.set(name, b);
    }
  }
  return out;
}

const dictOf = (values: readonly string[]): Dict => {
  const d = new Dict();
  for (const v of values) d.add(v);
  return d;
};

/** Offsets from per-incident counts. */
function csrOf(counts: Typed, list: Typed): Csr {
  const offsets = new Uint32Array(counts.length + 1);
  for (let i = 0; i < counts.length; i++) offsets[i + 1] = offsets[i]! + counts[i]!;
  if (offsets[counts.length] !== list.length)
    throw new Error('map/incidents.bin: a list column does not add up');
  return { offsets, list: u32(list) };
}

// (a typed array's constructor copies another in one native pass; `from` walks it through the iterator protocol)
const u32 = (a: Typed): Uint32Array => (a instanceof Uint32Array ? a : new Uint32Array(a));

/**
 * The index of the columnar layer. `titles`: source id -> title (from map/sources.json); `drop`: rows left out
 * (duplicate ids, see duplicateRows).
 */
export function columnIndex(
  cd: ColumnData,
  titles: ReadonlyMap<string, string> = new Map(),
  drop: readonly number[] = [],
): IncidentIndex {
  const cols = dropRows(cd, drop);
  const col = <T extends Typed>(name: ColumnName): T => {
    const a = cols.get(name);
    if (!a) throw new Error(`map/incidents.bin has no column "${name}"`);
    return a as T;
  };
  const dicts = cd.dicts;
  const n = cd.manifest.incidents - drop.length;
  const rowOf = (i: number): number => {
    if (!drop.length) return i;
    // the original row (for the claims chunk): i plus the dropped rows at or before it
    let r = i;
    for (const d of drop) if (d <= r) r++;
    return r;
  };
  const packed = cols.get('id') as Uint32Array | undefined;
  let ids: string[] | null = null;
  if (!packed) {
    const keep = new Set(drop);
    ids = dicts.ids!.filter((_, r) => !keep.has(r));
  }
  const idOf = (i: number): string => (packed ? hex8(packed[i]!) : ids![i]!);
  const full = tables.get(cd.bin);
  const sameDrop =
    !!full &&
    full.dups.length === drop.length &&
    [...full.dups].sort((a, b) => a - b).every((r, k) => r === drop[k]);
  const byId: IdLookup = packed
    ? sameDrop
      ? packedLookup(packed, full, drop)
      : packedLookup(packed)
    : new Map(ids!.map((id, i) => [id, i]));

  const lonC = col<Int32Array | Float64Array>('lon');
  const latC = col<Int32Array | Float64Array>('lat');
  const grid = lonC instanceof Int32Array;
  const lon = new Float64Array(n);
  const lat = new Float64Array(n);
  const mx = new Float64Array(n);
  const my = new Float64Array(n);
  const placeCol = u32(col('place'));
  // the last latitude seen at each place and its mercator y: most incidents at a place share it (a sine and a
  // logarithm per place, not per incident; the same function of the same number either way)
  const placeLat = new Float64Array(cd.dicts.places.length).fill(NaN);
  const placeMy = new Float64Array(cd.dicts.places.length);
  for (let i = 0; i < n; i++) {
    const a = lonC[i]!;
    const none = grid ? a === NO_COORD : Number.isNaN(a);
    if (none) {
      lon[i] = lat[i] = mx[i] = my[i] = NaN;
      continue;
    }
    const x = grid ? a / 1e6 : a;
    const y = grid ? latC[i]! / 1e6 : latC[i]!;
    lon[i] = x;
    lat[i] = y;
    mx[i] = mercatorX(x);
    const p = placeCol[i]!;
    if (p < placeLat.length) {
      if (placeLat[p] !== y) {
        placeLat[p] = y;
        placeMy[p] = mercatorY(y);
      }
      my[i] = placeMy[p]!;
    } else my[i] = mercatorY(y);
  }

  // days per date string, then per incident (incidentSpan's rules: an end before the start is the start)
  const startDay = dicts.dates.map((d) => toDay(d, false));
  const endDay = dicts.dates.map((d) => toDay(d, true));
  const ds = col('ds');
  const de = col('de');
  const dayStart = new Int32Array(n);
  const dayEnd = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const s = ds[i]! ? startDay[ds[i]! - 1]! : NO_DAY;
    if (s === NO_DAY) {
      dayStart[i] = NO_DAY;
      dayEnd[i] = NO_DAY;
      continue;
    }
    const e = de[i]! ? endDay[de[i]! - 1]! : endDay[ds[i]! - 1]!;
    dayStart[i] = s;
    dayEnd[i] = e === NO_DAY ? endDay[ds[i]! - 1]! : Math.max(s, e);
  }

  const places = dicts.places;
  // the region table's refs: region ids as they are, countries from the places
  const countries = new Dict();
  const placeCountry = places.map((p) => (p[2] ? countries.add(p[2]) + 1 : 0));
  const countryRef = new Uint32Array(n);
  for (let i = 0; i < n; i++) countryRef[i] = placeCountry[placeCol[i]!]!;
  const placeNames = places.map((p) => p[1]);

  const actors = csrOf(col('actN'), col('act'));
  const actType = col('actType');
  const actorType = new Map<string, ActorType | 'Unknown'>();
  // the first type each actor is listed with (one Map lookup per distinct actor, not per listing)
  const typed = new Uint8Array(dicts.actors.length);
  for (let k = 0; k < actors.list.length; k++) {
    const a = actors.list[k]!;
    if (typed[a]) continue;
    typed[a] = 1;
    const name = dicts.actors[a]!;
    if (!actorType.has(name))
      actorType.set(name, actType[k] ? (dicts.actorTypes[actType[k]! - 1] as ActorType) : 'Unknown');
  }
  const sources = csrOf(col('srcN'), col('src'));
  const sourceTitle = new Map<string, string>();
  for (const id of dicts.sources) sourceTitle.set(id, titles.get(id) ?? id);
  const impacts = csrOf(col('impN'), col('imp'));

  const range = new Map<number, [number, number]>();
  const dropped = new Set(drop);
  for (const [r, lo, hi] of dicts.fatalitiesRange) if (!dropped.has(r)) range.set(r, [lo, hi]);
  const noId = new Set(dicts.noFeatureId);
  const regionC = u32(col('region'));
  const gp = col('gp');
  const tp = col('tp');
  const et = col('et');
  const sub = col('sub');
  const mod = col('mod');
  const fatC = col('fat');
  let fat: Float64Array;
  if (fatC instanceof Float64Array) fat = fatC;
  else {
    fat = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const x = fatC[i]!;
      fat[i] = x === FAT_NULL ? NaN : x;
    }
  }
  const nsrc = col('nsrc');
  const ncl = u32(col('ncl'));
  const list = (c: Csr, values: readonly string[], i: number) => {
    const out: string[] = [];
    for (let k = c.offsets[i]!; k < c.offsets[i + 1]!; k++) out.push(values[c.list[k]!]!);
    return out;
  };

  // the incident list's sort keys, without building objects
  const dateKeys = new Dict();
  const keyOfDate = dicts.dates.map((d) => dateKeys.add(d));
  const none = dateKeys.add('');
  const dateRef = new Uint32Array(n);
  const toll = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    dateRef[i] = de[i]! ? keyOfDate[de[i]! - 1]! : ds[i]! ? keyOfDate[ds[i]! - 1]! : none;
    toll[i] = Number.isNaN(fat[i]!) ? -1 : fat[i]!;
  }
  // a stated range's upper end, from the sparse list (its rows shift down by the dropped rows before them)
  for (const [r, , hi] of dicts.fatalitiesRange) {
    if (dropped.has(r)) continue;
    const i = r - droppedBefore(drop, r);
    if (i >= 0 && i < n) toll[i] = hi;
  }

  const built = new Map<number, IncidentFeature>();
  const feature = (i: number): IncidentFeature => {
    let f = built.get(i);
    if (f) return f;
    const pl = places[placeCol[i]!]!;
    const row = rowOf(i);
    const props: IncidentProps & { n_claims: number; source_ids: string[]; claims_chunk: number } = {
      id: idOf(i),
      place_id: pl[0],
      place_name: pl[1],
      country: pl[2] as IncidentProps['country'],
      admin1: pl[3],
      admin2: pl[4],
      region_id: regionC[i]! ? dicts.regions[regionC[i]! - 1]! : null,
      geo_precision: gp[i] as IncidentProps['geo_precision'],
      event_type: dicts.eventTypes[et[i]!]!,
      sub_event_type: sub[i]! ? dicts.subEventTypes[sub[i]! - 1]! : null,
      date_start: ds[i]! ? dicts.dates[ds[i]! - 1]! : null,
      date_end: de[i]! ? dicts.dates[de[i]! - 1]! : null,
      time_precision: tp[i]! ? (tp[i] as IncidentProps['time_precision']) : null,
      actors: list(actors, dicts.actors, i),
      actor_types: (() => {
        const out: (ActorType | null)[] = [];
        for (let k = actors.offsets[i]!; k < actors.offsets[i + 1]!; k++)
          out.push(actType[k] ? (dicts.actorTypes[actType[k]! - 1] as ActorType) : null);
        return out;
      })(),
      fatalities: Number.isNaN(fat[i]!) ? null : fat[i]!,
      fatalities_range: range.get(row) ?? null,
      impacts: list(impacts, dicts.impacts, i) as IncidentProps['impacts'],
      modality: dicts.modalities[mod[i]!] as IncidentProps['modality'],
      n_sources: nsrc[i]!,
      n_claims: ncl[i]!,
      source_ids: list(sources, dicts.sources, i),
      claims_chunk: claimsChunkOf(cd.manifest, row),
      claims: [],
    };
    const geometry = Number.isNaN(lon[i]!)
      ? null
      : { type: 'Point' as const, coordinates: [lon[i]!, lat[i]!] };
    f = noId.has(row)
      ? { type: 'Feature', geometry, properties: props }
      : { type: 'Feature', id: props.id, geometry, properties: props };
    built.set(i, f);
    return f;
  };

  // `features` for readers that index or iterate it: a view that builds each incident on first access
  const target: IncidentFeature[] = [];
  const features = new Proxy(target, {
    get(t, k, recv) {
      if (typeof k === 'string') {
        if (k === 'length') return n;
        const i = k.length < 16 && k.charCodeAt(0) >= 48 && k.charCodeAt(0) <= 57 ? Number(k) : NaN;
        if (Number.isInteger(i)) return i < n ? feature(i) : undefined;
      }
      return Reflect.get(t, k, recv) as unknown;
    },
    has(t, k) {
      if (typeof k === 'string' && /^\d+$/.test(k)) return Number(k) < n;
      return Reflect.has(t, k);
    },
  });

  const text = (i: number): string => {
    const pl = places[placeCol[i]!]!;
    const parts = [
      pl[1],
      dicts.eventTypes[et[i]!]!,
      sub[i]! ? dicts.subEventTypes[sub[i]! - 1]! : '',
      list(actors, dicts.actors, i).join(' '),
      list(impacts, dicts.impacts, i).join(' '),
    ];
    for (const id of list(sources, dicts.sources, i)) parts.push(sourceTitle.get(id) ?? '');
    return parts.join('\n').toLowerCase();
  };

  return {
    features,
    feature,
    n,
    byId,
    geoPrecision: gp instanceof Uint8Array ? gp : new Uint8Array(gp),
    nClaims: ncl,
    regionRef: regionC,
    regionIds: dicts.regions,
    countryRef,
    countries: countries.values,
    placeRef: placeCol,
    placeNames,
    dateRef,
    dateKeys: dateKeys.values,
    toll,
    lon,
    lat,
    mx,
    my,
    eventType: new Uint16Array(et),
    modality: new Uint16Array(mod),
    dayStart,
    dayEnd,
    fatalities: fat,
    actors,
    sources,
    impacts,
    dicts: {
      eventType: dictOf(dicts.eventTypes),
      modality: dictOf(dicts.modalities),
      actor: dictOf(dicts.actors),
      source: dictOf(dicts.sources),
      impact: dictOf(dicts.impacts),
    },
    actorType,
    sourceTitle,
    text: null,
    textOf: text,
  };
}
