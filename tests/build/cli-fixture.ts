// Shared set-up of the tests that run the build CLI on a copy of the bundled corpus (cli-workers-cache,
// output-memo, incident-store): a temporary folder with the corpus, a cache and the geodata without its village
// layers, and the byte-for-byte comparison of two output folders.
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { listOutput } from '../../scripts/lib/builder/output-memo.ts';
import { ROOT } from '../../scripts/lib/load.ts';

export const TSX = join(ROOT, 'node_modules/.bin/tsx');
export const CLI = join(ROOT, 'scripts/build-data.ts');

/** Two to four whole builds a test: seconds each on a quiet machine, over a minute each at a load of 13 on 2 cores
 * (the 60 s default timed out there). A ceiling, not a speed target. */
export const LONG = 300_000;

/** The geodata files these tests leave out: the village layers (15 MB; most of each build's start-up, and each of
 * 4 workers loads them again). The tests compare builds with each other, not places. */
const VILLAGE_LAYERS = ['gazetteer-sahel.json', 'osm-places-sahel.json', 'admin2.geojson'].map((f) =>
  join(ROOT, 'geodata', f),
);

/** Copy the project's geodata, without the corpus and the village layers, to `to`. */
export function copyLiteGeodata(to: string): void {
  cpSync(join(ROOT, 'geodata'), to, {
    recursive: true,
    filter: (src) => !src.startsWith(join(ROOT, 'geodata/sources')) && !VILLAGE_LAYERS.includes(src),
  });
}

export interface Workspace {
  work: string;
  corpus: string;
  cache: string;
  out: string;
  /** The geodata without the village layers (copyLiteGeodata). */
  lite: string;
}

/** A new temporary folder's paths; `seed` fills it. */
export function workspace(prefix: string): Workspace {
  const work = mkdtempSync(join(tmpdir(), prefix));
  return {
    work,
    corpus: join(work, 'corpus'),
    cache: join(work, 'cache'),
    out: join(work, 'out'),
    lite: join(work, 'geodata-lite'),
  };
}

/** Copy the bundled corpus and the lite geodata into the workspace. */
export function seed(ws: Workspace): void {
  cpSync(join(ROOT, 'geodata/sources'), ws.corpus, { recursive: true });
  copyLiteGeodata(ws.lite);
}

/** Every file of two output folders (map/ and the gzip siblings included), byte for byte. */
export function expectSameFolder(a: string, b: string): void {
  const names = (d: string) => (listOutput(d) ?? []).map(([f]) => f);
  expect(names(a)).toEqual(names(b));
  for (const f of names(a)) expect(readFileSync(join(a, f)).equals(readFileSync(join(b, f))), f).toBe(true);
}
