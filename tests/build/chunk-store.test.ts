// The chunk store (scripts/lib/builder/chunk-store.ts): a map chunk whose bytes the last build wrote takes that
// build's gzip sibling, copied; the map/ folder is byte for byte what a build without the store writes, after an
// inserted incident and source, and when a stored file was written to or the index damaged (compressed again then).
import { mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, expect, it } from 'vitest';
import { ChunkStore, resignOutput } from '../../scripts/lib/builder/chunk-store.ts';
import { GZIP_LEVEL, MapSources, writeMapLayer } from '../../scripts/lib/map-chunks.ts';
import type { IncidentFeature, SourceOut } from '../../src/pipeline/contract.ts';
import type { ChunkOptions, MapManifest2 } from '../../src/pipeline/output-chunks.ts';
import { corpus } from '../map-layer/corpus.ts';

const work = mkdtempSync(join(tmpdir(), 'sahel-chunk-store-'));
const cache = join(work, 'cache');
afterAll(() => rmSync(work, { recursive: true, force: true }));

const OPTS: ChunkOptions = { contentCut: true, incidentsPerChunk: 16, sourcesPerChunk: 4 };

/** The map layer as the build writes it (sources on one side, incidents on the other), into `name`; returns the
 * folder, the manifest and how many gzip siblings each store gave. */
async function layer(
  name: string,
  incidents: IncidentFeature[],
  sources: SourceOut[],
  stored: boolean,
  o: { cache?: string; target?: string; keyOf?: (s: SourceOut) => string } = {},
) {
  const dir = join(work, name);
  const at = o.cache ?? cache;
  const texts = stored ? ChunkStore.open(at, 'texts', GZIP_LEVEL, o.target ?? null) : null;
  const claims = stored ? ChunkStore.open(at, 'claims', GZIP_LEVEL, o.target ?? null) : null;
  const ms = new MapSources(dir, OPTS, texts);
  for (const s of sources) ms.addJson(JSON.stringify(s), o.keyOf?.(s));
  const written = await ms.finish();
  const m: MapManifest2 = await writeMapLayer(
    dir,
    OPTS,
    incidents.map((f) => [f, undefined] as const),
    written,
    claims,
  );
  texts?.save();
  claims?.save();
  const linked = (texts?.linked ?? 0) + (claims?.linked ?? 0);
  return { dir, m, texts: texts?.hits ?? 0, claims: claims?.hits ?? 0, linked, keyedLinked: ms.keyedLinked };
}

const files = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => statSync(join(dir, f)).isFile())
    .sort();

function expectSame(a: string, b: string): void {
  expect(files(a)).toEqual(files(b));
  for (const f of files(a)) expect(readFileSync(join(a, f)).equals(readFileSync(join(b, f))), f).toBe(true);
  for (const f of files(a).filter((x) => x.endsWith('.gz')))
    expect(gunzipSync(readFileSync(join(a, f))).equals(readFileSync(join(a, f.slice(0, -3)))), f).toBe(true);
}

it('copies the gzip of every unchanged chunk, and writes the bytes a build without the store writes', async () => {
  const { incidents, sources } = corpus(800, 160, true);
  const first = await layer('first', incidents, sources, true);
  expect([first.texts, first.claims]).toEqual([0, 0]);
  expect(first.m.claims_chunks).toBeGreaterThan(20);
  expectSame(first.dir, (await layer('first-plain', incidents, sources, false)).dir);

  const extra = incidents[400]!;
  const grownIncidents = [
    ...incidents.slice(0, 200),
    { ...extra, id: '0badcafe', properties: { ...extra.properties, id: '0badcafe' } },
    ...incidents.slice(200),
  ];
  const grownSources = [...sources.slice(0, 80), { ...sources[3]!, id: 'src-added' }, ...sources.slice(80)];
  const grown = await layer('grown', grownIncidents, grownSources, true);
  expect(grown.claims).toBeGreaterThanOrEqual(grown.m.claims_chunks - 3);
  expect(grown.texts).toBeGreaterThanOrEqual(grown.m.text_chunks - 3);
  expectSame(grown.dir, (await layer('grown-plain', grownIncidents, grownSources, false)).dir);

  // The store holds the last build's chunks only.
  const stored = readdirSync(join(cache, 'chunks', 'claims')).filter((f) => f.endsWith('.gz'));
  expect(stored).toHaveLength(grown.m.claims_chunks);

  // A stored file written to is compressed again; a damaged index is no store.
  const victim = join(cache, 'chunks', 'claims', stored[0]!);
  writeFileSync(victim, readFileSync(victim));
  writeFileSync(join(cache, 'chunks', 'texts', 'index.json'), '{"print":"x","files":');
  const again = await layer('again', grownIncidents, grownSources, true);
  expect(again.claims).toBe(grown.m.claims_chunks - 1);
  expect(again.texts).toBe(0);
  expectSame(again.dir, grown.dir);
  // Nothing of the store lies in the output folder (copies, not links: the output's files are its own).
  for (const f of files(again.dir)) expect(statSync(join(again.dir, f)).nlink, relative(work, f)).toBe(1);
});

