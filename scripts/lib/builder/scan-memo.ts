// What the last scan of a corpus folder learnt of each article (its SHA-256, decoded length and decoding warning),
// kept in the build cache by the file's identity (size, inode, modification and change times in nanoseconds), so
// an unchanged file is not read and hashed again: at 20k articles reading and hashing every file was most of an
// incremental rebuild's scan. Any write to a file changes its ctime, which no tool can set back; a file whose ctime
// is too recent to tell a later write in the same clock tick apart is not remembered (it is read next time).

import { readFileSync, type BigIntStats } from 'node:fs';
import { join } from 'node:path';
import { memoPath, writeAtomic } from './atomic.ts';

/** Bump when the memo's layout or what it stands for changes. */
const LAYOUT = 1;
/** A file changed less than this before it was looked at is read again next time (coarse clocks tick in ms). */
const SETTLE_NS = 2_000_000_000n;

export interface ScanFact {
  sha256: string;
  chars: number;
  /** The decoding warning the file gave ("not valid UTF-8; ..."), or null. */
  warning: string | null;
}

/** The file's identity: what any change to it changes. */
export const statSignature = (st: BigIntStats): string =>
  `${st.dev}:${st.ino}:${st.size}:${st.mtimeNs}:${st.ctimeNs}`;

/** Facts by file name; `remember` keeps a fact for the next scan when the file has settled. */
export class ScanMemo {
  private readonly next = new Map<string, [string, ScanFact]>();
  /** `nowNs`: the scan's start on the clock file times are stamped by. */
  constructor(
    private readonly known: ReadonlyMap<string, [string, ScanFact]> = new Map(),
    private readonly nowNs = BigInt(Date.now()) * 1_000_000n,
  ) {}

  /** The fact of `file` when its identity is the one remembered. */
  recall(file: string, st: BigIntStats): ScanFact | null {
    const k = this.known.get(file);
    if (!k || k[0] !== statSignature(st)) return null;
    this.next.set(file, k);
    return k[1];
  }

  remember(file: string, st: BigIntStats, fact: ScanFact): void {
    if (st.ctimeNs + SETTLE_NS < this.nowNs && st.mtimeNs + SETTLE_NS < this.nowNs)
      this.next.set(file, [statSignature(st), fact]);
  }

  /** What the next scan may recall (files gone since are forgotten). */
  toJSON(): unknown {
    return {
      layout: LAYOUT,
      files: [...this.next].map(([f, [sig, x]]) => [f, sig, x.sha256, x.chars, x.warning]),
    };
  }
}

const isFact = (x: unknown): x is [string, string, string, number, string | null] =>
  Array.isArray(x) &&
  x.length === 5 &&
  typeof x[0] === 'string' &&
  typeof x[1] === 'string' &&
  typeof x[2] === 'string' &&
  /^[0-9a-f]{64}$/.test(x[2]) &&
  Number.isSafeInteger(x[3]) &&
  (x[4] === null || typeof x[4] === 'string');

/** The memo of the last scan of `corpus`; empty when there is none or it is not ours. */
export function readScanMemo(cacheDir: string, corpus: string, nowNs?: bigint): ScanMemo {
  try {
    const j = JSON.parse(readFileSync(memoPath(cacheDir, 'scan', corpus), 'utf8')) as {
      layout?: unknown;
      files?: unknown;
    };
    if (j.layout !== LAYOUT || !Array.isArray(j.files)) return new ScanMemo(new Map(), nowNs);
    const known = new Map<string, [string, ScanFact]>();
    for (const x of j.files as unknown[])
      if (isFact(x)) known.set(x[0], [x[1], { sha256: x[2], chars: x[3], warning: x[4] }]);
    return new ScanMemo(known, nowNs);
  } catch {
    return new ScanMemo(new Map(), nowNs);
  }
}

/** Stores the memo (beside its place, then renamed); a cache that cannot be written only costs speed. */
export function writeScanMemo(cacheDir: string, corpus: string, memo: ScanMemo): void {
  writeAtomic(join(cacheDir, 'scan'), memoPath(cacheDir, 'scan', corpus), JSON.stringify(memo));
}
