// Fingerprints for the build cache's keys: the pipeline's code (every source file the per-document results depend
// on, and the installed packages' lock) and the geodata folder (gazetteer, village layers, lexicons, custom
// places). Any change to either gives new keys, so no result built by other code or data is reused.

import { createHash } from 'node:crypto';
import { lstatSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { isInside } from '../safe-read.ts';

/** Regular files below `dir`, sorted, never through a link; `skip` folders left out. */
function files(dir: string, skip: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    let names: string[];
    try {
      names = readdirSync(d).sort();
    } catch {
      return;
    }
    for (const n of names) {
      const p = join(d, n);
      const st = lstatSync(p, { throwIfNoEntry: false });
      if (!st || skip.some((s) => isInside(p, s))) continue;
      if (st.isDirectory()) walk(p);
      else if (st.isFile()) out.push(p);
    }
  };
  walk(dir);
  return out;
}

function hashFiles(root: string, paths: readonly string[]): string {
  const h = createHash('sha256');
  for (const p of paths) {
    const bytes = readFileSync(p);
    h.update(`${relative(root, p)}\0${bytes.length}\0`);
    h.update(bytes);
  }
  return h.digest('hex');
}

/** The code a document's result depends on: src/pipeline, src/common, scripts/lib (reading, fragments, escaping)
 * and package-lock.json (chrono-node and the other packages the stages use). */
export function codeFingerprint(root: string): string {
  const paths = ['src/pipeline', 'src/common', 'scripts/lib'].flatMap((d) => files(join(root, d), []));
  const lock = join(root, 'package-lock.json');
  if (lstatSync(lock, { throwIfNoEntry: false })?.isFile()) paths.push(lock);
  return hashFiles(root, paths);
}

/** Every regular file of the geodata folder, except the corpus when it lies inside it (geodata/sources). */
export function geodataFingerprint(dir: string, corpus: string): string {
  const root = resolve(dir);
  return hashFiles(root, files(root, [resolve(corpus)]));
}
