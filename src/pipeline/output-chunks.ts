// The map's layer (map/ in the output folder), format 2: every incident as typed-array columns in one binary file
// (map/incidents.bin) with the strings they point into in a small JSON file (map/incidents.json), sources without
// their text (map/sources.json), and the claims and texts in chunks the map fetches one at a time (an incident's
// claims when it is opened, a source's text for "Show in source", the filtered set's claims for an export).
// The browser reads the columns as they are (no JSON.parse of 100k+ objects) and builds an incident's object only
// when a panel or an export asks for it. Pure: the files come out through `write` (append to a path), in the order
// the incidents and sources go in, so the same input gives the same bytes. Chunks are runs of consecutive items,
// numbered from 0: a fixed number of items each, or (`contentCut`, the build's way) cut after each item whose id
// hashes to a multiple of the mean size, so that an inserted or removed item changes its own chunk only and every
// other chunk keeps its bytes (the build then reuses its gzip sibling). The layout is in docs/map-data.md.

import type { ClaimProps, IncidentFeature, SourceMeta, SourceOut } from './contract.ts';
import { OUTPUT_FILES, claimsChunkFile, textChunkFile } from './contract.ts';

/** Incidents a claims chunk: ~0.2-0.5 MB of JSON (a few tens of kB gzipped) on the synthetic corpora. */
export const INCIDENTS_PER_CHUNK = 256;
/** Sources a text chunk: articles of a few kB each, so again a few hundred kB a chunk. */
export const SOURCES_PER_CHUNK = 32;

export const MAP_COLUMNS_FILE = 'map/incidents.bin';
export const MAP_DICTS_FILE = 'map/incidents.json';

/** Coordinates stored as integer millionths of a degree (the build rounds to 6 decimals); this marks "no point". */
export const NO_COORD = -2147483648;

/** With `contentCut`, a chunk is cut after at most this many times the mean number of items (a run of ids none of
 * which ends a chunk); the chunk after such a cut ends where the content says again. */
export const MAX_CHUNK_FACTOR = 4;

/** FNV-1a of the string's UTF-16 code units, then a 32-bit finaliser (the low bits of FNV alone are poor). */
function idHash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Whether a content-defined chunk ends after the item of this id (1 in `mean` ids, whatever their order). */
export const cutAfter = (id: string, mean: number): boolean => idHash(id) % mean === 0;

export type ColumnType = 'u8' | 'u16' | 'u32' | 'i32' | 'f64';
/** `fat` stored as u32: no toll stated. */
export const FAT_NULL = 4294967295;
export const COLUMN_BYTES: Record<ColumnType, number> = { u8: 1, u16: 2, u32: 4, i32: 4, f64: 8 };

/** Where a column lies in incidents.bin (little-endian, each column 8-byte aligned). */
export interface ColumnSpec {
  name: ColumnName;
  type: ColumnType;
  offset: number;
  length: number;
}

/**
 * The columns, one value per incident unless said. Indexes into incidents.json's lists are 1-based where the
 * property may be null (0 = null). `*N` columns count each incident's items in the list column after them (act,
 * imp, src hold every incident's items one after the other). Integer columns take the narrowest of u8, u16, u32
 * that holds their largest value; `fat` is u32 (FAT_NULL = null) when every toll is a whole number, else f64.
 */
export type ColumnName =
  | 'id' // 8-hex-digit ids as numbers (only when every id is one; else incidents.json `ids`)
  | 'lon'
  | 'lat' // i32 millionths of a degree, NO_COORD without a point (f64 when a coordinate is not on that grid)
  | 'place' // index into `places`
  | 'region' // 1-based into `regions`
  | 'gp' // geo_precision
  | 'tp' // time_precision, 0 = null
  | 'et' // into `eventTypes`
  | 'sub' // 1-based into `subEventTypes`
  | 'mod' // into `modalities`
  | 'ds'
  | 'de' // 1-based into `dates`
  | 'fat' // fatalities, NaN = null
  | 'nsrc' // n_sources
  | 'ncl' // number of claims
  | 'actN'
  | 'act' // into `actors`
  | 'actType' // 1-based into `actorTypes`, parallel to act
  | 'impN'
  | 'imp' // into `impacts`
  | 'srcN'
  | 'src'; // into `sources`: the claims' distinct source ids, in claim order

/** map/incidents.json: the strings the columns point into, and what is too rare for a column. */
export interface MapDicts {
  ids?: string[];
  /** [place_id, place_name, country, admin1, admin2] */
  places: [string, string, string | null, string | null, string | null][];
  regions: string[];
  eventTypes: string[];
  subEventTypes: string[];
  modalities: string[];
  dates: string[];
  actors: string[];
  actorTypes: string[];
  impacts: string[];
  sources: string[];
  /** [incident row, lowest, highest] for incidents whose sources state different tolls. */
  fatalitiesRange: [number, number, number][];
  /** Rows whose feature has no top-level `id` equal to its properties' id (the build always writes one). */
  noFeatureId: number[];
}

