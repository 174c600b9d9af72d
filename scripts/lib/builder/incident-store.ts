// The incident store (in the cache folder under incidents/): the last build's incidents.geojson (linked), with an
// index of each feature's id, byte range and claims, each claim named by its document's cache key and its place
// among that document's claims. A feature is a function of its claims (in order) and its id: the cache key covers
// the document's bytes, id, file name, metadata (the claims' provenance), the code (src/pipeline, scripts/lib) and
// the geodata, and the store is only read under the same code and geodata fingerprints. So an incident of this
// build whose id and claims are those of a stored one takes the stored feature's bytes (sentences spliced in
// already) instead of being built, serialised and spliced again (group-job.ts): byte-identical by construction.
// The data file is a hard link to the output's incidents.geojson (a copy when the cache is on another file
// system), read only while its identity (inode, size, mtime, ctime) is the one recorded after the link: any write to
// the file, and any link or unlink of it (the output folder removed or replaced), moves its ctime and the store is
// not read (the build is then as slow as without it, never different).

import { createHash, randomBytes } from 'node:crypto';
import {
  closeSync,
  constants,
  copyFileSync,
  linkSync,
  lstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  readdirSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { ROW_U32, StoredRows, type MapRows } from '../../../src/pipeline/output-chunks.ts';
import { statSignature } from './scan-memo.ts';

/** Bump when the store's layout or what a feature depends on changes beyond the fingerprints. */
const LAYOUT = 3;
const INDEX = 'index.bin';
const CLAIMS_KEY = Buffer.from('"claims":[');
const DATA_FILE = /^[0-9]+-[0-9a-f]{12}\.geojson$/;

/** What the store must have been written under to be read: the layout, the code and geodata fingerprints. */
export const storePrint = (code: string, geodata: string): string =>
  createHash('sha256')
    .update(JSON.stringify(['incident-store', LAYOUT, code, geodata]))
    .digest('hex');

export interface StorePlace {
  /** The cache folder. */
  dir: string;
  /** storePrint of this build. */
  print: string;
}

class I32 {
  a = new Int32Array(1024);
  n = 0;
  push(v: number): void {
    if (this.n === this.a.length) {
      const b = new Int32Array(this.a.length * 2);
      b.set(this.a);
      this.a = b;
    }
    this.a[this.n++] = v;
  }
  get values(): Int32Array {
    return this.a.subarray(0, this.n);
  }
}

/** Each claim line's document (its number in merge order, with its cache key) and place among the document's
 * claims, as the grouping worker is sent them. */
export class ClaimDocs {
  readonly keys: (string | null)[] = [];
  private readonly counts: number[] = [];
  readonly doc = new I32();
  readonly idx = new I32();

  /** A document (in merge order); returns its number. `key` null: no cache, no store. */
  addDoc(key: string | null): number {
    this.counts.push(0);
    return this.keys.push(key) - 1;
  }

  /** The claim at `line` (lines come in order) belongs to document `doc`. */
  addClaim(doc: number, line: number): void {
    if (line !== this.doc.n) throw new Error(`claim line ${line} out of order`);
    this.doc.push(doc);
    this.idx.push((this.counts[doc] as number)++);
  }

  /** Every document has a key (the build has a cache). */
  get keyed(): boolean {
    return this.keys.every((k) => k !== null);
  }
}

interface Header {
  layout: number;
  print: string;
  data: string;
  sig: string;
  n: number;
  claims: number;
  docs: string[];
  /** The map layer's rows of the stored incidents (row r is incident r), after the index's arrays: the arrays'
   * lengths and bytes per value (in ROWS_F64, ROW_U32, fatalitiesRange, noFeatureId order; the ROW_U32 columns in
   * the narrowest of 1, 2, 4 bytes that holds their values) and the SHA-256 of their bytes. */
  rows?: {
    dicts: MapRows['dicts'];
    lengths: number[];
    widths: number[];
    sha256: string;
    /** The layer's claims chunks: each one's first row and SHA-256 (in the rows' hash, after their bytes). */
    chunks?: { starts: number[]; sha256: string[] };
  };
}

const ROWS_F64 = ['lonF', 'latF', 'fat'] as const;
type RowArray = Float64Array | Uint32Array | Uint16Array | Uint8Array;
/** The narrowest unsigned array that holds every value (most columns hold small numbers). */
function narrowed(a: Uint8Array | Uint16Array | Uint32Array): Uint8Array | Uint16Array | Uint32Array {
  let max = 0;
  for (let i = 0; i < a.length; i++) if ((a[i] as number) > max) max = a[i] as number;
  return max < 256 ? Uint8Array.from(a) : max < 65536 ? Uint16Array.from(a) : a;
}
const rowArrays = (r: MapRows): RowArray[] => [
  ...ROWS_F64.map((k) => r[k]),
  ...ROW_U32.map((k) => narrowed(r[k])),
  r.fatalitiesRange,
  r.noFeatureId,
];
/** The typed array of each row array by its bytes per value: 8 for the f64 ones, 1, 2 or 4 for the others. */
const rowWidths: readonly (readonly number[])[] = [
  ...ROWS_F64.map(() => [8]),
  ...ROW_U32.map(() => [1, 2, 4]),
  [8],
  [4],
];
const BY_WIDTH = { 1: Uint8Array, 2: Uint16Array, 4: Uint32Array, 8: Float64Array } as const;
const bytesOf = (a: ArrayBufferView): Buffer => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

const READ_WINDOW = 8 * 1024 * 1024;

/** The stored incidents, read back by id. */
export class StoreReader {
  private readonly fd: number;
  private readonly table: Int32Array;
  private readonly mask: number;
  /** Store document -> this build's document number, -1 when this build has none of that key. */
  private readonly docMap: Int32Array;
  private win = Buffer.allocUnsafe(READ_WINDOW);
  private winAt = 0;
  private winLen = 0;
  hits = 0;
  /** The stored incidents' map-layer rows, null when the store has none (or they do not check out). */
  readonly rows: StoredRows | null;

  private constructor(
    private readonly h: Header,
    dataPath: string,
    private readonly id: Uint32Array,
    private readonly off: Float64Array,
    private readonly len: Uint32Array,
    private readonly cStart: Uint32Array,
    private readonly cDoc: Int32Array,
    private readonly cIdx: Int32Array,
    private readonly docs: ClaimDocs,
    rows: StoredRows | null,
  ) {
    this.rows = rows;
    this.fd = openSync(dataPath, 'r');
    let size = 1024;
    while (size < 2 * h.n) size *= 2;
    this.table = new Int32Array(size).fill(-1);
    this.mask = size - 1;
    for (let r = 0; r < h.n; r++) {
      let i = (Math.imul(id[r] as number, 0x9e3779b1) >>> 0) & this.mask;
      while ((this.table[i] as number) >= 0) i = (i + 1) & this.mask;
      this.table[i] = r;
    }
    const now = new Map<string, number>();
    docs.keys.forEach((k, d) => now.set(k as string, d));
    this.docMap = Int32Array.from(h.docs, (k) => now.get(k) ?? -1);
  }

  /** The store in `place`, when it was written under this build's print and its data file is as written; else
   * null (nothing is reused). `docs`: this build's claims' documents. */
  static open(place: StorePlace, docs: ClaimDocs): StoreReader | null {
    const folder = join(place.dir, 'incidents');
    try {
      const buf = readFileSync(join(folder, INDEX));
      const nl = buf.indexOf(10);
      const h = JSON.parse(buf.subarray(0, nl).toString('utf8')) as Header;
      if (h.layout !== LAYOUT || h.print !== place.print || !DATA_FILE.test(h.data)) return null;
      const dataPath = join(folder, h.data);
      const st = lstatSync(dataPath, { bigint: true, throwIfNoEntry: false });
      if (!st?.isFile() || statSignature(st) !== h.sig) return null;
      let at = nl + 1;
      const take = <T>(ctor: { new (b: ArrayBuffer): T; BYTES_PER_ELEMENT: number }, n: number): T => {
        const bytes = n * ctor.BYTES_PER_ELEMENT;
        if (at + bytes > buf.length) throw new Error('short index');
        const copy = new ctor(buf.buffer.slice(buf.byteOffset + at, buf.byteOffset + at + bytes));
        at += bytes;
        return copy;
      };
      const arrays = [
        take(Uint32Array, h.n),
        take(Float64Array, h.n),
        take(Uint32Array, h.n),
        take(Uint32Array, h.n + 1),
        take(Int32Array, h.claims),
        take(Int32Array, h.claims),
      ] as const;
      // The rows are used only when whole (their bytes' hash) and consistent (StoredRows checks the lengths);
      // without them the stored incidents' rows are built from their features, as before.
      let rows: StoredRows | null = null;
      const listsOk = (l: unknown, w: unknown): l is number[] =>
        Array.isArray(l) &&
        Array.isArray(w) &&
        l.length === rowWidths.length &&
        w.length === rowWidths.length &&
        l.every((x) => Number.isSafeInteger(x) && x >= 0) &&
        w.every((x, k) => rowWidths[k]?.includes(x as number));
      if (h.rows && listsOk(h.rows.lengths, h.rows.widths)) {
        const from = at;
        const { lengths, widths } = h.rows;
        const lists: RowArray[] = lengths.map((n, k) =>
          take<RowArray>(
            BY_WIDTH[widths[k] as keyof typeof BY_WIDTH] as {
              new (b: ArrayBuffer): RowArray;
              BYTES_PER_ELEMENT: number;
            },
            n,
          ),
        );
        const { chunks } = h.rows;
        const hash = createHash('sha256').update(buf.subarray(from, at));
        if (chunks !== undefined) hash.update(JSON.stringify(chunks));
        const sha = hash.digest('hex');
        if (sha === h.rows.sha256)
          try {
            const [lonF, latF, fat] = lists as Float64Array[];
            const u32 = Object.fromEntries(ROW_U32.map((k, i) => [k, lists[ROWS_F64.length + i]]));
            const rest = lists.slice(ROWS_F64.length + ROW_U32.length);
            const mapRows = {
              n: h.n,
              lonF,
              latF,
              fat,
              ...u32,
              fatalitiesRange: rest[0] as Float64Array,
              noFeatureId: rest[1] as Uint32Array,
              dicts: h.rows.dicts,
              ...(chunks &&
              Array.isArray(chunks.starts) &&
              chunks.starts.every((x) => Number.isSafeInteger(x) && x >= 0 && x < 2 ** 32)
                ? { chunkStarts: Uint32Array.from(chunks.starts), chunkHashes: chunks.sha256 }
                : {}),
            } as MapRows;
            rows = new StoredRows(mapRows);
          } catch {
            rows = null;
          }
      }
      const r = new StoreReader(h, dataPath, ...arrays, docs, rows);
      if (at !== buf.length) {
        r.close();
        return null;
      }
      return r;
    } catch {
      return null;
    }
  }

  /** The stored feature when a stored incident has this id and the same claims (`lines`, in the feature's
   * order), else null: its JSON's bytes (a view valid until the next call) and its claims' JSON (the list that
   * ends it), as a function that reads them from the store's file again (valid until close; only a claims chunk
   * that is not a stored one as a whole needs them). */
  find(id: number, lines: readonly number[]): { bytes: Buffer; claims: () => Buffer; row: number } | null {
    let r = -1;
    for (let i = (Math.imul(id, 0x9e3779b1) >>> 0) & this.mask; ; i = (i + 1) & this.mask) {
      const t = this.table[i] as number;
      if (t < 0) return null;
      if (this.id[t] === id) {
        r = t;
        break;
      }
    }
    const c0 = this.cStart[r] as number;
    if ((this.cStart[r + 1] as number) - c0 !== lines.length) return null;
    const { docs } = this;
    for (let j = 0; j < lines.length; j++) {
      const line = lines[j] as number;
      if (
        this.docMap[this.cDoc[c0 + j] as number] !== docs.doc.a[line] ||
        this.cIdx[c0 + j] !== docs.idx.a[line]
      )
        return null;
    }
    const bytes = this.read(this.off[r] as number, this.len[r] as number);
    if (!bytes) return null;
    // The bytes are the store's own file, checked by identity; a feature that does not look like its id's is
    // built again all the same. toFeatures puts `claims` last in `properties`, `properties` last.
    const head = `{"type":"Feature","id":"${id.toString(16).padStart(8, '0')}"`;
    const at = bytes.lastIndexOf(CLAIMS_KEY);
    if (
      bytes.toString('latin1', 0, head.length) !== head ||
      bytes.toString('latin1', bytes.length - 3) !== ']}}' ||
      at < 0
    )
      return null;
    this.hits++;
    const from = (this.off[r] as number) + at + CLAIMS_KEY.length - 1;
    const len = bytes.length - 2 - (at + CLAIMS_KEY.length - 1);
    return { bytes, claims: () => this.readCopy(from, len), row: r };
  }

  /** `len` bytes at `off` of the data file, in a buffer of their own (copied from the window when it holds them:
   * a claims chunk is joined soon after its incidents were found). */
  private readCopy(off: number, len: number): Buffer {
    if (off >= this.winAt && off + len <= this.winAt + this.winLen)
      return Buffer.from(this.win.subarray(off - this.winAt, off - this.winAt + len));
    const b = Buffer.allocUnsafe(len);
    for (let n = 0, k; n < len; n += k) {
      k = readSync(this.fd, b, n, len - n, off + n);
      if (k <= 0) throw new Error('incident store: its data file is shorter than its index says');
    }
    return b;
  }

  /** `len` bytes at `off` of the data file (null past its end), through a window read ahead (the stored features
   * are asked for mostly in their order). */
  private read(off: number, len: number): Buffer | null {
    if (off < this.winAt || off + len > this.winAt + this.winLen) {
      if (len > this.win.length) this.win = Buffer.allocUnsafe(len);
      this.winAt = off;
      this.winLen = 0;
      for (let n; this.winLen < this.win.length; this.winLen += n) {
        n = readSync(this.fd, this.win, this.winLen, this.win.length - this.winLen, off + this.winLen);
        if (n <= 0) break;
      }
      if (this.winLen < len) return null;
    }
    return this.win.subarray(off - this.winAt, off - this.winAt + len);
  }

  close(): void {
    closeSync(this.fd);
  }
}

/** The index of the store this build writes: each incident as it is written to incidents.geojson. */
export class StoreWriter {
  private readonly id = new I32();
  private readonly off: number[] = [];
  private readonly len = new I32();
  private readonly cStart = new I32();
  private readonly cDoc = new I32();
  private readonly cIdx = new I32();

  constructor(private readonly docs: ClaimDocs) {
    this.cStart.push(0);
  }

  /** The incident `id` (8 hex digits) was written at `off`, `len` bytes, with the claims of `lines`. */
  add(id: string, off: number, len: number, lines: readonly number[]): void {
    this.id.push(parseInt(id, 16) | 0);
    this.off.push(off);
    this.len.push(len);
    for (const line of lines) {
      this.cDoc.push(this.docs.doc.a[line] as number);
      this.cIdx.push(this.docs.idx.a[line] as number);
    }
    this.cStart.push(this.cDoc.n);
  }

  /** Links (or copies) `geojson` (the incidents.geojson just written) into the store and writes its index in place of the
   * last one, with the map layer's rows of its incidents when given (one per incident, in order). A store that
   * cannot be written only costs the next build its speed. */
  save(place: StorePlace, geojson: string, rows?: MapRows | null): void {
    const folder = join(place.dir, 'incidents');
    const data = `${process.pid}-${randomBytes(6).toString('hex')}.geojson`;
    const dataPath = join(folder, data);
    const index = join(folder, INDEX);
    const tmp = `${index}.${data}.tmp`;
    try {
      mkdirSync(folder, { recursive: true });
      try {
        linkSync(geojson, dataPath);
      } catch {
        copyFileSync(geojson, dataPath, constants.COPYFILE_FICLONE);
      }
      const st = lstatSync(dataPath, { bigint: true });
      const n = this.id.n;
      const rowLists = rows && rows.n === n ? rowArrays(rows) : null;
      const rowBytes = rowLists?.map(bytesOf) ?? null;
      const chunks =
        rows?.chunkStarts && rows.chunkHashes && rows.chunkHashes.length === rows.chunkStarts.length
          ? { starts: Array.from(rows.chunkStarts), sha256: rows.chunkHashes }
          : undefined;
      const header: Header = {
        layout: LAYOUT,
        print: place.print,
        data,
        sig: statSignature(st),
        n,
        claims: this.cDoc.n,
        docs: this.docs.keys as string[],
        ...(rows && rowLists && rowBytes
          ? {
              rows: {
                dicts: rows.dicts,
                lengths: rowLists.map((a) => a.length),
                widths: rowLists.map((a) => a.BYTES_PER_ELEMENT),
                sha256: rowBytes
                  .reduce((h, b) => h.update(b), createHash('sha256'))
                  .update(chunks ? JSON.stringify(chunks) : '')
                  .digest('hex'),
                ...(chunks ? { chunks } : {}),
              },
            }
          : {}),
      };
      const arrays = [
        new Uint32Array(this.id.values.buffer, 0, n),
        Float64Array.from(this.off),
        new Uint32Array(this.len.values.buffer, 0, n),
        new Uint32Array(this.cStart.values.buffer, 0, n + 1),
        this.cDoc.values,
        this.cIdx.values,
      ];
      // Written piece by piece: the index with its rows is tens of MB at 20k articles, not worth a copy in memory.
      const fd = openSync(tmp, 'w');
      try {
        for (const piece of [
          Buffer.from(`${JSON.stringify(header)}\n`),
          ...arrays.map(bytesOf),
          ...(rowBytes ?? []),
        ])
          for (let at = 0; at < piece.length;) at += writeSync(fd, piece, at);
      } finally {
        closeSync(fd);
      }
      renameSync(tmp, index);
      // Earlier stores' files (also one a damaged index no longer names; a build reading one keeps it open), once
      // no output folder holds them any more: an unlink moves the ctime of the output's file too, and so would
      // undo that folder's output memo (output-memo.ts) for nothing.
      for (const f of readdirSync(folder)) {
        if (f === data || !DATA_FILE.test(f)) continue;
        const other = join(folder, f);
        if ((lstatSync(other, { throwIfNoEntry: false })?.nlink ?? 0) <= 1) rmSync(other, { force: true });
      }
    } catch {
      rmSync(tmp, { force: true });
      rmSync(dataPath, { force: true });
    }
  }
}
