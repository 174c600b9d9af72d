// The incident store (scripts/lib/builder/incident-store.ts): a cached build takes each incident whose id and
// claims (their documents' cache keys and places) are a stored one's from the last build's incidents.geojson. Every
// file of the output folder (map/ and its gzip siblings included) must be byte for byte a fresh single-worker
// uncached build's, after adding, changing and removing an article, with 1 and 2 workers, and when the store's file
// was written to or its index is damaged (nothing is reused then). The same for the chunk store
// (scripts/lib/builder/chunk-store.ts): the map chunks' gzip siblings copied from the last build's.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/lib/load.ts';
import { CLI as cli, LONG, TSX as tsx, expectSameFolder, seed, workspace } from './cli-fixture.ts';

const ws = workspace('sahel-store-');
const { work, corpus, cache, out, lite } = ws;

/** The gzip siblings the last build took from the chunk store: of claims chunks, of text chunks (-1: no line). */
let gzReused = { claims: -1, texts: -1 };
/** The stored incidents the last build took with their map-layer row (-1: no line). */
let rowsReused = -1;
/** The claims chunks the last build linked as a stored layer's chunk, without joining their entries (-1: no line). */
let chunksLinked = -1;
/** The text chunks the last build linked as the last build's chunk of the same documents' keys (-1: no line). */
let textsLinked = -1;

/** A build; returns how many incidents came from the store (the --timings line). */
function build(args: string[], to = out): number {
  const r = spawnSync(
    tsx,
    [cli, '--quiet', '--timings', '--in', corpus, '--out', to, '--geodata', lite, ...args],
    { encoding: 'utf8', cwd: ROOT },
  );
  expect(r.status, r.stderr).toBe(0);
  const m =
    /map layer \((\d+) incidents from the store, (\d+) with their map rows, (\d+) claims chunks' gzip reused, (\d+) of them not joined\)/.exec(
      r.stderr,
    );
  const t = /(\d+) text chunks' gzip reused, (\d+) of them not joined\)/.exec(r.stderr);
  textsLinked = t ? Number(t[2]) : -1;
  gzReused = { claims: m ? Number(m[3]) : -1, texts: t ? Number(t[1]) : -1 };
  rowsReused = m ? Number(m[2]) : -1;
  chunksLinked = m ? Number(m[4]) : -1;
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

const manifest = (dir: string): { claims_chunks: number; text_chunks: number } =>
  JSON.parse(readFileSync(join(dir, 'map/manifest.json'), 'utf8')) as { claims_chunks: number; text_chunks: number };

beforeAll(() => seed(ws));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('incident store', () => {
  it('an added, changed or removed article reuses the other incidents, with the same bytes', () => {
    const reference = fresh('ref');
    expect(build(['--cache', cache, '--workers', '2'])).toBe(0);
    expect(gzReused).toEqual({ claims: 0, texts: 0 });
    expectSameFolder(out, reference);
    const all = incidents(reference);
    expect(all).toBeGreaterThan(5);
    const chunks = manifest(reference);

    const added = join(corpus, 'added.txt');
    writeFileSync(added, 'Gunmen attacked Gao on 3 May 2024, killing 4 soldiers.\n');
    expect(build(['--cache', cache, '--workers', '1'])).toBe(all);
    expect(rowsReused).toBe(all);
    const refAdded = fresh('ref-added');
    expectSameFolder(out, refAdded);
    // At most the chunks the new article's source and incident went into (perhaps split in two) were compressed
    // again; the others' gzip came from the chunk store (the bundled corpus has few chunks: chunk-store.test.ts
    // counts on a larger layer).
    const grown = manifest(refAdded);
    expect(gzReused.texts).toBeGreaterThanOrEqual(Math.min(chunks.text_chunks, grown.text_chunks) - 2);
    expect(gzReused.claims).toBeGreaterThanOrEqual(Math.min(chunks.claims_chunks, grown.claims_chunks) - 2);
    // and those were linked as the stored chunks they are, their entries not joined again.
    expect(chunksLinked).toBeGreaterThanOrEqual(Math.min(chunks.claims_chunks, grown.claims_chunks) - 2);
    expect(chunksLinked).toBeLessThanOrEqual(gzReused.claims);
    expect(textsLinked).toBeGreaterThanOrEqual(Math.min(chunks.text_chunks, grown.text_chunks) - 2);
    expect(textsLinked).toBeLessThanOrEqual(gzReused.texts);

    // The changed article's incident is built again (its document's key changed); the others are reused.
    writeFileSync(added, 'Gunmen attacked Gao on 3 May 2024, killing 5 soldiers, and Kidal on 4 May.\n');
    const changed = build(['--cache', cache, '--workers', '2']);
    expect(rowsReused).toBe(all);
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
    // The map rows damaged (the last bytes of the index: the rows' lists): the features are reused, their rows
    // built from them again, the same bytes.
    writeFileSync(added, 'Troops withdrew from Kidal on 5 May 2024.\n');
    const before = readFileSync(join(cache, 'incidents', 'index.bin'));
    expect(before.includes('"rows":{')).toBe(true);
    const damaged = Buffer.from(before);
    damaged.writeUInt8(damaged.readUInt8(damaged.length - 1) ^ 0xff, damaged.length - 1);
    writeFileSync(join(cache, 'incidents', 'index.bin'), damaged);
    const all = build(['--cache', cache, '--workers', '1']);
    expect(all).toBeGreaterThan(5);
    expect(rowsReused).toBe(0);
    expect(chunksLinked).toBe(0);
    expectSameFolder(out, fresh('ref-rows-damaged'));
    // A damaged index: nothing reused, the same bytes all the same. The chunk store likewise: a stored gzip
    // written to (other bytes) is not copied, and a damaged index is read as none.
    rmSync(added);
    const index = join(cache, 'incidents', 'index.bin');
    writeFileSync(index, readFileSync(index).subarray(0, 200));
    const claimsGz = join(cache, 'chunks', 'claims');
    for (const f of readdirSync(claimsGz)) if (f.endsWith('.gz')) writeFileSync(join(claimsGz, f), 'not gzip');
    writeFileSync(join(cache, 'chunks', 'texts', 'index.json'), '{"print":');
    expect(build(['--cache', cache, '--workers', '2'])).toBe(0);
    expect(gzReused).toEqual({ claims: 0, texts: 0 });
    expectSameFolder(out, fresh('ref-damaged'));
    expect(existsSync(join(cache, 'chunks', 'texts', 'index.json'))).toBe(true);
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
