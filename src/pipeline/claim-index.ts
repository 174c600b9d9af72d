// The corpus's claims as columns: what grouping and the incidents' features read of each claim, in typed arrays
// and string tables (about 70 bytes a claim), not one object per claim (about 300 bytes, and 2.3M of them at 100k
// articles: most of the build's memory). A claim's sentence is not kept: its line (the claim's place in the order
// it was added) says where to find it. `claimAt` gives a claim back as an object when a feature is built.

import { compareStrings } from '../common/strings.ts';
import type { Claim, GeoPrecision, Impact, Modality, Offset, TimePrecision } from './types.ts';

/** Strings to small integers in first-seen order. */
class Table<T> {
  readonly list: T[] = [];
  private readonly index = new Map<string, number>();
  constructor(private readonly keyOf: (v: T) => string) {}
  add(v: T): number {
    const k = this.keyOf(v);
    let i = this.index.get(k);
    if (i === undefined) this.index.set(k, (i = this.list.push(v) - 1));
    return i;
  }
  /** 1-based, 0 for null. */
  addNullable(v: T | null | undefined): number {
    return v === null || v === undefined ? 0 : this.add(v) + 1;
  }
}

const same = (s: string): string => s;
const listKey = (l: readonly string[]): string => JSON.stringify(l);

type Typed = Int32Array | Uint8Array | Float64Array;
type Ctor = Int32ArrayConstructor | Uint8ArrayConstructor | Float64ArrayConstructor;

/** A typed array that grows as values are pushed. */
class Col<A extends Typed> {
  a: A;
  constructor(private readonly ctor: Ctor) {
    this.a = new ctor(1024) as A;
  }
  set(i: number, v: number): void {
    if (i >= this.a.length) {
      const b = new this.ctor(Math.max(this.a.length * 2, i + 1)) as A;
      b.set(this.a);
      this.a = b;
    }
    this.a[i] = v;
  }
  /** The first `n` values, in the order `perm` gives (a new array of exactly n); the column is let go, so that
   * sorting the index holds one column twice at a time, not all of them. */
  permuted(perm: Int32Array): A {
    const out = new this.ctor(perm.length) as A;
    for (let i = 0; i < perm.length; i++) out[i] = this.a[perm[i] as number] as number;
    this.a = new this.ctor(0) as A;
    return out;
  }
}

const HEX8 = /^[0-9a-f]{8}$/;

/** The claims, sorted by provenance (source, offset, id; ties in the order added). Position p is the p-th claim in
 * that order; indexes into the tables are 1-based (0 = null) where the field may be null. */
export interface ClaimIndex {
  readonly n: number;
  readonly src: Int32Array;
  readonly start: Int32Array;
  readonly end: Int32Array;
  /** 8-hex-digit ids as numbers; any other id is -(k + 1) for otherIds[k]. */
  readonly id: Float64Array;
  readonly place: Int32Array;
  /** 1-based into offsets. */
  readonly off: Int32Array;
  readonly et: Int32Array;
  /** 1-based into subEventTypes. */
  readonly sub: Int32Array;
  readonly mod: Uint8Array;
  /** 1-based into dates. */
  readonly ds: Int32Array;
  readonly de: Int32Array;
  /** time precision, 0 = null */
  readonly tp: Uint8Array;
  readonly gp: Uint8Array;
  /** NaN = null */
  readonly fat: Float64Array;
  readonly act: Int32Array;
  readonly imp: Int32Array;
  /** 1-based into unlocatedNames. */
  readonly unl: Int32Array;
  /** What grouping reads of the sentence (group.ts textFlags). */
  readonly flags: Uint8Array;
  /** The claim's place in the order it was added (its sentence's line). */
  readonly line: Int32Array;
  readonly sources: readonly string[];
  /** Each source's place in code-unit order (the tables are in first-seen order). */
  readonly sourceRank: Int32Array;
  readonly places: readonly string[];
  readonly offsets: readonly Offset[];
  readonly eventTypes: readonly string[];
  readonly subEventTypes: readonly string[];
  readonly modalities: readonly Modality[];
  readonly dates: readonly string[];
  readonly actorLists: readonly (readonly string[])[];
  readonly impactLists: readonly (readonly Impact[])[];
  readonly unlocatedNames: readonly string[];
  readonly otherIds: readonly string[];
}