export interface MapManifest2 {
  format: 2;
  incidents: number;
  sources: number;
  claims_chunks: number;
  text_chunks: number;
  incidents_per_chunk: number;
  sources_per_chunk: number;
  columns: ColumnSpec[];
  /** Bytes of incidents.bin. */
  columns_bytes: number;
  /** Every map/ file has a gzip sibling (`.gz`). */
  gzip: boolean;
  /** Content-defined chunks (ChunkOptions.contentCut): the first row of each claims chunk, ascending, from 0
   * (`incidents_per_chunk` is then the mean). Absent: claims chunk n holds rows n * incidents_per_chunk on. */
  claims_chunk_starts?: number[];
}

/** The claims chunk of an incident row, by the manifest. */
export function claimsChunkOf(m: MapManifest2, row: number): number {
  const starts = m.claims_chunk_starts;
  if (!starts) return Math.floor(row / m.incidents_per_chunk);
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] as number) <= row) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export type Write = (path: string, data: string | Uint8Array) => void;

export interface ChunkOptions {
  incidentsPerChunk?: number;
  sourcesPerChunk?: number;
  /** Written into the manifest: whether the caller adds .gz siblings. */
  gzip?: boolean;
  /** MapChunkWriter: the sources are written apart by a MapSourceWriter (finish is told how many). */
  sourcesApart?: boolean;
  /** Chunks cut where the items' ids say (cutAfter), `incidentsPerChunk` and `sourcesPerChunk` items on average,
   * instead of runs of exactly that many: an inserted item leaves the other chunks' bytes as they were. */
  contentCut?: boolean;
}

const chunkFile = (entries: readonly string[]): string => `[${entries.join(',')}]\n`;

const utf8 = new TextEncoder();
/** A stored incident's claims' JSON bytes, or a function that reads them (only when its chunk is written from
 * its entries: a chunk that is a stored one is not). */
export type StoredClaims = Uint8Array | (() => Uint8Array);
/** A chunk entry: JSON text, its UTF-8 bytes in parts (a cached source's text entry), or a stored incident's id and
 * claims' JSON bytes (the entry `[id,claims]`). */
type Entry = string | Uint8Array[] | { readonly id: string; readonly claims: StoredClaims };

/** chunkFile's bytes, for entries some of which are bytes already: the UTF-8 of the same text. */
function chunkBytes(entries: readonly Entry[]): Uint8Array {
  const parts: Uint8Array[] = [];
  let run: string[] = [];
  const flush = () => {
    if (run.length) parts.push(utf8.encode(run.join('')));
    run = [];
  };
  run.push('[');
  entries.forEach((e, i) => {
    if (i) run.push(',');
    if (typeof e === 'string') run.push(e);
    else if (Array.isArray(e)) {
      flush();
      parts.push(...e);
    } else {
      run.push(`[${JSON.stringify(e.id)},`);
      flush();
      parts.push(typeof e.claims === 'function' ? e.claims() : e.claims, CLOSE);
    }
  });
  run.push(']\n');
  flush();
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  n = 0;
  for (const p of parts) {
    out.set(p, n);
    n += p.length;
  }
  return out;
}
const utf8d = new TextDecoder();
const [OPEN_B, COMMA_B, CLOSE] = ['[', ',', ']'].map((s) => utf8.encode(s)) as [
  Uint8Array,
  Uint8Array,
  Uint8Array,
];

/** Where `needle` first occurs in `hay` from `from`, or -1 (the markers searched for are near the start). */
function find(hay: Uint8Array, needle: Uint8Array, from: number): number {
  const first = needle[0];
  for (
    let i = hay.indexOf(first as number, from);
    i >= 0 && i + needle.length <= hay.length;
    i = hay.indexOf(first as number, i + 1)
  ) {
    let k = 1;
    while (k < needle.length && hay[i + k] === needle[k]) k++;
    if (k === needle.length) return i;
  }
  return -1;
}

type Typed = Uint8Array | Uint16Array | Uint32Array | Int32Array | Float64Array;
const CTOR = { u8: Uint8Array, u16: Uint16Array, u32: Uint32Array, i32: Int32Array, f64: Float64Array };

/** A typed array that grows as values are pushed. */
class Column {
  private a: Typed;
  n = 0;
  constructor(readonly type: ColumnType) {
    this.a = new CTOR[type](1024);
  }
  push(v: number): void {
    if (this.n === this.a.length) {
      const b = new CTOR[this.type](this.a.length * 2);
      b.set(this.a);
      this.a = b;
    }
    this.a[this.n++] = v;
  }
  get values(): Typed {
    return this.a.subarray(0, this.n);
  }
}

/** Strings to small integers in first-seen order (so the same input gives the same lists). */
class Interner {
  readonly list: string[] = [];
  private readonly index = new Map<string, number>();
  add(s: string): number {
    let i = this.index.get(s);
    if (i === undefined) this.index.set(s, (i = this.list.push(s) - 1));
    return i;
  }
  /** 1-based, 0 for null. */
  addNullable(s: string | null): number {
    return s === null ? 0 : this.add(s) + 1;
  }
}

/** The narrowest unsigned array that holds every value. */
function narrow(a: Uint32Array): Uint8Array | Uint16Array | Uint32Array {
  let max = 0;
  for (let i = 0; i < a.length; i++) if (a[i]! > max) max = a[i]!;
  return max < 256 ? Uint8Array.from(a) : max < 65536 ? Uint16Array.from(a) : a;
}

