// A stored incident's map-layer row (src/pipeline/output-chunks.ts MapChunkWriter.rows / addStoredRow, kept by
// the incident store, scripts/lib/builder/incident-store.ts): a layer whose incidents come partly as rows of an
// earlier layer must be byte for byte the layer written from every feature, whatever the order, with incidents
// inserted and removed between the two (the strings are interned in the same first-seen order).
import { describe, expect, it } from 'vitest';
import type { IncidentFeature, SourceOut } from '../../src/pipeline/contract.ts';
import { createHash } from 'node:crypto';
import {
  MapChunkWriter,
  StoredRows,
  type ChunkOptions,
  type MapRows,
  type StoredChunkWrite,
} from '../../src/pipeline/output-chunks.ts';
import { corpus } from '../map-layer/corpus.ts';

const OPTS: ChunkOptions = { contentCut: true, incidentsPerChunk: 16, sourcesPerChunk: 4 };
const utf8 = new TextEncoder();

/** A layer's files (each as bytes) and its rows (with the claims chunks' hashes). `storedChunk`: the bytes of a
 * chunk that is a stored one (none: written from its entries). */
function layer(
  items: readonly (IncidentFeature | { rows: StoredRows; row: number; f: IncidentFeature })[],
  sources: readonly SourceOut[],
  storedChunk?: (...a: Parameters<StoredChunkWrite>) => Uint8Array,
): { files: Map<string, Buffer>; rows: MapRows } {
  const files = new Map<string, Buffer>();
  const write = (path: string, data: string | Uint8Array) => {
    files.set(path, Buffer.concat([files.get(path) ?? Buffer.alloc(0), Buffer.from(data)]));
  };
  const w = new MapChunkWriter(
    write,
    OPTS,
    storedChunk && ((path, rows, k, bytes) => write(path, storedChunk(path, rows, k, bytes))),
  );
  for (const it of items)
    if ('rows' in it)
      w.addStoredRow(it.rows, it.row, it.f.properties.id, utf8.encode(JSON.stringify(it.f.properties.claims)));
    else w.addIncident(it);
  for (const s of sources) w.addSource(s);
  const rows = w.rows();
  w.finish();
  const hashes: string[] = [];
  for (const [path, bytes] of files) {
    const m = /^map\/claims\/(\d+)\.json$/.exec(path);
    if (m) hashes[Number(m[1])] = createHash('sha256').update(bytes).digest('hex');
  }
  return { files, rows: { ...rows, chunkHashes: hashes } };
}