/** Each string's place in code-unit order. */
export function ranks(list: readonly string[]): Int32Array {
  const order = list.map((_, i) => i).sort((a, b) => compareStrings(list[a] as string, list[b] as string));
  const rank = new Int32Array(list.length);
  order.forEach((i, r) => (rank[i] = r));
  return rank;
}

export const idOf = (ix: ClaimIndex, p: number): string => {
  const v = ix.id[p] as number;
  return v >= 0 ? v.toString(16).padStart(8, '0') : (ix.otherIds[-v - 1] as string);
};

/** The string tables of an index (or of one document's packed claims), in the order of TABLES. */
function newTables() {
  return {
    sources: new Table<string>(same),
    places: new Table<string>(same),
    offsets: new Table<Offset>((o) => `${o.km}/${o.bearing}`),
    eventTypes: new Table<string>(same),
    subEventTypes: new Table<string>(same),
    modalities: new Table<Modality>(same),
    dates: new Table<string>(same),
    actorLists: new Table<readonly string[]>(listKey),
    impactLists: new Table<readonly Impact[]>(listKey),
    unlocatedNames: new Table<string>(same),
    otherIds: new Table<string>(same),
  };
}
type Tables = ReturnType<typeof newTables>;
const TABLES = [
  'sources',
  'places',
  'offsets',
  'eventTypes',
  'subEventTypes',
  'modalities',
  'dates',
  'actorLists',
  'impactLists',
  'unlocatedNames',
  'otherIds',
] as const satisfies readonly (keyof Tables)[];

/** A claim's fields as numbers, indexes into `t` as ClaimIndexBuilder.add makes them (the same adds in the same
 * order, so that tables filled by these values are in the same first-seen order as by add): src, start, end, id,
 * place, off, et, sub, mod, ds, de, tp, gp, fat, act, imp, unl. */
function claimValues(c: Claim, t: Tables, v: Float64Array, o: number): void {
  v[o] = t.sources.add(c.sourceId);
  v[o + 1] = c.start;
  v[o + 2] = c.end;
  v[o + 3] = HEX8.test(c.id) ? parseInt(c.id, 16) : -(t.otherIds.add(c.id) + 1);
  v[o + 4] = t.places.add(c.placeId);
  // A stated offset of 0 km is an offset still: only a missing one is none (group.ts's bucket key).
  v[o + 5] = c.offset ? t.offsets.add(c.offset) + 1 : 0;
  v[o + 6] = t.eventTypes.add(c.eventType);
  v[o + 7] = t.subEventTypes.addNullable(c.subEventType);
  v[o + 8] = t.modalities.add(c.modality);
  v[o + 9] = t.dates.addNullable(c.dateStart);
  v[o + 10] = t.dates.addNullable(c.dateEnd);
  v[o + 11] = c.timePrecision ?? 0;
  v[o + 12] = c.geoPrecision;
  v[o + 13] = c.fatalities ?? NaN;
  v[o + 14] = t.actorLists.add(c.actors);
  v[o + 15] = t.impactLists.add(c.impacts);
  v[o + 16] = t.unlocatedNames.addNullable(c.unlocatedName);
}
const FIELDS = 17;

/** Packed claims start so (and are empty when there are none): anything else is not packed claims. */
const PACK_MAGIC = [0x00, 0x43, 0x49, 0x31]; // "\0CI1"
const PACK_HEAD = 12;
const utf8 = new TextDecoder();

