// The build cache: one file per built document, content-addressed by a key of everything its result depends on
// (the document's bytes, id, file name, format and metadata, the geodata and lexicon files, the pipeline's code).
// An entry holds the document's record (claims, counts) and its output fragments, with a SHA-256 of them all: an
// entry that is truncated, altered or not ours is ignored (and rebuilt), never trusted. An entry whose SHA-256 was
// checked by an earlier build is not hashed again while its file's identity (device, inode, size, modification and
// change times) is the one recorded then (EntryMemo): any write to it, or a new file in its place, moves one of
// those, so it is hashed again (at 20k documents the hashing was 1.1 GB, ~1 s of the main thread's merge).

import { createHash } from 'node:crypto';
import { closeSync, fstatSync, lstatSync, openSync, readFileSync, readSync, type BigIntStats } from 'node:fs';
import { join } from 'node:path';
import { writeAtomic } from './atomic.ts';
import { statSignature } from './scan-memo.ts';
import type { SourceMeta } from '../../../src/pipeline/types.ts';
import type { CorpusEntry } from '../corpus.ts';
import { isPackedClaims } from '../../../src/pipeline/claim-index.ts';
import { FRAGMENTS, type DocBytes, type DocFragments, type DocRecord } from './fragments.ts';

/** Bump when what a key stands for changes. */
const KEY_LAYOUT = 3;
/** Bump when the entry layout changes (4: the claims packed, claim-index.ts packClaims). An entry of another layout
 * under a key is not read (it is built again and replaced). */
const LAYOUT = 4;

export interface CacheEntry {
  record: DocRecord;
  frags: DocFragments;
}

/** An entry as read back: the fragments stay bytes. */
export interface CachedEntry {
  record: DocRecord;
  frags: DocBytes;
}

const sha256 = (b: Buffer | string): string => createHash('sha256').update(b).digest('hex');

/** The key of one document's result. `code` and `geodata` are fingerprints (fingerprint.ts). */
export function docKey(k: {
  code: string;
  geodata: string;
  id: string;
  file: string;
  format: string;
  meta: SourceMeta;
  sha256: string;
}): string {
  return sha256(JSON.stringify([KEY_LAYOUT, k.code, k.geodata, k.id, k.file, k.format, k.meta, k.sha256]));
}

/** The keys of documents (build order kept) under the code and geodata fingerprints `code`, `geodata`. */
export const docKeys = (
  docs: readonly Pick<CorpusEntry, 'id' | 'file' | 'format' | 'meta' | 'sha256'>[],
  code: string,
  geodata: string,
): string[] => docs.map((e) => docKey({ ...e, code, geodata }));

export const entryPath = (dir: string, key: string): string => join(dir, key.slice(0, 2), `${key}.entry`);

/** Header line (JSON: layout, key, section lengths in bytes, SHA-256 of the body), then the body: the tally's
 * JSON, the claims' and the fragments. */
export function encodeEntry(key: string, e: CacheEntry): Buffer {
  const sections = [JSON.stringify(e.record.tally), e.record.claims, ...FRAGMENTS.map((f) => e.frags[f])].map(
    (s) => Buffer.from(s),
  );
  const body = Buffer.concat(sections);
  const header = JSON.stringify({
    layout: LAYOUT,
    key,
    lengths: sections.map((s) => s.length),
    sha256: sha256(body),
  });
  return Buffer.concat([Buffer.from(`${header}\n`), body]);
}

/** The entry in `buf` if it is whole and is the entry of `key`, else null. `checked`: its body's SHA-256 was
 * checked before and its file is the one checked then (EntryMemo), so it is not hashed again; everything else (the
 * header, the key, the lengths) is checked all the same. */
export function decodeEntry(key: string, buf: Buffer, checked = false): CachedEntry | null {
  try {
    const nl = buf.indexOf(10);
    if (nl < 0) return null;
    const h = JSON.parse(buf.subarray(0, nl).toString('utf8')) as {
      layout?: unknown;
      key?: unknown;
      lengths?: unknown;
      sha256?: unknown;
    };
    const lengths = h.lengths;
    if (h.layout !== LAYOUT || h.key !== key || !Array.isArray(lengths)) return null;
    if (lengths.length !== FRAGMENTS.length + 2 || !lengths.every((n) => Number.isSafeInteger(n) && n >= 0))
      return null;
    const body = buf.subarray(nl + 1);
    if ((lengths as number[]).reduce((a, b) => a + b, 0) !== body.length) return null;
    if (typeof h.sha256 !== 'string' || (!checked && sha256(body) !== h.sha256)) return null;
    const parts: Buffer[] = [];
    let at = 0;
    for (const n of lengths as number[]) {
      parts.push(body.subarray(at, at + n));
      at += n;
    }
    const tally = JSON.parse((parts[0] as Buffer).toString('utf8')) as DocRecord['tally'];
    if (typeof tally !== 'object' || tally === null) return null;
    // The claims and fragments stay bytes: the claims go to the grouping worker and the fragments to the files
    // as they are (no UTF-8 decoding and encoding again).
    const frags: DocBytes = Object.fromEntries(
      FRAGMENTS.map((f, i) => [f, parts[i + 2] as Uint8Array]),
    ) as Record<keyof DocBytes, Uint8Array>;
    const claims = parts[1] as Uint8Array;
    if (!isPackedClaims(claims)) return null;
    return { record: { tally, claims }, frags };
  } catch {
    return null;
  }
}

