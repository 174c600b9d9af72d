// Content-defined map chunks (src/pipeline/output-chunks.ts `contentCut`, the build's layout): a chunk ends after
// an item whose id says so, so an inserted incident or source changes its own chunk (or splits it in two) and every
// other chunk keeps its bytes, which lets the build reuse their gzip siblings (scripts/lib/builder/chunk-store.ts).
// The map finds an incident's chunk from the manifest's chunk starts (claimsChunkOf) and a source's from its
// text_chunk, as before.
import { describe, expect, it } from 'vitest';
import type { IncidentProps, SourceMeta } from '../../src/pipeline/contract.ts';
import { OUTPUT_FILES, claimsChunkFile, textChunkFile } from '../../src/pipeline/contract.ts';
import {
  MAX_CHUNK_FACTOR,
  MapChunkWriter,
  claimsChunkOf,
  mapChunks,
  type ChunkOptions,
} from '../../src/pipeline/output-chunks.ts';
import { columnIndex } from '../../src/app/lib/columns.ts';
import { OnDemand } from '../../src/app/lib/on-demand.ts';
import { columnData, corpus, textOf } from '../map-layer/corpus.ts';

const OPTS: ChunkOptions = { contentCut: true, incidentsPerChunk: 16, sourcesPerChunk: 4 };

/** The chunk files' contents (claims and texts). */
const chunkSet = (files: Map<string, string | Uint8Array>): Set<string> =>
  new Set([...files].filter(([p]) => /^map\/(claims|texts)\//.test(p)).map(([, d]) => String(d)));

describe('content-defined chunks', () => {
  const { incidents, sources } = corpus(1000, 200, true);

  it('cut chunks of varied sizes that the map reads every incident and source from', async () => {
    const files = mapChunks(incidents, sources, OPTS);
    const cd = columnData(files);
    const m = cd.manifest;
    const starts = m.claims_chunk_starts!;
    expect(starts[0]).toBe(0);
    expect(starts).toHaveLength(m.claims_chunks);
    const sizes = starts.map((s, i) => (starts[i + 1] ?? m.incidents) - s);
    expect(new Set(sizes).size).toBeGreaterThan(3);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(16 * MAX_CHUNK_FACTOR);
    expect(m.claims_chunks).toBeGreaterThan(1000 / 16 / 3);
    expect(m.claims_chunks).toBeLessThan(1000 / 16 * 3);
    expect(files.has(claimsChunkFile(m.claims_chunks - 1))).toBe(true);
    expect(files.has(claimsChunkFile(m.claims_chunks))).toBe(false);
    expect(files.has(textChunkFile(m.text_chunks - 1))).toBe(true);
    expect(files.has(textChunkFile(m.text_chunks))).toBe(false);
    for (let r = 0; r < m.incidents; r++) {
      const chunk = JSON.parse(textOf(files, claimsChunkFile(claimsChunkOf(m, r)))) as [string, unknown][];
      expect(chunk.some(([id]) => id === incidents[r]!.properties.id)).toBe(true);
    }
    // Through the map's own loader: each incident's claims and each source's text arrive from their chunks.
    const more = new OnDemand((rel) => Promise.resolve(JSON.parse(textOf(files, rel))));
    const ix = columnIndex(cd);
    for (const i of [0, 1, 17, 499, 998, 999]) {
      const p: IncidentProps = ix.feature(i).properties;
      expect(await more.claims(p)).toEqual(incidents[i]!.properties.claims);
    }
    const metas = JSON.parse(textOf(files, OUTPUT_FILES.mapSources)) as SourceMeta[];
    for (const [k, meta] of metas.entries())
      expect(await more.text(Object.assign(meta, { text: '' }))).toBe(sources[k]!.text);
  });

  it('an inserted or removed item leaves every other chunk as it was', () => {
    const before = chunkSet(mapChunks(incidents, sources, OPTS));
    const extra = incidents[500]!;
    const added = { ...extra, id: 'abcdef12', properties: { ...extra.properties, id: 'abcdef12' } };
    const moreIncidents = [...incidents.slice(0, 300), added, ...incidents.slice(300)];
    const moreSources = [...sources.slice(0, 50), { ...sources[7]!, id: 'src-new' }, ...sources.slice(50)];
    const after = chunkSet(mapChunks(moreIncidents, moreSources, OPTS));
    // one claims chunk and one text chunk changed, each perhaps split in two by the new item's id
    const fresh = [...after].filter((c) => !before.has(c));
    expect(fresh.length).toBeGreaterThanOrEqual(2);
    expect(fresh.length).toBeLessThanOrEqual(4);
    const gone = [...before].filter((c) => !after.has(c));
    expect(gone.length).toBeGreaterThanOrEqual(2);
    expect(gone.length).toBeLessThanOrEqual(4);
    const removed = chunkSet(mapChunks(incidents.filter((_, i) => i !== 600), sources.slice(1), OPTS));
    expect([...before].filter((c) => !removed.has(c)).length).toBeLessThanOrEqual(4);
  });

  it('writes the same bytes from claims given as text, as bytes (from the incident store) or not at all', () => {
    const run = (how: 'none' | 'text' | 'bytes') => {
      const parts = new Map<string, Buffer[]>();
      const w = new MapChunkWriter((p, d) => parts.set(p, [...(parts.get(p) ?? []), Buffer.from(d)]), OPTS);
      incidents.forEach((f, i) => {
        const json = JSON.stringify(f.properties.claims);
        // a mix, as in an incremental build: most incidents stored, some built
        const bytes = how === 'bytes' && i % 7 !== 3;
        w.addIncident(f, how === 'none' ? undefined : bytes ? Buffer.from(json) : json);
      });
      w.finish({ sources: 0, textChunks: 0 });
      return new Map([...parts].map(([p, b]) => [p, Buffer.concat(b).toString('utf8')]));
    };
    const want = run('none');
    expect(want.size).toBeGreaterThan(20);
    expect(run('text')).toEqual(want);
    expect(run('bytes')).toEqual(want);
  });

  it('leaves the fixed-size layout as it was without contentCut', () => {
    const fixed = mapChunks(incidents, sources, { incidentsPerChunk: 16, sourcesPerChunk: 4 });
    const m = columnData(fixed).manifest;
    expect(m.claims_chunk_starts).toBeUndefined();
    expect(m.claims_chunks).toBe(Math.ceil(1000 / 16));
    expect(m.text_chunks).toBe(200 / 4);
    expect(claimsChunkOf(m, 33)).toBe(2);
  });
});