it('links the chunks the last build wrote into the folder it replaces, with the same bytes', async () => {
  const cache2 = join(work, 'cache2');
  const target = join(work, 'target');
  let n = 0;
  /** A build into a temporary folder that then replaces `to` (as build-data's staged output does). */
  const build = async (incs: IncidentFeature[], srcs: SourceOut[], to = target) => {
    const r = await layer(`stage-${n++}`, incs, srcs, true, { cache: cache2, target: to });
    rmSync(to, { recursive: true, force: true });
    renameSync(r.dir, to);
    resignOutput(cache2, to);
    return { ...r, dir: to };
  };
  const { incidents, sources } = corpus(800, 160, true);
  const first = await build(incidents, sources);
  expect(first.linked).toBe(0);
  const extra = incidents[100]!;
  const more = [
    ...incidents.slice(0, 500),
    { ...extra, id: '0feedbed', properties: { ...extra.properties, id: '0feedbed' } },
    ...incidents.slice(500),
  ];
  const moreSources = [...sources.slice(0, 20), { ...sources[9]!, id: 'src-more' }, ...sources.slice(20)];
  const plain = await layer('more-plain', more, moreSources, false);
  const second = await build(more, moreSources);
  const chunks = second.m.claims_chunks + second.m.text_chunks;
  expect(second.linked).toBeGreaterThanOrEqual(chunks - 6);
  expectSame(target, plain.dir);
  // The folder replaced is gone: what was linked from it is the new folder's own file again.
  for (const f of files(target)) expect(statSync(join(target, f)).nlink, f).toBe(1);
  // A chunk of the folder written to is not linked (its gzip comes from the store), the same bytes all the same.
  const victim = join(target, 'map/claims/3.json');
  writeFileSync(victim, readFileSync(victim));
  const third = await build(more, moreSources);
  expect(third.linked).toBe(chunks - 1);
  expect(third.claims).toBe(1);
  expectSame(target, plain.dir);
  // Another folder links nothing (the last build wrote into another one) and leaves that one as it was.
  const other = await build(more, moreSources, join(work, 'other-target'));
  expect(other.linked).toBe(0);
  expectSame(other.dir, plain.dir);
  for (const f of files(target)) expect(statSync(join(target, f)).nlink, f).toBe(1);
});

it('links a text chunk of the same documents\' keys without joining it; a chunk with a changed key is joined', async () => {
  const cache3 = join(work, 'cache3');
  const target = join(work, 'keyed-target');
  let n = 0;
  const build = async (srcs: SourceOut[], keyOf: (s: SourceOut) => string) => {
    const { incidents } = corpus(100, 20, true);
    const r = await layer(`keyed-${n++}`, incidents, srcs, true, { cache: cache3, target, keyOf });
    rmSync(target, { recursive: true, force: true });
    renameSync(r.dir, target);
    resignOutput(cache3, target);
    return r;
  };
  const plain = async (srcs: SourceOut[]) =>
    (await layer(`keyed-plain-${n++}`, corpus(100, 20, true).incidents, srcs, false)).dir;
  const { sources } = corpus(800, 160, true);
  const key = (s: SourceOut) => `key-of-${s.id}-${s.text.length}`;
  const first = await build(sources, key);
  expect(first.keyedLinked).toBe(0);
  expect(first.m.text_chunks).toBeGreaterThan(20);
  // One source's text changed (and so its key), one inserted: the chunks holding them are joined, the others linked.
  const changed = [
    ...sources.slice(0, 30),
    { ...sources[30]!, text: `${sources[30]!.text} More.` },
    ...sources.slice(31, 90),
    { ...sources[5]!, id: 'src-keyed' },
    ...sources.slice(90),
  ];
  const second = await build(changed, key);
  expect(second.keyedLinked).toBeGreaterThanOrEqual(second.m.text_chunks - 4);
  expect(second.keyedLinked).toBeLessThan(second.m.text_chunks);
  expectSame(target, await plain(changed));
  // Without keys nothing is linked by them (the chunks' own hashes still are), the same bytes.
  const third = await build(changed, () => undefined as unknown as string);
  expect(third.keyedLinked).toBe(0);
  expectSame(target, await plain(changed));
  // A damaged index links nothing by keys, the same bytes.
  await build(changed, key);
  writeFileSync(join(cache3, 'chunks', 'texts', 'index.json'), '{"print":');
  const fifth = await build(changed, key);
  expect(fifth.keyedLinked).toBe(0);
  expectSame(target, await plain(changed));
});
