// The output memo: what the last build into an output folder was built from (a key over every input: each
// document's cache key, the skipped files, the input warnings, the code, the geodata, Node's and zlib's versions)
// and the identity of every file it wrote there (size, inode, modification and change times in nanoseconds). A
// build whose key is the memo's, into a folder whose files are all still those, would write the very same bytes:
// it leaves the folder as it is. Any other build, or any change to a file of the folder, and the memo stands for
// nothing (the folder is built as usual and the memo written again).

import { createHash } from 'node:crypto';
import { lstatSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { SkippedDoc } from '../../../src/pipeline/build.ts';
import type { InputWarning } from '../report-text.ts';
import { memoPath, writeAtomic } from './atomic.ts';
import { statSignature } from './scan-memo.ts';

/** Bump when the memo's layout or what its key covers changes. */
const LAYOUT = 1;

/** What the summary line and stderr say of a build, kept so that a build left as it was says it again. */
export interface BuildSummary {
  counts: Record<string, number>;
  customErrors: string[];
  warnings: number;
}

export interface OutputMemo {
  key: string;
  /** Every file below the output folder (path relative to it) with its identity, sorted by path. */
  files: [string, string][];
  summary: BuildSummary;
}

/** The key of a build's inputs. `docKeys`: the documents' cache keys in build order (cache.ts docKey: content,
 * id, file, format, metadata, code and geodata fingerprints); `cli`: scripts/build-data.ts's bytes. */
export function outputKey(k: {
  docKeys: readonly string[];
  skipped: readonly SkippedDoc[];
  warnings: readonly InputWarning[];
  code: string;
  geodata: string;
  cli: Uint8Array;
  corpus: string;
}): string {
  const h = createHash('sha256');
  h.update(createHash('sha256').update(k.cli).digest('hex'));
  // gzip's bytes are zlib's: another zlib may compress the map's chunks otherwise.
  h.update(JSON.stringify([LAYOUT, process.version, process.versions.zlib, k.code, k.geodata, k.corpus]));
  h.update(JSON.stringify([k.skipped, k.warnings]));
  for (const d of k.docKeys) h.update(d);
  return h.digest('hex');
}

/** Every file below `dir` with its identity, sorted; null when the folder holds anything but files and folders
 * (a link: the build would not write one) or cannot be read. */
/** The listing `after`, when it holds the files of `before` (the same names, devices, inodes, sizes and mtimes;
 * only ctimes moved, as when the folder an output replaced was removed and some of its files were links of
 * these); else null. */
export function settledOutput(
  before: readonly [string, string][],
  after: [string, string][] | null,
): [string, string][] | null {
  if (!after || after.length !== before.length) return null;
  const bare = (s: string) => s.slice(0, s.lastIndexOf(':'));
  return after.every(([n, s], i) => n === before[i]![0] && bare(s) === bare(before[i]![1])) ? after : null;
}

export function listOutput(dir: string): [string, string][] | null {
  const out: [string, string][] = [];
  const walk = (rel: string): boolean => {
    let names: string[];
    try {
      names = readdirSync(join(dir, rel)).sort();
    } catch {
      return false;
    }
    for (const n of names) {
      const r = rel ? `${rel}/${n}` : n;
      const st = lstatSync(join(dir, r), { bigint: true, throwIfNoEntry: false });
      if (st?.isDirectory()) {
        if (!walk(r)) return false;
      } else if (st?.isFile()) out.push([r, statSignature(st)]);
      else return false;
    }
    return true;
  };
  return walk('') ? out.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)) : null;
}

function readMemo(cacheDir: string, outDir: string): OutputMemo | null {
  try {
    const j = JSON.parse(readFileSync(memoPath(cacheDir, 'outputs', outDir), 'utf8')) as {
      layout?: unknown;
    } & OutputMemo;
    const s = j.summary;
    const ok =
      j.layout === LAYOUT &&
      typeof j.key === 'string' &&
      Array.isArray(j.files) &&
      j.files.every((f) => Array.isArray(f) && f.length === 2 && f.every((x) => typeof x === 'string')) &&
      typeof s === 'object' &&
      s !== null &&
      typeof s.counts === 'object' &&
      s.counts !== null &&
      Object.values(s.counts).every((n) => Number.isSafeInteger(n)) &&
      Array.isArray(s.customErrors) &&
      s.customErrors.every((e) => typeof e === 'string') &&
      Number.isSafeInteger(s.warnings);
    return ok ? { key: j.key, files: j.files, summary: s } : null;
  } catch {
    return null;
  }
}

/** The summary of the last build into `outDir` when it was built from `key` and every file it wrote there is
 * still the one it wrote (and no other is there), else null. */
export function unchangedOutput(cacheDir: string, outDir: string, key: string): BuildSummary | null {
  const memo = readMemo(cacheDir, outDir);
  if (!memo || memo.key !== key) return null;
  const now = listOutput(outDir);
  if (!now || now.length !== memo.files.length) return null;
  for (let i = 0; i < now.length; i++) {
    const a = now[i] as [string, string];
    const b = memo.files[i] as [string, string];
    if (a[0] !== b[0] || a[1] !== b[1]) return null;
  }
  return memo.summary;
}

/** Remembers the build of `key` into `outDir`; `files`: listOutput of the staged folder, taken before it was
 * moved into place (a move of the folder changes none of its files' identities; another build's folder moved in
 * meanwhile has other inodes, so the memo then matches nothing). */
export function writeOutputMemo(
  cacheDir: string,
  outDir: string,
  memo: { key: string; files: [string, string][]; summary: BuildSummary },
): void {
  const data = JSON.stringify({ layout: LAYOUT, ...memo });
  writeAtomic(join(cacheDir, 'outputs'), memoPath(cacheDir, 'outputs', outDir), data);
}