/** Bump when the entry memo's layout or what it stands for changes. */
const MEMO_LAYOUT = 1;
const MEMO = 'entries.memo.json';
/** An entry changed less than this before it was checked is hashed again next time (coarse clocks tick in ms). */
const SETTLE_NS = 2_000_000_000n;

/** The identities of the entries whose SHA-256 a build checked (scan-memo.ts's rule: an entry that changed within
 * the clock's granularity of the check is not remembered). Only an optimisation: a missing or damaged memo, or an
 * entry's file that is not the one recorded, means the entry is hashed as before. */
export class EntryMemo {
  private readonly next = new Map<string, string>();
  /** Entries read whose SHA-256 was not hashed (their identity was the one recorded). */
  trusted = 0;
  private constructor(
    private readonly known: ReadonlyMap<string, string>,
    private readonly nowNs: bigint,
  ) {}

  /** The memo in the cache folder `dir` (empty when there is none or it is not whole). */
  static open(dir: string, nowNs = BigInt(Date.now()) * 1_000_000n): EntryMemo {
    const known = new Map<string, string>();
    try {
      const j = JSON.parse(readFileSync(join(dir, MEMO), 'utf8')) as { layout?: unknown; entries?: unknown };
      if (j.layout === MEMO_LAYOUT && Array.isArray(j.entries))
        for (const x of j.entries as unknown[])
          if (Array.isArray(x) && x.length === 2 && typeof x[0] === 'string' && typeof x[1] === 'string')
            known.set(x[0], x[1]);
    } catch {
      // none yet, or damaged: every entry is hashed
    }
    return new EntryMemo(known, nowNs);
  }

  /** Whether the entry `key` in the file of identity `st` was checked by the build that wrote the memo. */
  recall(key: string, st: BigIntStats): boolean {
    const sig = statSignature(st);
    if (this.known.get(key) !== sig) return false;
    this.next.set(key, sig);
    this.trusted++;
    return true;
  }

  /** The entry `key`, in the file of identity `st`, was just checked (`nowNs`: when it was read, at the latest). */
  remember(key: string, st: BigIntStats, nowNs = this.nowNs): void {
    if (st.ctimeNs + SETTLE_NS < nowNs && st.mtimeNs + SETTLE_NS < nowNs)
      this.next.set(key, statSignature(st));
  }

  /** The entry `key` was stored in `dir` by this build (writeEntry: its bytes are the ones hashed into its header,
   * renamed into place whole): remembered as it is now, when it has settled. */
  rememberStored(dir: string, key: string): void {
    const st = lstatSync(entryPath(dir, key), { bigint: true, throwIfNoEntry: false });
    if (st?.isFile()) this.remember(key, st, BigInt(Date.now()) * 1_000_000n);
  }

  /** The entry `key` turned out not to be whole after all (it is built again, under a new file). */
  forget(key: string): void {
    this.next.delete(key);
  }

  /** Keeps the identities of the entries this build read whole (a cache that cannot be written only costs speed). */
  save(dir: string): void {
    writeAtomic(dir, join(dir, MEMO), JSON.stringify({ layout: MEMO_LAYOUT, entries: [...this.next] }));
  }
}

/** The cached entry of `key`, or null when there is none or it is not whole. With `memo`, an entry whose file is
 * the one an earlier build checked is not hashed again, and one checked now is remembered. */
export function readEntry(dir: string, key: string, memo?: EntryMemo): CachedEntry | null {
  let buf: Buffer;
  let st: BigIntStats;
  try {
    const fd = openSync(entryPath(dir, key), 'r');
    try {
      st = fstatSync(fd, { bigint: true });
      buf = Buffer.allocUnsafe(Number(st.size));
      let at = 0;
      for (let n; at < buf.length && (n = readSync(fd, buf, at, buf.length - at, at)) > 0;) at += n;
      if (at !== buf.length) return null; // shorter than it was a moment ago: being replaced
    } finally {
      closeSync(fd);
    }
  } catch {
    return null;
  }
  const checked = memo?.recall(key, st) ?? false;
  const entry = decodeEntry(key, buf, checked);
  if (entry && !checked) memo?.remember(key, st);
  else if (!entry && checked) memo?.forget(key);
  return entry;
}

/** Store an entry: written beside its place and renamed into it, so a reader never sees half an entry. A cache
 * that cannot be written (disk full, read-only) only costs the next build its speed: false is returned. */
export function writeEntry(dir: string, key: string, e: CacheEntry): boolean {
  return writeAtomic(join(dir, key.slice(0, 2)), entryPath(dir, key), encodeEntry(key, e));
}
