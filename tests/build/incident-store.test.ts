// The incident store (scripts/lib/builder/incident-store.ts): a cached build takes each incident whose id and
// claims (their documents' cache keys and places) are a stored one's from the last build's incidents.geojson. Every
// file of the output folder (map/ and its gzip siblings included) must be byte for byte a fresh single-worker
// uncached build's, after adding, changing and removing an article, with 1 and 2 workers, and when the store's file
// was written to or its index is damaged (nothing is reused then).
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/lib/load.ts';
import { CLI as cli, LONG, TSX as tsx, expectSameFolder, seed, workspace } from './cli-fixture.ts';

const ws = workspace('sahel-store-');
const { work, corpus, cache, out, lite } = ws;

/** A build; returns how many incidents came from the store (the --timings line). */
function build(args: string[], to = out): number {
  const r = spawnSync(
    tsx,
    [cli, '--quiet', '--timings', '--in', corpus, '--out', to, '--geodata', lite, ...args],
    { encoding: 'utf8', cwd: ROOT },
  );
  expect(r.status, r.stderr).toBe(0);
  const m = /map layer \((\d+) incidents from the store\)/.exec(r.stderr);
  return m ? Number(m[1]) : -1;
}

/** A fresh, single-worker, uncached build of the corpus as it is now. */
const fresh = (name: string): string => {
  const to = join(work, name);
  expect(build(['--no-cache', '--workers', '1'], to)).toBe(0);
  return to;
};

/** The store's data files. */
const stored = (): string[] => readdirSync(join(cache, 'incidents')).filter((f) => f.endsWith('.geojson'));

const incidents = (dir: string): number =>
  (JSON.parse(readFileSync(join(dir, 'incidents.geojson'), 'utf8')) as { features: unknown[] }).features.length;

beforeAll(() => seed(ws));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('incident store', () => {
  it('an added, changed or removed article reuses the other incidents, with the same bytes', () => {
    const reference = fresh('ref');
    expect(build(['--cache', cache, '--workers', '2'])).toBe(0);
    expectSameFolder(out, reference);
    const all = incidents(reference);
    expect(all).toBeGreaterThan(5);

    const added = join(corpus, 'added.txt');
    writeFileSync(added, 'Gunmen attacked Gao on 3 May 2024, killing 4 soldiers.\n');
    expect(build(['--cache', cache, '--workers', '1'])).toBe(all);
    expectSameFolder(out, fresh('ref-added'));

    // The changed article's incident is built again (its document's key changed); the others are reused.
    writeFileSync(added, 'Gunmen attacked Gao on 3 May 2024, killing 5 soldiers, and Kidal on 4 May.\n');
    const changed = build(['--cache', cache, '--workers', '2']);
    const refChanged = fresh('ref-changed');
    expectSameFolder(out, refChanged);
    expect(changed).toBe(all);
    expect(incidents(refChanged)).toBeGreaterThan(all);

    rmSync(added);
    expect(build(['--cache', cache, '--workers', '1'])).toBe(all);
    expectSameFolder(out, reference);
  }, LONG);

  it('a store whose file was written to, or whose index is damaged, is not read', () => {
    build(['--cache', cache]); // the output memo may leave the folder as it is (no grouping then)
    const added = join(corpus, 'added2.txt');
    writeFileSync(added, 'Troops withdrew from Kidal on 4 May 2024.\n');
    // The store's file is the output's incidents.geojson: written to (same bytes even), it is not trusted.
    const geojson = join(out, 'incidents.geojson');
    writeFileSync(geojson, readFileSync(geojson));
    expect(build(['--cache', cache, '--workers', '1'])).toBe(0);
    expectSameFolder(out, fresh('ref-touched'));
    // A damaged index: nothing reused, the same bytes all the same.
    rmSync(added);
    const index = join(cache, 'incidents', 'index.bin');
    writeFileSync(index, readFileSync(index).subarray(0, 200));
    expect(build(['--cache', cache, '--workers', '2'])).toBe(0);
    expectSameFolder(out, fresh('ref-damaged'));
    // The output folder removed: its file's link count moved, so the store is not read either.
    writeFileSync(added, 'Troops withdrew from Kidal on 4 May 2024.\n');
    rmSync(out, { recursive: true });
    expect(build(['--cache', cache, '--workers', '1'])).toBe(0);
    expectSameFolder(out, fresh('ref-removed'));
    // The store's file is the last build's; earlier ones are removed once no output folder holds them.
    expect(stored()).toHaveLength(1);
    // Another output folder reads it (the first folder's file is untouched).
    expect(build(['--cache', cache, '--workers', '1'], join(work, 'other'))).toBe(incidents(out));
    expectSameFolder(join(work, 'other'), out);
    // The first folder's file is still held by the output, so it is kept, and that folder's output memo stands: a
    // build from the same inputs leaves it as it is (no grouping).
    const held = stored();
    expect(held).toHaveLength(2);
    expect(build(['--cache', cache, '--workers', '1'])).toBe(-1);
    expectSameFolder(out, join(work, 'ref-removed'));
    // Once that folder is gone, the next build removes its file from the store (the other folder's stays).
    rmSync(out, { recursive: true });
    build(['--cache', cache, '--workers', '1'], join(work, 'third'));
    expect(stored().filter((f) => held.includes(f))).toHaveLength(1);
    expect(stored()).toHaveLength(2);
  }, LONG);
});
