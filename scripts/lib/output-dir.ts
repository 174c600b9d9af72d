// Where a build writes: the output folder is written whole into a temporary folder beside it and moved into place
// only when every file is complete, so a crashed build never leaves new incidents beside the last build's
// report. The folder must not be, hold or sit inside the corpus, and is replaced only when it holds nothing but
// an earlier build's files (a mistyped --out must not wipe a folder of other things).

import {
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  realpathSync,
  renameSync,
  rmSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { rm } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join, resolve } from 'node:path';
import { isInside } from './safe-read.ts';

/** A path with its existing part resolved (links, ".."), for comparing folders that may not exist yet. */
export function resolveExisting(path: string): string {
  const abs = resolve(path);
  let head = abs;
  const tail: string[] = [];
  while (!existsSync(head)) {
    const up = dirname(head);
    if (up === head) break;
    tail.unshift(basename(head));
    head = up;
  }
  let real = head;
  try {
    real = realpathSync(head);
  } catch {
    // keep head
  }
  return join(real, ...tail);
}

/** Why --out cannot be used with --in, or null. Both compared after resolving links. */
export function outVersusIn(outDir: string, inDir: string): string | null {
  const out = resolveExisting(outDir);
  const inn = resolveExisting(inDir);
  if (out === inn)
    return `--out and --in are the same folder (${inn}): the build would overwrite the corpus's sources.json and read its own report as an article next time; choose an output folder outside the corpus`;
  if (isInside(out, inn))
    return `--out ${out} is inside the corpus folder --in ${inn}: the next build would read the output as articles; choose an output folder outside the corpus`;
  if (isInside(inn, out))
    return `the corpus folder --in ${inn} is inside --out ${out}: replacing the output folder would delete the corpus; choose another output folder`;
  return null;
}

/**
 * Why `outDir` may not be replaced by a build, or null: it exists and is no folder, or holds entries a build does
 * not write (`ours`: the top-level names of its files). Asked before building too, so a refusal costs nothing.
 */
export function checkOutputDir(outDir: string, ours: ReadonlySet<string>): string | null {
  if (!existsSync(outDir)) return null;
  const target = realpathSync(outDir); // --out may be a link to the folder: replace the folder, keep the link
  if (!lstatSync(target).isDirectory()) return `--out ${target} exists and is not a folder`;
  const foreign = readdirSync(target).filter((n) => !ours.has(n));
  if (foreign.length === 0) return null;
  const shown = foreign.slice(0, 5).map((n) => JSON.stringify(n));
  return (
    `--out ${target} holds ${foreign.length} entr${foreign.length === 1 ? 'y' : 'ies'} a build does not write ` +
    `(${shown.join(', ')}${foreign.length > 5 ? ', ...' : ''}); it is replaced as a whole, so give an empty ` +
    'folder, a new one or an earlier output folder'
  );
}

export type OutputFile = readonly [path: string, content: () => string | Uint8Array];

/** A new output folder being written: `dir` is a temporary folder beside the target; `commit` moves it into
 * place (the previous build is removed only then), `abort` removes it and leaves the previous build as it was.
 * `commitThenRemove` is `commit` whose removal of the previous build runs on libuv's threads: the returned promise
 * settles once it is gone (it never rejects; await it before exiting so that no folder is left behind). */
export interface StagedOutput {
  dir: string;
  commit(): void;
  commitThenRemove(): Promise<void>;
  abort(): void;
}

/** Unlink, under `dir`, every file with another name (nlink > 1: a map chunk the new output linked from it, the
 * incident store's link of its incidents.geojson). These unlinks move the ctime of the other names' inode, which the
 * output memo and the chunk store record after the commit, so they are done before; they free no block. What is
 * left has no other name, and removing it changes no other file's identity. */
function unlinkShared(dir: string): void {
  let names;
  try {
    names = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const d of names) {
    const path = join(dir, d.name);
    if (d.isDirectory()) unlinkShared(path);
    else if (d.isFile() && (lstatSync(path, { throwIfNoEntry: false })?.nlink ?? 0) > 1)
      try {
        unlinkSync(path);
      } catch {
        // removed with the rest
      }
  }
}

/** Start writing the new content of `outDir`. `ours` are the top-level names a build writes. */
export function stageOutputDir(outDir: string, ours: ReadonlySet<string>): StagedOutput {
  const refused = checkOutputDir(outDir, ours);
  if (refused) throw new Error(refused);
  const target = existsSync(outDir) ? realpathSync(outDir) : resolve(outDir);
  const parent = dirname(target);
  mkdirSync(parent, { recursive: true });
  const tag = `${process.pid}-${randomBytes(4).toString('hex')}`;
  const tmp = join(parent, `.${basename(target)}.tmp-${tag}`);
  const old = join(parent, `.${basename(target)}.old-${tag}`);
  mkdirSync(tmp);
  const abort = () => rmSync(tmp, { recursive: true, force: true });
  /** Moves the new folder into place; returns the earlier folders moved aside. */
  const swap = (): string[] => {
    const again = checkOutputDir(outDir, ours); // it may have changed while the build ran
    if (again) throw new Error(again);
    const moved: string[] = []; // earlier folders moved aside, removed once the new one is in place
    try {
      // Two builds into one folder at once (parallel test runs): each swap may find the other's folder there.
      for (let attempt = 0; ; attempt++) {
        const aside = `${old}-${attempt}`;
        try {
          renameSync(target, aside);
          moved.push(aside);
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
        }
        try {
          renameSync(tmp, target);
          break;
        } catch (e) {
          const code = (e as NodeJS.ErrnoException).code;
          if (attempt >= 3 || (code !== 'ENOTEMPTY' && code !== 'EEXIST')) throw e;
        }
      }
    } catch (e) {
      const first = moved[0];
      if (first && !existsSync(target)) renameSync(first, target); // put the previous build back
      throw e;
    }
    return moved;
  };
  const commit = () => {
    for (const m of swap()) rmSync(m, { recursive: true, force: true });
  };
  const commitThenRemove = () => {
    const moved = swap(); // throws as commit does, before any removal
    for (const m of moved) unlinkShared(m);
    return Promise.all(moved.map((m) => rm(m, { recursive: true, force: true }).catch(() => undefined))).then(
      () => undefined,
    );
  };
  return { dir: tmp, commit, commitThenRemove, abort };
}

/** Write `files` into a staged folder (paths relative to it; content made only when written). */
export function writeStaged(staged: StagedOutput, files: readonly OutputFile[]): void {
  for (const [rel, content] of files) {
    const path = join(staged.dir, rel);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content());
  }
}

/**
 * Write `files` (paths relative to the folder; content made only when written, so a serialisation that throws
 * leaves everything as it was) as the new content of `outDir`. `ours` are the top-level names a build writes.
 */
export function writeOutputDir(
  outDir: string,
  files: readonly OutputFile[],
  ours: ReadonlySet<string>,
): void {
  const staged = stageOutputDir(outDir, ours);
  try {
    writeStaged(staged, files);
    staged.commit();
  } catch (e) {
    staged.abort();
    throw e;
  }
}
