// Opening the files a build is given (articles, sources.json, custom places, --geodata files) so that a corpus
// folder cannot trick the build:
// - no symbolic link is followed, at any level below the folder: a link can publish /etc/passwd, or point at
//   /dev/zero, or make one article count as two sources. Each link met is reported with what it points at.
// - only regular files are read: a FIFO named x.txt blocked the build forever, a socket or device never ends.
// - reading stops at a byte limit whatever stat says (/proc files say 0 bytes; a file may grow while read).

import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  openSync,
  readSync,
  realpathSync,
  type Stats,
} from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';

export type ReadOutcome =
  { ok: true; bytes: Buffer } | { ok: false; missing: boolean; why: string; tooBig?: boolean };

/** What a non-regular directory entry is, in words. */
export function kindOf(st: Stats): string {
  if (st.isDirectory()) return 'a folder';
  if (st.isFIFO()) return 'a FIFO (named pipe)';
  if (st.isSocket()) return 'a socket';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSymbolicLink()) return 'a symbolic link';
  return 'not a regular file';
}

/** Is `path` (already resolved) `root` or inside it? */
export function isInside(path: string, root: string): boolean {
  const r = relative(root, path);
  return r === '' || (!r.startsWith(`..${sep}`) && r !== '..' && !isAbsolute(r));
}

/** A symbolic link, in words: where it leads relative to `root`, never its target's text. */
export function describeLink(path: string, root: string, rootName = 'the folder'): string {
  let target: string;
  try {
    target = realpathSync(path);
  } catch {
    return 'a symbolic link that leads nowhere (broken)';
  }
  let rootReal = root;
  try {
    rootReal = realpathSync(root);
  } catch {
    // keep root as given
  }
  let what = 'a file';
  try {
    const st = lstatSync(target);
    if (!st.isFile()) what = kindOf(st);
  } catch {
    // keep "a file"
  }
  const where = isInside(target, rootReal) ? 'inside' : 'outside';
  return `a symbolic link to ${what} ${where} ${rootName} (links are never followed)`;
}

/**
 * Read `rel` under `root` (`root` itself may be a link: the caller named it). Refuses links at any level below
 * root and anything but a regular file; reads at most `limit` bytes, and says so when there is more.
 */
export function readRegular(
  root: string,
  rel: string,
  limit: number,
  opts: { limitName?: string; rootName?: string } = {},
): ReadOutcome {
  const overLimit = (size: number | null) => {
    const lim = `${limit / 1048576} MB${opts.limitName ? ` ${opts.limitName}` : ''} limit`;
    return size === null
      ? `more than the ${lim} (it grew while read, or its size is not known)`
      : `${(size / 1048576).toFixed(1)} MB is over the ${lim}`;
  };
  const parts = rel.split('/').filter(Boolean);
  let path = root;
  let st: Stats | undefined;
  for (let i = 0; i < parts.length; i++) {
    path = join(path, parts[i] as string);
    try {
      st = lstatSync(path);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return { ok: false, missing: true, why: 'missing' };
      return { ok: false, missing: false, why: `unreadable (${code ?? (e as Error).message})` };
    }
    if (st.isSymbolicLink())
      return { ok: false, missing: false, why: describeLink(path, root, opts.rootName) };
    if (i < parts.length - 1 && !st.isDirectory()) return { ok: false, missing: true, why: 'missing' };
  }
  if (!st) return { ok: false, missing: false, why: 'no file named' };
  if (!st.isFile()) return { ok: false, missing: false, why: `${kindOf(st)}, not a regular file` };
  if (st.size > limit) return { ok: false, missing: false, why: overLimit(st.size), tooBig: true };
  let fd: number;
  try {
    // O_NOFOLLOW: a link swapped in after the check is refused; O_NONBLOCK: a FIFO swapped in does not block.
    fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (e) {
    return {
      ok: false,
      missing: false,
      why: `unreadable (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
    };
  }
  try {
    const fst = fstatSync(fd);
    if (!fst.isFile() || fst.ino !== st.ino || fst.dev !== st.dev)
      return { ok: false, missing: false, why: 'changed while it was being opened' };
    // Read up to limit + 1 bytes: one byte more than the limit says the file is over it.
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const want = Math.min(1 << 20, limit + 1 - total);
      if (want <= 0) break;
      const buf = Buffer.allocUnsafe(want);
      const n = readSync(fd, buf, 0, want, null);
      if (n === 0) break;
      chunks.push(n === want ? buf : buf.subarray(0, n));
      total += n;
    }
    if (total > limit) return { ok: false, missing: false, why: overLimit(null), tooBig: true };
    return { ok: true, bytes: Buffer.concat(chunks, total) };
  } catch (e) {
    return {
      ok: false,
      missing: false,
      why: `unreadable (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
    };
  } finally {
    closeSync(fd);
  }
}