/** One document's claims (their sentences left out) as bytes the grouping worker adds without parsing every
 * claim's JSON nor looking every field up in the corpus's tables: the document's own tables (JSON, small), then
 * each claim's fields as float64 indexes into them (claimValues). Empty when there are no claims. */
export function packClaims(claims: readonly Claim[]): Uint8Array {
  if (!claims.length) return new Uint8Array(0);
  const t = newTables();
  const v = new Float64Array(claims.length * FIELDS);
  claims.forEach((c, i) => claimValues(c, t, v, i * FIELDS));
  const tables = new TextEncoder().encode(JSON.stringify(TABLES.map((k) => t[k].list)));
  const pad = (8 - ((PACK_HEAD + tables.length) % 8)) % 8;
  const out = new Uint8Array(PACK_HEAD + tables.length + pad + v.byteLength);
  out.set(PACK_MAGIC, 0);
  const dv = new DataView(out.buffer);
  dv.setUint32(4, claims.length, true);
  dv.setUint32(8, tables.length, true);
  out.set(tables, PACK_HEAD);
  out.set(new Uint8Array(v.buffer), PACK_HEAD + tables.length + pad);
  return out;
}

/** Whether `b` is packClaims's bytes (of its header: the rest is checked as it is read). */
export function isPackedClaims(b: Uint8Array): boolean {
  return b.length === 0 || (b.length >= PACK_HEAD && PACK_MAGIC.every((x, i) => b[i] === x));
}

/** Claims added one at a time (their sentences left out), then sorted into a ClaimIndex. */
export class ClaimIndexBuilder {
  n = 0;
  private readonly cols = {
    src: new Col<Int32Array>(Int32Array),
    start: new Col<Int32Array>(Int32Array),
    end: new Col<Int32Array>(Int32Array),
    id: new Col<Float64Array>(Float64Array),
    place: new Col<Int32Array>(Int32Array),
    off: new Col<Int32Array>(Int32Array),
    et: new Col<Int32Array>(Int32Array),
    sub: new Col<Int32Array>(Int32Array),
    mod: new Col<Uint8Array>(Uint8Array),
    ds: new Col<Int32Array>(Int32Array),
    de: new Col<Int32Array>(Int32Array),
    tp: new Col<Uint8Array>(Uint8Array),
    gp: new Col<Uint8Array>(Uint8Array),
    fat: new Col<Float64Array>(Float64Array),
    act: new Col<Int32Array>(Int32Array),
    imp: new Col<Int32Array>(Int32Array),
    unl: new Col<Int32Array>(Int32Array),
    flags: new Col<Uint8Array>(Uint8Array),
  };
  private readonly t = newTables();

  /** Adds a claim (its text is not read: `flags` stands for it); returns its line. */
  add(c: Claim, flags: number): number {
    const i = this.n++;
    const { cols, t } = this;
    cols.src.set(i, t.sources.add(c.sourceId));
    cols.start.set(i, c.start);
    cols.end.set(i, c.end);
    cols.id.set(i, HEX8.test(c.id) ? parseInt(c.id, 16) : -(t.otherIds.add(c.id) + 1));
    cols.place.set(i, t.places.add(c.placeId));
    // A stated offset of 0 km is an offset still: only a missing one is none (group.ts's bucket key).
    cols.off.set(i, c.offset ? t.offsets.add(c.offset) + 1 : 0);
    cols.et.set(i, t.eventTypes.add(c.eventType));
    cols.sub.set(i, t.subEventTypes.addNullable(c.subEventType));
    cols.mod.set(i, t.modalities.add(c.modality));
    cols.ds.set(i, t.dates.addNullable(c.dateStart));
    cols.de.set(i, t.dates.addNullable(c.dateEnd));
    cols.tp.set(i, c.timePrecision ?? 0);
    cols.gp.set(i, c.geoPrecision);
    cols.fat.set(i, c.fatalities ?? NaN);
    cols.act.set(i, t.actorLists.add(c.actors));
    cols.imp.set(i, t.impactLists.add(c.impacts));
    cols.unl.set(i, t.unlocatedNames.addNullable(c.unlocatedName));
    cols.flags.set(i, flags);
    return i;
  }