const HEX8 = /^[0-9a-f]{8}$/;
const onGrid = (x: number): boolean => Math.round(x * 1e6) / 1e6 === x && Math.abs(x) <= 2000;

const ID_KEY = '{"id":"';
const ID_END = '","file":';
const TEXT_KEY = ',"text":';
const [ID_KEY_B, ID_END_B, TEXT_KEY_B] = [ID_KEY, ID_END, TEXT_KEY].map((s) => utf8.encode(s)) as [
  Uint8Array,
  Uint8Array,
  Uint8Array,
];

/** The sources' half of the layer: map/sources.json and the text chunks. MapChunkWriter writes it too, unless
 * told the sources are written apart (the build writes them as documents merge, on another thread). */
export class MapSourceWriter {
  private readonly perSources: number;
  private readonly contentCut: boolean;
  private nSources = 0;
  /** Text chunks written so far (the number of the one being filled). */
  private nChunks = 0;
  private texts: Entry[] = [];
  /** Some entry of the chunk being filled is bytes. */
  private textBytes = false;
  /** The keys of the chunk's sources (addSourceJson's `key`), null once one came without a key. */
  private keys: string[] | null = [];

  /** `keyedChunk`: how a text chunk whose every source came with a key is written (its keys say what it holds: see
   * addSourceJson); without it, as any other. */
  constructor(
    private readonly write: Write,
    opts: ChunkOptions = {},
    private readonly keyedChunk?: KeyedChunkWrite,
  ) {
    this.perSources = opts.sourcesPerChunk ?? SOURCES_PER_CHUNK;
    this.contentCut = opts.contentCut ?? false;
    if (this.perSources < 1) throw new Error('chunk sizes must be at least 1');
    write(OUTPUT_FILES.mapSources, '[');
  }

  /** How many text chunks there are so far (all of them after finish). */
  get textChunks(): number {
    return this.nChunks + (this.texts.length ? 1 : 0);
  }

  addSource(s: SourceOut): void {
    this.keys = null;
    this.addSourceOut(s);
  }

  private addSourceOut(s: SourceOut): void {
    const { text, ...rest } = s;
    const meta: SourceMeta = { ...rest, text_chunk: this.nChunks };
    this.write(OUTPUT_FILES.mapSources, (this.nSources ? ',' : '') + JSON.stringify(meta));
    this.texts.push(JSON.stringify([s.id, text]));
    this.nSources++;
    this.cut(JSON.stringify(s.id));
  }

  /** Ends the chunk after the source whose id's JSON is `idJson`, when it is time. */
  private cut(idJson: string): void {
    const n = this.texts.length;
    if (
      this.contentCut
        ? n >= this.perSources * MAX_CHUNK_FACTOR || cutAfter(idJson, this.perSources)
        : n === this.perSources
    )
      this.flushTexts();
  }

  /** A source as the JSON.stringify of its SourceOut (sourceOut's key order: id first, text last): its meta and
   * text entry are cut from those bytes, the same as addSource writes, without parsing and serialising the text
   * again (most of a source's bytes). Anything else is parsed. As bytes (its UTF-8), the text is kept as bytes
   * and the chunk written as bytes: the same bytes, without decoding the text and encoding it again. `key`: a
   * string of which the source's JSON is a function (the build's cache key of its document): a chunk whose every
   * source has one is a function of its keys, in order (KeyedChunkWrite). */
  addSourceJson(json: string | Uint8Array, key?: string): void {
    if (key === undefined) this.keys = null;
    else this.keys?.push(key);
    if (typeof json !== 'string') this.addSourceBytes(json);
    else this.addSourceString(json);
  }

  private addSourceString(json: string): void {
    const idEnd = json.indexOf(ID_END);
    const textAt = json.indexOf(TEXT_KEY);
    // Inside a JSON string every quote is escaped, so these markers can only be the object's own keys.
    if (!json.startsWith(ID_KEY) || idEnd < 0 || textAt < idEnd || !json.endsWith('"}')) {
      this.addSourceOut(JSON.parse(json) as SourceOut);
      return;
    }
    this.write(
      OUTPUT_FILES.mapSources,
      `${this.nSources ? ',' : ''}${json.slice(0, textAt)},"text_chunk":${this.nChunks}}`,
    );
    const idJson = json.slice(ID_KEY.length - 1, idEnd + 1);
    this.texts.push(`[${idJson},${json.slice(textAt + TEXT_KEY.length, -1)}]`);
    this.nSources++;
    this.cut(idJson);
  }

  private addSourceBytes(b: Uint8Array): void {
    const idEnd = find(b, ID_END_B, 0);
    const textAt = find(b, TEXT_KEY_B, 0);
    const n = b.length;
    if (find(b, ID_KEY_B, 0) !== 0 || idEnd < 0 || textAt < idEnd || b[n - 2] !== 0x22 || b[n - 1] !== 0x7d) {
      this.addSourceString(utf8d.decode(b));
      return;
    }
    this.write(
      OUTPUT_FILES.mapSources,
      `${this.nSources ? ',' : ''}${utf8d.decode(b.subarray(0, textAt))},"text_chunk":${this.nChunks}}`,
    );
    const idBytes = b.subarray(ID_KEY_B.length - 1, idEnd + 1);
    this.texts.push([OPEN_B, idBytes, COMMA_B, b.subarray(textAt + TEXT_KEY_B.length, n - 1), CLOSE]);
    this.textBytes = true;
    this.nSources++;
    this.cut(utf8d.decode(idBytes));
  }