describe('stored map rows', () => {
  const { incidents, sources } = corpus(600, 120, true);
  // Rows of every kind: no feature id of its own, a fatalities range, no point, an id that is not 8 hex digits.
  const odd = incidents.map((f, i) => {
    if (i % 13 === 0) {
      const { id: _id, ...rest } = f;
      return rest as IncidentFeature;
    }
    return f;
  });

  it('a layer of stored rows and new features is the layer of the features', () => {
    const first = layer(odd.slice(0, 500), sources);
    const stored = new StoredRows(first.rows);
    // The next build: some removed, some new ones inserted, the order moved; the stored ones as rows.
    const next: IncidentFeature[] = [...odd.slice(500), ...odd.slice(0, 500).filter((_, i) => i % 7 !== 3)];
    next.sort((a, b) => (a.properties.id < b.properties.id ? -1 : 1));
    const where = new Map(odd.slice(0, 500).map((f, r) => [f, r]));
    const mixed = next.map((f) => {
      const r = where.get(f);
      return r === undefined ? f : { rows: stored, row: r, f };
    });
    expect(mixed.filter((m) => 'rows' in m).length).toBeGreaterThan(400);
    const a = layer(mixed, sources);
    const b = layer(next, sources);
    expect([...a.files.keys()]).toEqual([...b.files.keys()]);
    for (const [path, bytes] of b.files) expect(a.files.get(path)?.equals(bytes), path).toBe(true);
    // And the rows it hands on are the features' too.
    expect(a.rows).toEqual(b.rows);
    expect(first.rows.fatalitiesRange.length).toBeGreaterThan(0);
    expect(first.rows.noFeatureId.length).toBeGreaterThan(0);
  });

  it('a claims chunk of stored rows only, in their order, is the stored chunk; any other is joined', () => {
    // (in id order, as the build writes them)
    const byId = (a: IncidentFeature, b: IncidentFeature) => (a.properties.id < b.properties.id ? -1 : 1);
    const base = odd.slice(0, 500).sort(byId);
    const first = layer(base, sources);
    const stored = new StoredRows(first.rows);
    expect(stored.chunkHashes).toHaveLength(first.rows.chunkStarts?.length ?? -1);
    const where = new Map(base.map((f, r) => [f, r]));
    // Removed (every 97th), inserted (5 new ones) and one stored incident's claims changed (a new feature of
    // the same id): the chunks holding those are joined, the others are the stored chunks.
    const changedAt = 250;
    const changed: IncidentFeature = structuredClone(base[changedAt] as IncidentFeature);
    changed.properties.claims = [...changed.properties.claims, ...changed.properties.claims];
    const next: IncidentFeature[] = [
      ...odd.slice(500, 505),
      ...base.filter((_, i) => i % 97 !== 5 && i !== changedAt),
      changed,
    ].sort(byId);
    const mixed = next.map((f) => {
      const r = where.get(f);
      return r === undefined ? f : { rows: stored, row: r, f };
    });
    const linked: { path: string; k: number }[] = [];
    const a = layer(mixed, sources, (path, rows, k, bytes) => {
      expect(rows).toBe(stored);
      linked.push({ path, k });
      // The stored chunk's bytes stand for it: written from the first layer's file, not from `bytes`.
      const own = Buffer.from(bytes());
      const old = first.files.get(`map/claims/${k}.json`);
      expect(old && own.equals(old), `${path} is stored chunk ${k}`).toBe(true);
      expect(createHash('sha256').update(own).digest('hex')).toBe(rows.chunkHashes?.[k]);
      return old as Buffer; // what a link of the stored chunk's file writes
    });
    const b = layer(next, sources);
    expect(linked.length).toBeGreaterThan(3);
    expect(linked.length).toBeLessThan(b.rows.chunkStarts?.length ?? 0);
    expect([...a.files.keys()].sort()).toEqual([...b.files.keys()].sort());
    for (const [path, bytes] of b.files) expect(a.files.get(path)?.equals(bytes), path).toBe(true);
    expect(a.rows).toEqual(b.rows);
    // Chunks' starts or hashes that do not check out: no chunk is stored, the rows are used all the same.
    const bad = [
      { ...first.rows, chunkHashes: first.rows.chunkHashes?.slice(1) },
      { ...first.rows, chunkStarts: first.rows.chunkStarts?.map((x, i) => (i === 1 ? 0 : x)) },
      { ...first.rows, chunkHashes: first.rows.chunkHashes?.map(() => 'x') },
      { ...first.rows, chunkHashes: undefined },
    ];
    for (const rows of bad) {
      const s = new StoredRows(rows);
      expect(s.chunkHashes).toBe(null);
      let n = 0;
      const c = layer(
        next.map((f) => {
          const r = where.get(f);
          return r === undefined ? f : { rows: s, row: r, f };
        }),
        sources,
        () => {
          n++;
          return new Uint8Array();
        },
      );
      expect(n).toBe(0);
      for (const [path, bytes] of b.files) expect(c.files.get(path)?.equals(bytes), path).toBe(true);
    }
  });

  it('rows that do not add up are refused', () => {
    const { rows } = layer(odd.slice(0, 50), sources);
    expect(() => new StoredRows({ ...rows, act: rows.act.subarray(1) })).toThrow();
    expect(() => new StoredRows({ ...rows, place: rows.place.map(() => 99999) })).toThrow();
    expect(() => new StoredRows({ ...rows, n: rows.n + 1 })).toThrow();
    expect(() => new StoredRows({ ...rows, dicts: { ...rows.dicts, places: [1] as unknown as string[] } })).toThrow();
  });
});
