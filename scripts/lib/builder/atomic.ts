// Files of the build cache: written beside their place and renamed into it, so a reader never sees half of one;
// a memo per folder (a corpus, an output folder) named by the folder's real path.

import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, realpathSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where the memo of `folder` lives in `cacheDir`'s subfolder `sub`: one file per folder. */
export function memoPath(cacheDir: string, sub: string, folder: string): string {
  let real = folder;
  try {
    real = realpathSync(folder);
  } catch {
    // no folder (yet): its memo matches nothing, or the scan says what is wrong
  }
  return join(cacheDir, sub, `${createHash('sha256').update(real).digest('hex').slice(0, 32)}.json`);
}

/** A cache that cannot be written (disk full, read-only) only costs the next build its speed: false then. */
export function writeAtomic(folder: string, path: string, data: string | Uint8Array): boolean {
  const tmp = `${path}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  try {
    mkdirSync(folder, { recursive: true });
    writeFileSync(tmp, data);
    renameSync(tmp, path);
    return true;
  } catch {
    rmSync(tmp, { force: true });
    return false;
  }
}