  /** Writes the last chunk and closes the list; returns the number of sources. */
  finish(): number {
    this.flushTexts();
    this.write(OUTPUT_FILES.mapSources, ']\n');
    return this.nSources;
  }

  private flushTexts(): void {
    if (!this.texts.length) return;
    const path = textChunkFile(this.nChunks++);
    const entries = this.texts;
    const bytes = this.textBytes;
    const keys = this.keys;
    if (keys && keys.length === entries.length && this.keyedChunk)
      this.keyedChunk(path, keys, () => (bytes ? chunkBytes(entries) : chunkFile(entries as string[])));
    else this.write(path, bytes ? chunkBytes(entries) : chunkFile(entries as string[]));
    this.texts = [];
    this.textBytes = false;
    this.keys = [];
  }
}

const DICT_NAMES = [
  'places',
  'regions',
  'eventTypes',
  'subEventTypes',
  'modalities',
  'dates',
  'actors',
  'actorTypes',
  'impacts',
  'sources',
] as const;
type DictName = (typeof DICT_NAMES)[number];
/** The u32 columns of MapRows, in the order they are stored. */
export const ROW_U32 = [
  'place',
  'region',
  'gp',
  'tp',
  'et',
  'sub',
  'mod',
  'ds',
  'de',
  'nsrc',
  'ncl',
  'actN',
  'act',
  'actType',
  'impN',
  'imp',
  'srcN',
  'src',
] as const satisfies readonly ColumnName[];
type RowU32 = (typeof ROW_U32)[number];

/** A MapChunkWriter's rows (MapChunkWriter.rows): per row the coordinates (NaN without a point) and toll (NaN for
 * none) as f64 and the other columns as u32, indices into `dicts` as the writer interned them (1-based and 0 for
 * null in the nullable ones); `act`, `actType`, `imp`, `src` hold actN, actN, impN, srcN values a row, rows in
 * order; `fatalitiesRange` [row, low, high] triples; `noFeatureId` the rows whose feature has no id of its own. */
export type MapRows = {
  n: number;
  lonF: Float64Array;
  latF: Float64Array;
  fat: Float64Array;
  fatalitiesRange: Float64Array;
  noFeatureId: Uint32Array;
  dicts: Record<DictName, string[]>;
  /** The first row of each claims chunk of the layer (MapChunkWriter.rows gives them). */
  chunkStarts?: Uint32Array;
  /** The SHA-256 (hex) of each claims chunk's bytes, in chunk order, when the writer of the files knows them
   * (writeMapLayer with a chunk store, scripts/lib/map-chunks.ts). */
  chunkHashes?: string[];
} & Record<RowU32, Uint8Array | Uint16Array | Uint32Array>;

/** MapRows read for addStoredRow (checked: every list as long as the counts say), with where each row's actors,
 * impacts and sources start. */
