// The gzip store (in the cache folder under chunks/<kind>/): the gzip sibling of every map/ chunk the last build
// wrote, named by the SHA-256 of the chunk's bytes. A chunk is cut where its items' ids say (output-chunks.ts
// contentCut), so an incremental build writes mostly the chunks it wrote last time, byte for byte: their `.gz`
// is copied from the store instead of compressed again (gzip at level 6 was most of the map layer's CPU). gzip's
// bytes are a function of the input, zlib's version and the options, which the store's print covers; a stored file
// is used only while its identity (inode, size, mtime, ctime) is the one recorded after it was written, so a file
// written to, or a damaged index, costs a compression, never a wrong byte. The store holds its own files and the
// output gets copies (a hard link would share the inode: linking it again into another output folder would move
// the ctime of the first folder's file and so undo that folder's output memo, output-memo.ts).
// Better still, a build into the folder the last build wrote (`target`) hard-links a chunk and its `.gz` from that
// folder's files, which the index names with their identities: that folder is being replaced by this build, so
// only its own output memo is undone by the link (the build replaces it), and removing it then costs only the
// changed chunks' blocks.

import { createHash, randomBytes } from 'node:crypto';
import {
  constants,
  copyFileSync,
  linkSync,
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
const HEX64 = /^[0-9a-f]{64}$/;
/** A chunk's path in an output folder, as the index may name it. */
const SAFE_REL = /^map\/(claims|texts)\/[0-9]+\.json$/;
/** The stores: the grouping worker's claims chunks, the main thread's text chunks. */
const KINDS = ['claims', 'texts'];

interface Index {
  print: string;
  /** hash -> statSignature of its file. */
  files: Record<string, string>;
  /** The output folder the last build wrote: each chunk's path in it and the identities of the chunk and its gzip. */
  out?: { dir: string; files: Record<string, [string, string, string]> };
  /** Chunks known by what they hold: the SHA-256 of their items' keys (in order) -> the hash of their bytes (the
   * text chunks, whose sources' JSON is a function of their documents' cache keys). */
  keyed?: Record<string, string>;
}

/** A file's identity without its ctime (which a link or unlink of another name of the same inode moves). */
export const sameFile = (a: string, b: string): boolean =>
  a.slice(0, a.lastIndexOf(':')) === b.slice(0, b.lastIndexOf(':'));

/** After the output folder `target` was moved into place (the folder it replaced removed, whose unlinks moved the
 * ctime of every chunk linked from it): the identities the indexes record for its chunks taken again, for each
 * file that is still the one written (device, inode, size, mtime); the others are dropped (written again next
 * time). */
export function resignOutput(cache: string, target: string): void {
  for (const kind of KINDS) {
    const folder = join(cache, 'chunks', kind);
    const index = join(folder, INDEX);
    const tmp = `${index}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
    try {
      const idx = JSON.parse(readFileSync(index, 'utf8')) as Index;
      if (idx.out?.dir !== target) continue;
      const files: Record<string, [string, string, string]> = {};
      for (const [h, [rel, a, b]] of Object.entries(idx.out.files)) {
        if (!SAFE_REL.test(rel)) continue;
        const sa = lstatSync(join(target, rel), { bigint: true, throwIfNoEntry: false });
        const sb = lstatSync(join(target, `${rel}.gz`), { bigint: true, throwIfNoEntry: false });
        if (!sa?.isFile() || !sb?.isFile()) continue;
        const [na, nb] = [statSignature(sa), statSignature(sb)];
        if (sameFile(na, a) && sameFile(nb, b)) files[h] = [rel, na, nb];
      }
      writeFileSync(tmp, JSON.stringify({ ...idx, out: { dir: target, files } }));
      renameSync(tmp, index);
    } catch {
      rmSync(tmp, { force: true });
    }
  }
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
  /** This build's chunks in its output folder (for the next build's links). */
  private readonly outFiles = new Map<string, [string, string, string]>();
  hits = 0;
  /** Chunks linked from the last build's output folder. */
  linked = 0;
  misses = 0;
  /** The last build's chunks by their keys' hash (Index.keyed), and this build's. */
  private readonly keyed: Map<string, string>;
  private readonly nextKeyed = new Map<string, string>();

  private constructor(
    private readonly folder: string,
    private readonly print: string,
    known: Map<string, string>,
    private readonly target: string | null,
    private readonly prev: Map<string, [string, string, string]>,
    keyed: Map<string, string> = new Map(),
  ) {
    this.known = known;
    this.keyed = keyed;
  }

  /** The hash of the bytes of the last build's chunk whose items' keys hash to `keysHash`, if it wrote one. */
  keyedHash(keysHash: string): string | undefined {
    return this.keyed.get(keysHash);
  }

  /** This build's chunk whose items' keys hash to `keysHash` has bytes hashing to `hash`. */
  rememberKeys(keysHash: string, hash: string): void {
    this.nextKeyed.set(keysHash, hash);
  }

  /** The store of `kind` in the cache folder `cache` (empty when there is none or it was written otherwise).
   * `target`: the output folder this build replaces (its chunks may be linked when the last build wrote it). */
  static open(cache: string, kind: string, level: number, target: string | null = null): ChunkStore {
    const folder = join(cache, 'chunks', kind);
    const print = gzipPrint(level);
    const known = new Map<string, string>();
    const prev = new Map<string, [string, string, string]>();
    const keyed = new Map<string, string>();
    try {
      const idx = JSON.parse(readFileSync(join(folder, INDEX), 'utf8')) as Index;
      if (idx.print === print && idx.files && typeof idx.files === 'object') {
        for (const [h, sig] of Object.entries(idx.files))
          if (ENTRY.test(`${h}.gz`) && typeof sig === 'string') known.set(h, sig);
        if (target !== null && idx.out?.dir === target && idx.out.files && typeof idx.out.files === 'object')
          for (const [h, f] of Object.entries(idx.out.files))
            if (
              Array.isArray(f) &&
              f.length === 3 &&
              f.every((x) => typeof x === 'string') &&
              SAFE_REL.test(f[0])
            )
              prev.set(h, f);
        if (idx.keyed && typeof idx.keyed === 'object')
          for (const [k, h] of Object.entries(idx.keyed))
            if (HEX64.test(k) && typeof h === 'string' && HEX64.test(h)) keyed.set(k, h);
      }
    } catch {
      // no store yet, or a damaged index: every chunk is compressed
    }
    return new ChunkStore(folder, print, known, target, prev, keyed);
  }

  /** Hard-links the chunk whose bytes hash to `hash`, and its gzip, from the last build's output folder (when this
   * build replaces it and both files are as that build left them) to `to` and `to`.gz. */
  linkFrom(hash: string, rel: string, to: string): boolean {
    const f = this.prev.get(hash);
    if (!f || this.target === null) return false;
    const from = join(this.target, f[0]);
    try {
      const a = lstatSync(from, { bigint: true, throwIfNoEntry: false });
      const b = lstatSync(`${from}.gz`, { bigint: true, throwIfNoEntry: false });
      if (!a?.isFile() || !b?.isFile() || statSignature(a) !== f[1] || statSignature(b) !== f[2])
        return false;
      linkSync(from, to);
      linkSync(`${from}.gz`, `${to}.gz`);
    } catch {
      rmSync(to, { force: true });
      rmSync(`${to}.gz`, { force: true });
      return false;
    }
    const sig = this.known.get(hash);
    if (sig !== undefined) this.used.set(hash, sig); // the stored gzip stays for another folder's build
    this.prev.delete(hash); // linked once: a second chunk of the same bytes is written
    this.linked++;
    this.wrote(hash, rel, to);
    return true;
  }

  /** The chunk `rel` (bytes hashing to `hash`) and its gzip are written at `to` and `to`.gz. */
  wrote(hash: string, rel: string, to: string): void {
    try {
      const a = statSignature(lstatSync(to, { bigint: true }));
      const b = statSignature(lstatSync(`${to}.gz`, { bigint: true }));
      this.outFiles.set(hash, [rel, a, b]);
    } catch {
      // not linked next time
    }
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
      const idx: Index = {
        print: this.print,
        files: Object.fromEntries(this.used),
        ...(this.target === null
          ? {}
          : { out: { dir: this.target, files: Object.fromEntries(this.outFiles) } }),
        ...(this.nextKeyed.size ? { keyed: Object.fromEntries(this.nextKeyed) } : {}),
      };
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