  /** Adds one document's packed claims (packClaims), in their order, as add would add them with flags 0;
   * `onClaim` is told each claim's source id and line. Throws on bytes that are not packed claims. */
  addPacked(b: Uint8Array, onClaim: (sourceId: string, line: number) => void): void {
    if (b.length === 0) return;
    if (!isPackedClaims(b)) throw new Error('not packed claims');
    const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
    const n = dv.getUint32(4, true);
    const tl = dv.getUint32(8, true);
    const pad = (8 - ((PACK_HEAD + tl) % 8)) % 8;
    const at = PACK_HEAD + tl + pad;
    if (at + n * FIELDS * 8 !== b.length) throw new Error('packed claims of the wrong length');
    const lists = JSON.parse(utf8.decode(b.subarray(PACK_HEAD, PACK_HEAD + tl))) as unknown[][];
    if (!Array.isArray(lists) || lists.length !== TABLES.length) throw new Error('packed claims: bad tables');
    const { cols, t } = this;
    // Each of the document's table entries to the corpus's, added in the document's first-seen order (= the
    // order add meets them in its claims).
    const [src, place, off, et, sub, mod, dates, act, imp, unl, other] = TABLES.map((k, i) => {
      const table = t[k] as Table<unknown>;
      return Int32Array.from(lists[i] as unknown[], (x) => table.add(x));
    }) as Int32Array[] as [
      Int32Array,
      Int32Array,
      Int32Array,
      Int32Array,
      Int32Array,
      Int32Array,
      Int32Array,
      Int32Array,
      Int32Array,
      Int32Array,
      Int32Array,
    ];
    const v = new Float64Array(n * FIELDS);
    new Uint8Array(v.buffer).set(b.subarray(at));
    const sources = t.sources.list;
    const orNone = (map: Int32Array, x: number) => (x ? (map[x - 1] as number) + 1 : 0);
    for (let k = 0; k < n; k++) {
      const o = k * FIELDS;
      const i = this.n++;
      const s = src[v[o] as number] as number;
      cols.src.set(i, s);
      cols.start.set(i, v[o + 1] as number);
      cols.end.set(i, v[o + 2] as number);
      const id = v[o + 3] as number;
      cols.id.set(i, id >= 0 ? id : -((other[-id - 1] as number) + 1));
      cols.place.set(i, place[v[o + 4] as number] as number);
      cols.off.set(i, orNone(off, v[o + 5] as number));
      cols.et.set(i, et[v[o + 6] as number] as number);
      cols.sub.set(i, orNone(sub, v[o + 7] as number));
      cols.mod.set(i, mod[v[o + 8] as number] as number);
      cols.ds.set(i, orNone(dates, v[o + 9] as number));
      cols.de.set(i, orNone(dates, v[o + 10] as number));
      cols.tp.set(i, v[o + 11] as number);
      cols.gp.set(i, v[o + 12] as number);
      cols.fat.set(i, v[o + 13] as number);
      cols.act.set(i, act[v[o + 14] as number] as number);
      cols.imp.set(i, imp[v[o + 15] as number] as number);
      cols.unl.set(i, orNone(unl, v[o + 16] as number));
      cols.flags.set(i, 0);
      onClaim(sources[s] as string, i);
    }
  }

  /** The flags of the claim added at `line` (its sentence read after it was added). */
  setFlags(line: number, flags: number): void {
    this.cols.flags.set(line, flags);
  }