export class StoredRows {
  readonly actAt: Uint32Array;
  readonly impAt: Uint32Array;
  readonly srcAt: Uint32Array;
  readonly fatalitiesRange = new Map<number, [number, number]>();
  readonly noFeatureId: Set<number>;
  /** Per row: the number of the stored layer's claims chunk that starts there, -1 for none (and for every row when
   * the chunks' starts and hashes are not given whole). */
  readonly chunkAt: Int32Array;
  /** Each stored claims chunk's first row, then the row count (chunk k is rows chunkEnds[k]..chunkEnds[k+1]-1). */
  readonly chunkEnds: Uint32Array;
  /** The stored claims chunks' SHA-256, null when not given. */
  readonly chunkHashes: readonly string[] | null;
  constructor(readonly rows: MapRows) {
    const at = (counts: ArrayLike<number>, total: number, name: string) => {
      const a = new Uint32Array(rows.n + 1);
      for (let r = 0; r < rows.n; r++) a[r + 1] = a[r]! + counts[r]!;
      if (a[rows.n] !== total) throw new Error(`stored rows: ${name} do not add up`);
      return a;
    };
    const perList = new Set<string>(['act', 'actType', 'imp', 'src']);
    for (const name of [...ROW_U32, 'lonF', 'latF', 'fat'] as const)
      if (!perList.has(name) && rows[name].length !== rows.n)
        throw new Error(`stored rows: ${name} is not ${rows.n} long`);
    if (rows.actType.length !== rows.act.length) throw new Error('stored rows: actType is not act long');
    if (rows.fatalitiesRange.length % 3) throw new Error('stored rows: fatalitiesRange is not triples');
    this.actAt = at(rows.actN, rows.act.length, 'actors');
    this.impAt = at(rows.impN, rows.imp.length, 'impacts');
    this.srcAt = at(rows.srcN, rows.src.length, 'sources');
    // Every string index points into its list (nullable columns: 1-based, 0 for null).
    const dictOf: [RowU32, DictName, number][] = [
      ['place', 'places', 0],
      ['region', 'regions', 1],
      ['et', 'eventTypes', 0],
      ['sub', 'subEventTypes', 1],
      ['mod', 'modalities', 0],
      ['ds', 'dates', 1],
      ['de', 'dates', 1],
      ['act', 'actors', 0],
      ['actType', 'actorTypes', 1],
      ['imp', 'impacts', 0],
      ['src', 'sources', 0],
    ];
    for (const name of DICT_NAMES) {
      const list: unknown = rows.dicts[name];
      if (!Array.isArray(list) || !list.every((x) => typeof x === 'string'))
        throw new Error(`stored rows: ${name} is not a list of strings`);
    }
    for (const [col, dict, base] of dictOf) {
      const a = rows[col];
      const limit = rows.dicts[dict].length + base;
      for (let i = 0; i < a.length; i++)
        if (a[i]! >= limit) throw new Error(`stored rows: ${col} points past ${dict}`);
    }
    const fr = rows.fatalitiesRange;
    for (let i = 0; i < fr.length; i += 3) this.fatalitiesRange.set(fr[i]!, [fr[i + 1]!, fr[i + 2]!]);
    this.noFeatureId = new Set(rows.noFeatureId);
    // The claims chunks: used only when every start and hash is there and in order (else no chunk is reused).
    this.chunkAt = new Int32Array(rows.n).fill(-1);
    const st = rows.chunkStarts;
    const hs = rows.chunkHashes;
    let ok =
      st !== undefined &&
      Array.isArray(hs) &&
      hs.length === st.length &&
      (rows.n === 0 ? st.length === 0 : st[0] === 0) &&
      hs.every((h) => typeof h === 'string' && /^[0-9a-f]{64}$/.test(h));
    for (let k = 1; ok && st && k < st.length; k++) if (!(st[k]! > st[k - 1]!)) ok = false;
    if (ok && st && st.length && !(st[st.length - 1]! < rows.n)) ok = false;
    if (ok && st && hs) {
      this.chunkEnds = new Uint32Array(st.length + 1);
      this.chunkEnds.set(st);
      this.chunkEnds[st.length] = rows.n;
      st.forEach((r, k) => (this.chunkAt[r] = k));
      this.chunkHashes = hs;
    } else {
      this.chunkEnds = new Uint32Array(0);
      this.chunkHashes = null;
    }
  }
}

/** Writes a text chunk whose sources' keys (MapSourceWriter.addSourceJson) are `keys`, in order: a chunk of the same
 * keys has the same bytes. `bytes` gives them when they are needed. */
export type KeyedChunkWrite = (
  path: string,
  keys: readonly string[],
  bytes: () => string | Uint8Array,
) => void;

/** Writes a claims chunk that is, byte for byte, chunk `chunk` of a stored layer (`rows`): its rows are that
 * chunk's rows, in order, each with its stored id and claims. `bytes` gives the chunk's bytes when they are needed
 * (the stored chunk's file cannot be linked). */
export type StoredChunkWrite = (
  path: string,
  rows: StoredRows,
  chunk: number,
  bytes: () => Uint8Array,
) => void;

interface Translation {
  list: readonly string[];
  interner: Interner;
  to: Int32Array;
}

/** A stored string index as this writer's (the string interned the first time it is asked for). */
function tr(t: Translation, k: number): number {
  let v = t.to[k];
  if (v === undefined) throw new Error(`no stored string ${k}`);
  if (v < 0) t.to[k] = v = t.interner.add(t.list[k]!);
  return v;
}

/** tr of a 1-based index, 0 (null) kept. */
const trNullable = (t: Translation, k: number): number => (k === 0 ? 0 : tr(t, k - 1) + 1);

export class MapChunkWriter {
  private readonly perIncidents: number;
  private readonly perSources: number;
  private nIncidents = 0;
  private claims: Entry[] = [];
  /** Some entry of the chunk being filled is bytes. */
  private claimBytes = false;
  /** The first row of each claims chunk written. */
  private readonly claimStarts: number[] = [];
  /** null: the sources are written apart (ChunkOptions.sourcesApart). */
  private readonly sources: MapSourceWriter | null;
  private readonly cols = new Map<ColumnName, Column>();
  /** Ids as numbers while every id is 8 hex digits (a string each is ~40 bytes at 2M incidents), as strings
   * from the first that is not. */
  private readonly idNums = new Column('u32');
  private ids: string[] | null = null;
  private gridCoords = true;
  private readonly lonF = new Column('f64');
  private readonly latF = new Column('f64');
  private readonly d = {
    places: new Interner(),
    regions: new Interner(),
    eventTypes: new Interner(),
    subEventTypes: new Interner(),
    modalities: new Interner(),
    dates: new Interner(),
    actors: new Interner(),
    actorTypes: new Interner(),
    impacts: new Interner(),
    sources: new Interner(),
  };
  private readonly fatalitiesRange: [number, number, number][] = [];
  private readonly noFeatureId: number[] = [];

  /** The claims chunk being filled, while its rows are so far the first rows of a stored layer's chunk, in order:
   * that layer, the chunk, its next row. */
  private run: { rows: StoredRows; chunk: number; next: number } | null = null;

