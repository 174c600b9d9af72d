// The build cache: one file per built document, content-addressed by a key of everything its result depends on
// (the document's bytes, id, file name, format and metadata, the geodata and lexicon files, the pipeline's code).
// An entry holds the document's record (claims, counts) and its output fragments, with a SHA-256 of them all: an
// entry that is truncated, altered or not ours is ignored (and rebuilt), never trusted.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeAtomic } from './atomic.ts';
import type { SourceMeta } from '../../../src/pipeline/types.ts';
import type { CorpusEntry } from '../corpus.ts';
import { FRAGMENTS, type DocBytes, type DocFragments, type DocRecord } from './fragments.ts';

/** Bump when the entry layout changes. */
const LAYOUT = 3;

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
  return sha256(JSON.stringify([LAYOUT, k.code, k.geodata, k.id, k.file, k.format, k.meta, k.sha256]));
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

/** The entry in `buf` if it is whole and is the entry of `key`, else null. */
export function decodeEntry(key: string, buf: Buffer): CachedEntry | null {
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
    if ((lengths as number[]).reduce((a, b) => a + b, 0) !== body.length || sha256(body) !== h.sha256)
      return null;
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
    return { record: { tally, claims: parts[1] as Uint8Array }, frags };
  } catch {
    return null;
  }
}

/** The cached entry of `key`, or null when there is none or it is not whole. */
export function readEntry(dir: string, key: string): CachedEntry | null {
  let buf: Buffer;
  try {
    buf = readFileSync(entryPath(dir, key));
  } catch {
    return null;
  }
  return decodeEntry(key, buf);
}

/** Store an entry: written beside its place and renamed into it, so a reader never sees half an entry. A cache
 * that cannot be written (disk full, read-only) only costs the next build its speed: false is returned. */
export function writeEntry(dir: string, key: string, e: CacheEntry): boolean {
  return writeAtomic(join(dir, key.slice(0, 2)), entryPath(dir, key), encodeEntry(key, e));
}