  /** The index, sorted by provenance. The builder is spent. */
  finish(): ClaimIndex {
    const n = this.n;
    const { cols, t } = this;
    const sourceRank = ranks(t.sources.list);
    const perm = provenanceOrder(n, sourceRank, cols.src.a, cols.start.a, cols.id.a, t.otherIds.list);
    return {
      n,
      src: cols.src.permuted(perm),
      start: cols.start.permuted(perm),
      end: cols.end.permuted(perm),
      id: cols.id.permuted(perm),
      place: cols.place.permuted(perm),
      off: cols.off.permuted(perm),
      et: cols.et.permuted(perm),
      sub: cols.sub.permuted(perm),
      mod: cols.mod.permuted(perm),
      ds: cols.ds.permuted(perm),
      de: cols.de.permuted(perm),
      tp: cols.tp.permuted(perm),
      gp: cols.gp.permuted(perm),
      fat: cols.fat.permuted(perm),
      act: cols.act.permuted(perm),
      imp: cols.imp.permuted(perm),
      unl: cols.unl.permuted(perm),
      flags: cols.flags.permuted(perm),
      line: perm,
      sources: t.sources.list,
      sourceRank,
      places: t.places.list,
      offsets: t.offsets.list,
      eventTypes: t.eventTypes.list,
      subEventTypes: t.subEventTypes.list,
      modalities: t.modalities.list,
      dates: t.dates.list,
      actorLists: t.actorLists.list,
      impactLists: t.impactLists.list,
      unlocatedNames: t.unlocatedNames.list,
      otherIds: t.otherIds.list,
    };
  }
}

/** Positions sorted by source (its rank), offset, id; ties in the order added. 8-hex-digit ids compare as
 * numbers in code-unit order; any other id compares as its string. */
function provenanceOrder(
  n: number,
  sourceRank: Int32Array,
  src: Int32Array,
  start: Int32Array,
  id: Float64Array,
  others: readonly string[],
): Int32Array {
  const idStr = (v: number) => (v >= 0 ? v.toString(16).padStart(8, '0') : (others[-v - 1] as string));
  const perm = new Int32Array(n);
  for (let i = 0; i < n; i++) perm[i] = i;
  return perm.sort((a, b) => {
    const d = (sourceRank[src[a] as number] as number) - (sourceRank[src[b] as number] as number);
    if (d) return d;
    const s = (start[a] as number) - (start[b] as number);
    if (s) return s;
    const x = id[a] as number;
    const y = id[b] as number;
    if (x !== y) return x >= 0 && y >= 0 ? (x < y ? -1 : 1) : compareStrings(idStr(x), idStr(y)) || a - b;
    return a - b;
  });
}

const nullable = <T>(list: readonly T[], i: number): T | null => (i ? (list[i - 1] as T) : null);

/** The claim at position p as an object (`text` its sentence), for a feature; `sentence` is not kept (0). */
export function claimAt(ix: ClaimIndex, p: number, text: string): Claim {
  const fat = ix.fat[p] as number;
  const off = ix.off[p] as number;
  const c: Claim = {
    id: idOf(ix, p),
    sourceId: ix.sources[ix.src[p] as number] as string,
    sentence: 0,
    start: ix.start[p] as number,
    end: ix.end[p] as number,
    text,
    placeId: ix.places[ix.place[p] as number] as string,
    geoPrecision: ix.gp[p] as GeoPrecision,
    actors: ix.actorLists[ix.act[p] as number] as string[],
    eventType: ix.eventTypes[ix.et[p] as number] as string,
    subEventType: nullable(ix.subEventTypes, ix.sub[p] as number),
    dateStart: nullable(ix.dates, ix.ds[p] as number),
    dateEnd: nullable(ix.dates, ix.de[p] as number),
    timePrecision: ((ix.tp[p] as number) || null) as TimePrecision | null,
    fatalities: Number.isNaN(fat) ? null : fat,
    impacts: ix.impactLists[ix.imp[p] as number] as Impact[],
    modality: ix.modalities[ix.mod[p] as number] as Modality,
    unlocatedName: nullable(ix.unlocatedNames, ix.unl[p] as number),
  };
  if (off) c.offset = ix.offsets[off - 1] as Offset;
  return c;
}
