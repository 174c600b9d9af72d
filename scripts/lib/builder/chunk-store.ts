// The gzip store (in the cache folder under chunks/<kind>/): the gzip sibling of every map/ chunk the last build
// wrote, named by the SHA-256 of the chunk's bytes. A chunk is cut where its items' ids say (output-chunks.ts
// contentCut), so an incremental build writes mostly the chunks it wrote last time, byte for byte: their `.gz`
// is copied from the store instead of compressed again (gzip at level 6 was most of the map layer's CPU). gzip's
// bytes are a function of the input, zlib's version and the options, which the store's print covers; a stored file
// is used only while its identity (inode, size, mtime, ctime) is the one recorded after it was written, so a file
// written to, or a damaged index, costs a compression, never a wrong byte. The store holds its own files and the
// output gets copies (a hard link would share the inode: linking it again into another output folder would move
// the ctime of the first folder's file and so undo that folder's output memo, output-memo.ts).

import { createHash, randomBytes } from 'node:crypto';
import {
  constants,
  copyFileSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { statSignature } from './scan-memo.ts';

/** Bump when the store's layout changes. */
const LAYOUT = 1;
const INDEX = 'index.json';
const ENTRY = /^[0-9a-f]{64}\.gz$/;

interface Index {
  print: string;
  /** hash -> statSignature of its file. */
  files: Record<string, string>;
}

/** What gzip's bytes depend on besides the input. */
export const gzipPrint = (level: number): string =>
  createHash('sha256')
    .update(JSON.stringify(['chunk-store', LAYOUT, process.versions.zlib, level]))
    .digest('hex');

export const chunkHash = (data: string | Uint8Array): string =>
  createHash('sha256').update(data).digest('hex');

/** One writer's store (the main thread's text chunks, the grouping worker's claims chunks: each its own folder). */
export class ChunkStore {
  private readonly known: Map<string, string>;
  private readonly used = new Map<string, string>();
  hits = 0;
  misses = 0;

  private constructor(
    private readonly folder: string,
    private readonly print: string,
    known: Map<string, string>,
  ) {
    this.known = known;
  }

  /** The store of `kind` in the cache folder `cache` (empty when there is none or it was written otherwise). */
  static open(cache: string, kind: string, level: number): ChunkStore {
    const folder = join(cache, 'chunks', kind);
    const print = gzipPrint(level);
    const known = new Map<string, string>();
    try {
      const idx = JSON.parse(readFileSync(join(folder, INDEX), 'utf8')) as Index;
      if (idx.print === print && idx.files && typeof idx.files === 'object')
        for (const [h, sig] of Object.entries(idx.files))
          if (ENTRY.test(`${h}.gz`) && typeof sig === 'string') known.set(h, sig);
    } catch {
      // no store yet, or a damaged index: every chunk is compressed
    }
    return new ChunkStore(folder, print, known);
  }

  /** Copies the stored gzip of the chunk whose bytes hash to `hash` to `to`; false when the store has none that
   * is as it was written (then the caller compresses, and `put`s the result). */
  copyTo(hash: string, to: string): boolean {
    const sig = this.known.get(hash) ?? this.used.get(hash);
    if (sig === undefined) return false;
    const path = join(this.folder, `${hash}.gz`);
    try {
      const st = lstatSync(path, { bigint: true, throwIfNoEntry: false });
      if (!st?.isFile() || statSignature(st) !== sig) return false;
      copyFileSync(path, to, constants.COPYFILE_FICLONE);
      this.used.set(hash, sig);
      this.hits++;
      return true;
    } catch {
      rmSync(to, { force: true });
      return false;
    }
  }

  /** Keeps `gz`, the gzip of the chunk whose bytes hash to `hash`. A store that cannot be written only costs the
   * next build its speed. */
  put(hash: string, gz: Uint8Array): void {
    this.misses++;
    const path = join(this.folder, `${hash}.gz`);
    const tmp = `${path}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
    try {
      mkdirSync(this.folder, { recursive: true });
      writeFileSync(tmp, gz);
      renameSync(tmp, path);
      this.used.set(hash, statSignature(lstatSync(path, { bigint: true })));
    } catch {
      rmSync(tmp, { force: true });
    }
  }

  /** Writes the index of the chunks this build used or wrote, and removes the others. */
  save(): void {
    const tmp = join(this.folder, `${INDEX}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
    try {
      mkdirSync(this.folder, { recursive: true });
      const idx: Index = { print: this.print, files: Object.fromEntries(this.used) };
      writeFileSync(tmp, JSON.stringify(idx));
      renameSync(tmp, join(this.folder, INDEX));
      // (also what a build that stopped half-way left: a write in progress by another build fails its rename)
      for (const f of readdirSync(this.folder))
        if ((ENTRY.test(f) && !this.used.has(f.slice(0, 64))) || f.endsWith('.tmp'))
          rmSync(join(this.folder, f), { force: true });
    } catch {
      rmSync(tmp, { force: true });
    }
  }
}
