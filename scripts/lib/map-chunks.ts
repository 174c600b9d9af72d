// Writes the map's slim layer (src/pipeline/output-chunks.ts) into a finished output folder: incidents.geojson and
// sources.json are read back item by item (never parsed whole: at 20k articles they are hundreds of MB), and
// every map/ file gets a gzip sibling the servers send to browsers that accept gzip (vite.config.ts).

import { closeSync, mkdirSync, openSync, readFileSync, readSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { gzip as gzipCb } from 'node:zlib';
import { chunkHash, type ChunkStore } from './builder/chunk-store.ts';
import type { IncidentFeature, SourceOut } from '../../src/pipeline/contract.ts';
import { OUTPUT_FILES } from '../../src/pipeline/contract.ts';
import {
  MAP_COLUMNS_FILE,
  MAP_DICTS_FILE,
  MapChunkWriter,
  MapSourceWriter,
  type ChunkOptions,
  type MapRows,
  type StoredRows,
  type StoredClaims,
  type MapManifest2,
} from '../../src/pipeline/output-chunks.ts';

const gzipAsync = promisify(gzipCb);

const READ = 4 * 1024 * 1024;
const Q = 0x22;
const BS = 0x5c;

/**
 * Each item of the first JSON array in a file that opens after `after` (a byte string, e.g. `"features":`), as
 * parsed JSON, read in pieces of `readSize` bytes. The arrays are JSON.stringify's output, so a string-aware bracket
 * count finds the items; a string is skipped with indexOf to its closing quote (most of the bytes are sentences).
 */
export function* jsonArrayItems<T>(path: string, after = '', readSize = READ): Generator<T> {
  const fd = openSync(path, 'r');
  const buf = Buffer.allocUnsafe(readSize);
  const marker = Buffer.from(after);
  let head = Buffer.alloc(0); // bytes before the array opens, while looking for it
  let inArray = false;
  let depth = 0; // inside the array: 0 between items
  let inString = false;
  let escaped = false; // the last byte of the previous piece was a backslash inside a string
  let parts: Buffer[] = [];
  let start = -1;
  try {
    for (let n; (n = readSync(fd, buf, 0, buf.length, null)) > 0;) {
      let b = buf.subarray(0, n);
      if (!inArray) {
        head = Buffer.concat([head, b]);
        const m = marker.length ? head.indexOf(marker) : 0;
        const open = m < 0 ? -1 : head.indexOf(0x5b, m + marker.length);
        if (open < 0) continue;
        inArray = true;
        b = Buffer.from(head.subarray(open + 1));
        head = Buffer.alloc(0);
      }
      const len = b.length;
      let i = 0;
      let bs = -1;
      while (i < len) {
        if (inString) {
          if (escaped) {
            escaped = false;
            i++;
            continue;
          }
          // the next quote or backslash, whichever comes first (the next backslash is searched for again only
          // once it is passed: strings without one cost one scan per piece)
          const q = b.indexOf(Q, i);
          if (bs < i) {
            bs = b.indexOf(BS, i);
            if (bs < 0) bs = len;
          }
          const s = bs < len ? bs : -1;
          if (s >= 0 && (q < 0 || s < q)) {
            if (s + 1 < len) i = s + 2;
            else {
              escaped = true;
              i = len;
            }
            continue;
          }
          if (q < 0) {
            i = len;
            continue;
          }
          inString = false;
          i = q + 1;
          continue;
        }
        const c = b[i]!;
        if (c === Q) inString = true;
        else if (c === 0x7b || c === 0x5b) {
          if (depth === 0) start = i;
          depth++;
        } else if (c === 0x7d || c === 0x5d) {
          if (depth === 0) return; // the array's own "]"
          depth--;
          if (depth === 0) {
            parts.push(b.subarray(start, i + 1));
            yield JSON.parse(
              parts.length === 1 ? parts[0]!.toString('utf8') : Buffer.concat(parts).toString('utf8'),
            ) as T;
            parts = [];
            start = -1;
          }
        }
        i++;
      }
      // an item running past this piece: keep its bytes (copied, the buffer is reused)
      if (depth > 0) {
        parts.push(Buffer.from(b.subarray(Math.max(0, start))));
        start = 0;
      }
    }
  } finally {
    closeSync(fd);
  }
}

function* readBack(outDir: string): Generator<MapIncident> {
  for (const f of jsonArrayItems<IncidentFeature>(join(outDir, OUTPUT_FILES.incidents), '"features":'))
    yield [f, undefined];
}

/** A chunk file (claims, texts): written whole in one call, so it can be compressed at once. */
const WHOLE = /^map\/(claims|texts)\//;
/** A claims chunk's path and number. */
const CLAIMS_CHUNK = /^map\/claims\/([0-9]+)\.json$/;
/** Chunks being compressed at once on libuv's threads while the main thread parses on. */
const IN_FLIGHT = 8;
/** gzip's level for every map/ file (the chunk store's print covers it). */
export const GZIP_LEVEL = 6;

/** Appends to files opened on first write; chunk files are written whole and their gzip sibling started at once. */
class Files {
  private readonly fds = new Map<string, number>();
  readonly pending = new Set<Promise<void>>();
  readonly compressed = new Set<string>();
  /** The SHA-256 of each claims chunk written, by its number (with a store). */
  readonly claimHashes: string[] = [];
  /** Claims chunks linked as a stored chunk, without their bytes being made. */
  storedLinked = 0;
  /** `store`: where the chunks' gzip siblings are kept between builds (chunk-store.ts), null for none. */
  constructor(
    private readonly dir: string,
    readonly gzip: boolean,
    private readonly store: ChunkStore | null = null,
  ) {}
  /** `known`: chunkHash(data), when the caller has it. */
  write = (rel: string, data: string | Uint8Array, known?: string): void => {
    const path = join(this.dir, rel);
    if (WHOLE.test(rel)) {
      mkdirSync(dirname(path), { recursive: true });
      // A chunk the last build wrote into the folder this build replaces: linked from there with its gzip.
      const store = this.gzip ? this.store : null;
      const hash = store ? (known ?? chunkHash(data)) : '';
      this.hashed(rel, hash);
      if (store?.linkFrom(hash, rel, path)) {
        this.compressed.add(rel);
        return;
      }
      writeFileSync(path, data);
      if (this.gzip) this.compress(rel, data, hash);
      return;
    }
    let fd = this.fds.get(rel);
    if (fd === undefined) {
      mkdirSync(dirname(path), { recursive: true });
      this.fds.set(rel, (fd = openSync(path, 'w')));
    }
    if (typeof data === 'string') writeSync(fd, data);
    else writeSync(fd, data);
  };
  private hashed(rel: string, hash: string): void {
    const m = hash ? CLAIMS_CHUNK.exec(rel) : null;
    if (m) this.claimHashes[Number(m[1])] = hash;
  }
  /** Text chunks linked as the last build's chunk of the same keys, without their bytes being made. */
  keyedLinked = 0;
  /** A chunk whose items' keys are `keys` (MapSourceWriter's KeyedChunkWrite): linked from the last build's output
   * folder when that build wrote a chunk of the same keys, without making its bytes; else written. */
  writeKeyed = (rel: string, keys: readonly string[], bytes: () => string | Uint8Array): void => {
    const store = this.gzip ? this.store : null;
    if (!store) return this.write(rel, bytes());
    const keysHash = chunkHash(JSON.stringify(keys));
    const hash = store.keyedHash(keysHash);
    if (hash !== undefined) {
      const path = join(this.dir, rel);
      mkdirSync(dirname(path), { recursive: true });
      if (store.linkFrom(hash, rel, path)) {
        this.compressed.add(rel);
        store.rememberKeys(keysHash, hash);
        this.keyedLinked++;
        return;
      }
    }
    const data = bytes();
    const h = chunkHash(data);
    store.rememberKeys(keysHash, h);
    this.write(rel, data, h);
  };
  /** A claims chunk that is chunk `chunk` of the stored layer `rows` (MapChunkWriter's StoredChunkWrite): linked
   * from the last build's output folder by the stored chunk's hash, without making its bytes; else written. */
  writeStored = (rel: string, rows: StoredRows, chunk: number, bytes: () => Uint8Array): void => {
    const hash = rows.chunkHashes?.[chunk];
    const store = this.gzip ? this.store : null;
    if (store && hash !== undefined) {
      const path = join(this.dir, rel);
      mkdirSync(dirname(path), { recursive: true });
      if (store.linkFrom(hash, rel, path)) {
        this.hashed(rel, hash);
        this.compressed.add(rel);
        this.storedLinked++;
        return;
      }
    }
    this.write(rel, bytes());
  };
  /** `hash`: chunkHash(data), when the caller has it. */
  compress(rel: string, data: string | Uint8Array, hash?: string): void {
    this.compressed.add(rel);
    const path = join(this.dir, rel);
    const to = `${path}.gz`;
    // A chunk the last build wrote too (the same bytes) takes that build's gzip.
    const store = WHOLE.test(rel) ? this.store : null;
    const h = store ? (hash ?? chunkHash(data)) : '';
    if (store?.copyTo(h, to)) {
      store.wrote(h, rel, path);
      return;
    }
    const p = gzipAsync(data, { level: GZIP_LEVEL }).then((gz) => {
      writeFileSync(to, gz);
      store?.put(h, gz);
      store?.wrote(h, rel, path);
    });
    this.pending.add(p);
    void p.finally(() => this.pending.delete(p)).catch(() => {});
  }
  /** Waits while too many chunks are being compressed (memory stays flat). */
  async drain(max = IN_FLIGHT): Promise<void> {
    while (this.pending.size > max) await Promise.race(this.pending);
  }
  close(): void {
    for (const fd of this.fds.values()) closeSync(fd);
    this.fds.clear();
  }
}

/** An incident for the map layer, with its claims' JSON when the caller has it (JSON.stringify(claims), or its
 * UTF-8 bytes); or a row a layer written before holds (the incident store's: the same id and claims), with its
 * claims' JSON bytes (MapChunkWriter.addStoredRow). */
export type MapIncident =
  | readonly [IncidentFeature, string | Uint8Array | undefined]
  | { readonly rows: StoredRows; readonly row: number; readonly id: string; readonly claims: StoredClaims };

/** Writes map/ beside incidents.geojson and sources.json in `outDir` (sources.json must be there). The incidents
 * are read back from incidents.geojson unless given (the build's grouping worker hands over each feature as it
 * writes it, sparing a parse of hundreds of MB); the sources are read back from sources.json unless
 * `sourcesWritten` says how many a MapSources wrote already. Chunks are compressed on libuv's threads while the
 * outputs are read (the second core), the few appended files at the end. `onRows`: given the layer's rows once
 * every incident is in (the incident store keeps them, MapChunkWriter.rows). */
export async function writeMapLayer(
  outDir: string,
  opts: ChunkOptions = {},
  incidents?: Iterable<MapIncident>,
  sourcesWritten?: { sources: number; textChunks: number },
  store: ChunkStore | null = null,
  onRows?: (rows: MapRows) => void,
  counts?: { storedLinked: number },
): Promise<MapManifest2> {
  const gzip = opts.gzip ?? true;
  const apart = sourcesWritten !== undefined;
  const files = new Files(outDir, gzip, store);
  let manifest: MapManifest2;
  try {
    const w = new MapChunkWriter(files.write, { gzip, ...opts, sourcesApart: apart }, files.writeStored);
    for (const inc of incidents ?? readBack(outDir)) {
      if ('rows' in inc) w.addStoredRow(inc.rows, inc.row, inc.id, inc.claims);
      else w.addIncident(inc[0], inc[1]);
      if (files.pending.size > IN_FLIGHT) await files.drain();
    }
    if (!apart)
      for (const s of jsonArrayItems<SourceOut>(join(outDir, OUTPUT_FILES.sources))) {
        w.addSource(s);
        if (files.pending.size > IN_FLIGHT) await files.drain();
      }
    const rows = onRows ? w.rows() : null;
    manifest = w.finish(sourcesWritten);
    if (rows && onRows) {
      // The claims chunks' hashes, for the next build's stored chunks (only when every chunk has one).
      const hs = files.claimHashes;
      const whole =
        hs.length === manifest.claims_chunks && Array.from(hs).every((h) => typeof h === 'string');
      onRows(whole ? { ...rows, chunkHashes: [...hs] } : rows);
    }
    if (counts) counts.storedLinked = files.storedLinked;
  } finally {
    files.close();
    await files.drain(0).catch(() => {});
  }
  if (gzip) {
    const rest = [OUTPUT_FILES.mapManifest, MAP_COLUMNS_FILE, MAP_DICTS_FILE];
    for (const rel of apart ? rest : [...rest, OUTPUT_FILES.mapSources])
      if (!files.compressed.has(rel)) files.compress(rel, readFileSync(join(outDir, rel)));
    await files.drain(0);
  }
  return manifest;
}

/** The sources' half of map/ (map/sources.json, the text chunks, their gzip siblings), written source by source
 * as the build merges its documents, while the grouping worker writes the incidents' half (writeMapLayer with
 * `sourcesWritten`). */
export class MapSources {
  private readonly files: Files;
  private readonly w: MapSourceWriter;
  constructor(
    private readonly outDir: string,
    opts: ChunkOptions = {},
    store: ChunkStore | null = null,
  ) {
    this.files = new Files(outDir, opts.gzip ?? true, store);
    this.w = new MapSourceWriter(this.files.write, opts, this.files.writeKeyed);
  }
  /** Text chunks linked from the last build's folder by their sources' keys (their bytes not made). */
  get keyedLinked(): number {
    return this.files.keyedLinked;
  }
  add(s: SourceOut): void {
    this.w.addSource(s);
  }
  /** A source as JSON.stringify(SourceOut) gave it, or its UTF-8 bytes (MapSourceWriter.addSourceJson), with the
   * key its JSON is a function of (the document's cache key), when there is one. */
  addJson(json: string | Uint8Array, key?: string): void {
    this.w.addSourceJson(json, key);
  }
  /** Waits while too many chunks are being compressed. */
  async drain(): Promise<void> {
    if (this.files.pending.size > IN_FLIGHT) await this.files.drain();
  }
  /** Closes the list and compresses it; returns the number of sources and of text chunks. */
  async finish(): Promise<{ sources: number; textChunks: number }> {
    let n: number;
    try {
      n = this.w.finish();
    } finally {
      this.files.close();
    }
    if (this.files.gzip)
      this.files.compress(OUTPUT_FILES.mapSources, readFileSync(join(this.outDir, OUTPUT_FILES.mapSources)));
    await this.files.drain(0);
    return { sources: n, textChunks: this.w.textChunks };
  }
}