  /** `storedChunk`: how a claims chunk that is a stored layer's chunk is written (without it, from its entries as
   * any other). */
  constructor(
    private readonly write: Write,
    private readonly opts: ChunkOptions = {},
    private readonly storedChunk?: StoredChunkWrite,
  ) {
    this.perIncidents = opts.incidentsPerChunk ?? INCIDENTS_PER_CHUNK;
    this.perSources = opts.sourcesPerChunk ?? SOURCES_PER_CHUNK;
    if (this.perIncidents < 1 || this.perSources < 1) throw new Error('chunk sizes must be at least 1');
    this.sources = opts.sourcesApart ? null : new MapSourceWriter(write, opts);
    const types: [ColumnName, ColumnType][] = [
      ['lon', 'i32'],
      ['lat', 'i32'],
      ['place', 'u32'],
      ['region', 'u32'],
      ['gp', 'u32'],
      ['tp', 'u32'],
      ['et', 'u32'],
      ['sub', 'u32'],
      ['mod', 'u32'],
      ['ds', 'u32'],
      ['de', 'u32'],
      ['fat', 'f64'],
      ['nsrc', 'u32'],
      ['ncl', 'u32'],
      ['actN', 'u32'],
      ['act', 'u32'],
      ['actType', 'u32'],
      ['impN', 'u32'],
      ['imp', 'u32'],
      ['srcN', 'u32'],
      ['src', 'u32'],
    ];
    for (const [name, type] of types) this.cols.set(name, new Column(type));
  }

  private col(name: ColumnName): Column {
    return this.cols.get(name)!;
  }

  /** `claimsJson`: JSON.stringify(f.properties.claims) when the caller has it already (the build does), as text
   * or as its UTF-8 bytes (kept as they are: the chunk is then written as bytes, the same bytes). */
  addIncident(f: IncidentFeature, claimsJson?: string | Uint8Array): void {
    const p = f.properties;
    const row = this.nIncidents;
    const { d } = this;
    this.pushId(p.id);
    if ((f as { id?: unknown }).id !== p.id) this.noFeatureId.push(row);
    const c = f.geometry?.type === 'Point' ? f.geometry.coordinates : null;
    this.pushCoords(c ? c[0]! : NaN, c ? c[1]! : NaN);
    this.col('place').push(
      d.places.add(JSON.stringify([p.place_id, p.place_name, p.country, p.admin1, p.admin2])),
    );
    this.col('region').push(d.regions.addNullable(p.region_id));
    this.col('gp').push(p.geo_precision);
    this.col('tp').push(p.time_precision ?? 0);
    this.col('et').push(d.eventTypes.add(p.event_type));
    this.col('sub').push(d.subEventTypes.addNullable(p.sub_event_type));
    this.col('mod').push(d.modalities.add(p.modality));
    this.col('ds').push(d.dates.addNullable(p.date_start));
    this.col('de').push(d.dates.addNullable(p.date_end));
    this.col('fat').push(p.fatalities ?? NaN);
    if (p.fatalities_range) this.fatalitiesRange.push([row, p.fatalities_range[0], p.fatalities_range[1]]);
    this.col('nsrc').push(p.n_sources);
    this.col('ncl').push(p.claims.length);
    const act = this.col('act');
    p.actors.forEach((a, k) => {
      act.push(d.actors.add(a));
      this.col('actType').push(d.actorTypes.addNullable(p.actor_types[k] ?? null));
    });
    this.col('actN').push(p.actors.length);
    const imp = this.col('imp');
    for (const x of p.impacts) imp.push(d.impacts.add(x));
    this.col('impN').push(p.impacts.length);
    const src = this.col('src');
    const seen = new Set<string>();
    for (const cl of p.claims)
      if (!seen.has(cl.source_id)) {
        seen.add(cl.source_id);
        src.push(d.sources.add(cl.source_id));
      }
    this.col('srcN').push(seen.size);
    this.run = null;
    // JSON.stringify([p.id, p.claims]), with the claims' JSON reused when given.
    if (claimsJson instanceof Uint8Array) this.endRow(p.id, claimsJson);
    else
      this.endRow(
        p.id,
        claimsJson === undefined
          ? JSON.stringify([p.id, p.claims] satisfies [string, ClaimProps[]])
          : `[${JSON.stringify(p.id)},${claimsJson}]`,
      );
  }

