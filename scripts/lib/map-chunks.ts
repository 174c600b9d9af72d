// Writes the map's slim layer (src/pipeline/output-chunks.ts) into a finished output folder: incidents.geojson and
// sources.json are read back item by item (never parsed whole: at 20k articles they are hundreds of MB), and
// every map/ file gets a gzip sibling the servers send to browsers that accept gzip (vite.config.ts).

import { closeSync, mkdirSync, openSync, readSync, readdirSync, writeSync } from 'node:fs';
import { createReadStream, createWriteStream } from 'node:fs';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import type { IncidentFeature, SourceOut } from '../../src/pipeline/contract.ts';
import { OUTPUT_FILES } from '../../src/pipeline/contract.ts';
import { MapChunkWriter, type ChunkOptions, type MapManifest2 } from '../../src/pipeline/output-chunks.ts';

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

/** Appends to files opened on first write. */
class Files {
  private readonly fds = new Map<string, number>();
  constructor(private readonly dir: string) {}
  write = (rel: string, data: string | Uint8Array): void => {
    let fd = this.fds.get(rel);
    if (fd === undefined) {
      const path = join(this.dir, rel);
      mkdirSync(dirname(path), { recursive: true });
      this.fds.set(rel, (fd = openSync(path, 'w')));
    }
    if (typeof data === 'string') writeSync(fd, data);
    else writeSync(fd, data);
  };
  close(): void {
    for (const fd of this.fds.values()) closeSync(fd);
    this.fds.clear();
  }
}

function listFiles(dir: string, rel = ''): string[] {
  return readdirSync(join(dir, rel), { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory() ? listFiles(dir, join(rel, e.name)) : e.name.endsWith('.gz') ? [] : [join(rel, e.name)],
    )
    .sort();
}

/** gzip siblings of every file under `dir`, a few at a time (streams: flat memory for the big ones). */
async function gzipAll(dir: string): Promise<void> {
  const files = listFiles(dir);
  let next = 0;
  const one = async (): Promise<void> => {
    while (next < files.length) {
      const p = join(dir, files[next++]!);
      await pipeline(createReadStream(p), createGzip({ level: 6 }), createWriteStream(`${p}.gz`));
    }
  };
  await Promise.all([one(), one(), one(), one()]);
}

/** Writes map/ beside incidents.geojson and sources.json in `outDir` (both must be there). */
export async function writeMapLayer(outDir: string, opts: ChunkOptions = {}): Promise<MapManifest2> {
  const files = new Files(outDir);
  let manifest: MapManifest2;
  try {
    const w = new MapChunkWriter(files.write, { gzip: true, ...opts });
    for (const f of jsonArrayItems<IncidentFeature>(join(outDir, OUTPUT_FILES.incidents), '"features":'))
      w.addIncident(f);
    for (const s of jsonArrayItems<SourceOut>(join(outDir, OUTPUT_FILES.sources))) w.addSource(s);
    manifest = w.finish();
  } finally {
    files.close();
  }
  if (manifest.gzip) await gzipAll(join(outDir, 'map'));
  return manifest;
}