  /** Row `r` of `rows` (a layer written before, MapChunkWriter.rows), for the incident `id` with its claims' JSON
   * bytes: the same columns and strings as addIncident of the feature that row was written from, without the
   * feature. Each stored string is interned the first time a stored row points at it, in addIncident's order, so
   * the lists come out as addIncident's would. */
  addStoredRow(rows: StoredRows, r: number, id: string, claimsJson: StoredClaims): void {
    const R = rows.rows;
    if (!(r >= 0 && r < R.n)) throw new Error(`stored row ${r} of ${R.n}`);
    const row = this.nIncidents;
    let to = this.fromStore.get(rows);
    if (!to) this.fromStore.set(rows, (to = this.translations(R)));
    const c = this.byName ?? (this.byName = Object.fromEntries(this.cols) as Record<ColumnName, Column>);
    this.pushId(id);
    if (rows.noFeatureId.has(r)) this.noFeatureId.push(row);
    this.pushCoords(R.lonF[r]!, R.latF[r]!);
    c.place.push(tr(to.places, R.place[r]!));
    c.region.push(trNullable(to.regions, R.region[r]!));
    c.gp.push(R.gp[r]!);
    c.tp.push(R.tp[r]!);
    c.et.push(tr(to.eventTypes, R.et[r]!));
    c.sub.push(trNullable(to.subEventTypes, R.sub[r]!));
    c.mod.push(tr(to.modalities, R.mod[r]!));
    c.ds.push(trNullable(to.dates, R.ds[r]!));
    c.de.push(trNullable(to.dates, R.de[r]!));
    c.fat.push(R.fat[r]!);
    if (rows.fatalitiesRange.size) {
      const fr = rows.fatalitiesRange.get(r);
      if (fr) this.fatalitiesRange.push([row, fr[0], fr[1]]);
    }
    c.nsrc.push(R.nsrc[r]!);
    c.ncl.push(R.ncl[r]!);
    for (let k = rows.actAt[r]!, e = rows.actAt[r + 1]!; k < e; k++) {
      c.act.push(tr(to.actors, R.act[k]!));
      c.actType.push(trNullable(to.actorTypes, R.actType[k]!));
    }
    c.actN.push(R.actN[r]!);
    for (let k = rows.impAt[r]!, e = rows.impAt[r + 1]!; k < e; k++) c.imp.push(tr(to.impacts, R.imp[k]!));
    c.impN.push(R.impN[r]!);
    for (let k = rows.srcAt[r]!, e = rows.srcAt[r + 1]!; k < e; k++) c.src.push(tr(to.sources, R.src[k]!));
    c.srcN.push(R.srcN[r]!);
    // Still the stored chunk's rows in order? (A chunk is a function of its rows' ids and claims.)
    const run = this.run;
    if (this.claims.length === 0) {
      const k = rows.chunkAt[r]!;
      this.run = k >= 0 ? { rows, chunk: k, next: r + 1 } : null;
    } else if (run && run.rows === rows && run.next === r) run.next++;
    else this.run = null;
    this.endRow(id, claimsJson);
  }

  /** For each of a stored layer's string lists: its strings, this writer's interner and, per string, its index
   * here once a stored row has pointed at it (-1 before). */
  private translations(R: MapRows): Record<DictName, Translation> {
    return Object.fromEntries(
      DICT_NAMES.map((name) => [
        name,
        { list: R.dicts[name], interner: this.d[name], to: new Int32Array(R.dicts[name].length).fill(-1) },
      ]),
    ) as unknown as Record<DictName, Translation>;
  }

  private byName: Record<ColumnName, Column> | null = null;

  /** The rows written so far, as addStoredRow reads them (the columns before narrowing, the strings in full);
   * views of the writer's columns, valid while no row is added. */
  rows(): MapRows {
    // Views of the columns (not copies): they are not written to again once every row is in.
    const u = (name: ColumnName) => this.col(name).values as Uint32Array;
    const { d } = this;
    return {
      n: this.nIncidents,
      lonF: this.lonF.values as Float64Array,
      latF: this.latF.values as Float64Array,
      fat: this.col('fat').values as Float64Array,
      ...(Object.fromEntries(ROW_U32.map((name) => [name, u(name)])) as Record<RowU32, Uint32Array>),
      fatalitiesRange: Float64Array.from(this.fatalitiesRange.flat()),
      noFeatureId: Uint32Array.from(this.noFeatureId),
      // (the last chunk is written by finish: it starts where the entries not yet written do)
      chunkStarts: Uint32Array.from(
        this.claims.length ? [...this.claimStarts, this.nIncidents - this.claims.length] : this.claimStarts,
      ),
      dicts: Object.fromEntries(DICT_NAMES.map((name) => [name, [...d[name].list]])) as Record<
        DictName,
        string[]
      >,
    };
  }

  private readonly fromStore = new Map<StoredRows, Record<DictName, Translation>>();

  private pushId(id: string): void {
    if (this.ids === null && HEX8.test(id)) this.idNums.push(parseInt(id, 16));
    else {
      this.ids ??= Array.from(this.idNums.values, (n) => n.toString(16).padStart(8, '0'));
      this.ids.push(id);
    }
  }

  /** NaN, NaN: no point. */
  private pushCoords(lon: number, lat: number): void {
    const c = !Number.isNaN(lon);
    this.lonF.push(lon);
    this.latF.push(lat);
    if (c && this.gridCoords && !(onGrid(lon) && onGrid(lat))) this.gridCoords = false;
    this.col('lon').push(c ? Math.round(lon * 1e6) : NO_COORD);
    this.col('lat').push(c ? Math.round(lat * 1e6) : NO_COORD);
  }

  /** The row's claims entry (JSON.stringify([id, claims]) as text, or its claims' JSON bytes), then the cut. */
  private endRow(id: string, entry: string | StoredClaims): void {
    if (typeof entry !== 'string') {
      this.claims.push({ id, claims: entry });
      this.claimBytes = true;
    } else this.claims.push(entry);
    this.nIncidents++;
    const n = this.claims.length;
    if (
      this.opts.contentCut
        ? n >= this.perIncidents * MAX_CHUNK_FACTOR || cutAfter(id, this.perIncidents)
        : n === this.perIncidents
    )
      this.flushClaims();
  }

  addSource(s: SourceOut): void {
    if (!this.sources) throw new Error('the sources are written apart');
    this.sources.addSource(s);
  }

  /** Writes the last chunks, the columns and the manifest; returns the manifest. `sourcesWritten`: how many
   * sources, in how many text chunks, a MapSourceWriter wrote apart (with ChunkOptions.sourcesApart). */
  finish(sourcesWritten?: { sources: number; textChunks: number }): MapManifest2 {
    this.flushClaims();
    const nSources = this.sources ? this.sources.finish() : sourcesWritten?.sources;
    const textChunks = this.sources ? this.sources.textChunks : sourcesWritten?.textChunks;
    if (nSources === undefined || textChunks === undefined)
      throw new Error('how many sources were written apart?');
    const cols: [ColumnName, Typed][] = [];
    if (this.ids === null) cols.push(['id', Uint32Array.from(this.idNums.values)]);
    for (const [name, c] of this.cols) {
      if (name === 'lon' || name === 'lat')
        cols.push([name, this.gridCoords ? c.values : (name === 'lon' ? this.lonF : this.latF).values]);
      else if (name === 'fat') {
        const v = c.values;
        const whole = v.every((x) => Number.isNaN(x) || (Number.isInteger(x) && x >= 0 && x < FAT_NULL));
        cols.push([name, whole ? Uint32Array.from(v, (x) => (Number.isNaN(x) ? FAT_NULL : x)) : v]);
      } else cols.push([name, narrow(c.values as Uint32Array)]);
    }
    const specs: ColumnSpec[] = [];
    let bytes = 0;
    for (const [name, a] of cols) {
      const type: ColumnType =
        a instanceof Float64Array
          ? 'f64'
          : a instanceof Int32Array
            ? 'i32'
            : a instanceof Uint32Array
              ? 'u32'
              : a instanceof Uint16Array
                ? 'u16'
                : 'u8';
      specs.push({ name, type, offset: bytes, length: a.length });
      bytes += Math.ceil(a.byteLength / 8) * 8;
    }
    const bin = new Uint8Array(bytes);
    cols.forEach(([, a], k) =>
      bin.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), specs[k]!.offset),
    );
    if (new Uint8Array(new Uint16Array([1]).buffer)[0] !== 1)
      throw new Error('big-endian machines are not supported');
    this.write(MAP_COLUMNS_FILE, bin);
    const { d } = this;
    const dicts: MapDicts = {
      ...(this.ids === null ? {} : { ids: this.ids }),
      places: d.places.list.map((s) => JSON.parse(s) as MapDicts['places'][number]),
      regions: d.regions.list,
      eventTypes: d.eventTypes.list,
      subEventTypes: d.subEventTypes.list,
      modalities: d.modalities.list,
      dates: d.dates.list,
      actors: d.actors.list,
      actorTypes: d.actorTypes.list,
      impacts: d.impacts.list,
      sources: d.sources.list,
      fatalitiesRange: this.fatalitiesRange,
      noFeatureId: this.noFeatureId,
    };
    this.write(MAP_DICTS_FILE, `${JSON.stringify(dicts)}\n`);
    const manifest: MapManifest2 = {
      format: 2,
      incidents: this.nIncidents,
      sources: nSources,
      claims_chunks: this.claimStarts.length,
      text_chunks: textChunks,
      incidents_per_chunk: this.perIncidents,
      sources_per_chunk: this.perSources,
      columns: specs,
      columns_bytes: bytes,
      gzip: this.opts.gzip ?? false,
      ...(this.opts.contentCut ? { claims_chunk_starts: this.claimStarts } : {}),
    };
    this.write(OUTPUT_FILES.mapManifest, `${JSON.stringify(manifest)}\n`);
    return manifest;
  }

  private flushClaims(): void {
    if (!this.claims.length) return;
    const path = claimsChunkFile(this.claimStarts.length);
    const run = this.run;
    this.run = null;
    // Every row of a stored chunk, and only those: that chunk's bytes (known to the caller, not joined here).
    if (
      run &&
      this.storedChunk &&
      run.next === run.rows.chunkEnds[run.chunk + 1] &&
      this.claims.length === run.next - run.rows.chunkEnds[run.chunk]!
    ) {
      const entries = this.claims;
      this.storedChunk(path, run.rows, run.chunk, () => chunkBytes(entries));
    } else this.write(path, this.claimBytes ? chunkBytes(this.claims) : chunkFile(this.claims as string[]));
    this.claimStarts.push(this.nIncidents - this.claims.length);
    this.claims = [];
    this.claimBytes = false;
  }
}

/** The whole map/ layer of in-memory outputs: path -> text or bytes (tests, and data folders written by hand). */
export function mapChunks(
  incidents: readonly IncidentFeature[],
  sources: readonly SourceOut[],
  opts: ChunkOptions = {},
): Map<string, string | Uint8Array> {
  const files = new Map<string, string | Uint8Array>();
  const w = new MapChunkWriter((path, data) => {
    const had = files.get(path);
    files.set(path, typeof data === 'string' ? (typeof had === 'string' ? had : '') + data : data);
  }, opts);
  for (const f of incidents) w.addIncident(f);
  for (const s of sources) w.addSource(s);
  w.finish();
  return files;
}
