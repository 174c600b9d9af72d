// A stored incident's map-layer row (src/pipeline/output-chunks.ts MapChunkWriter.rows / addStoredRow, kept by
// the incident store, scripts/lib/builder/incident-store.ts): a layer whose incidents come partly as rows of an
// earlier layer must be byte for byte the layer written from every feature, whatever the order, with incidents
// inserted and removed between the two (the strings are interned in the same first-seen order).
import { describe, expect, it } from 'vitest';
import type { IncidentFeature, SourceOut } from '../../src/pipeline/contract.ts';
import { MapChunkWriter, StoredRows, type ChunkOptions, type MapRows } from '../../src/pipeline/output-chunks.ts';
import { corpus } from '../map-layer/corpus.ts';

const OPTS: ChunkOptions = { contentCut: true, incidentsPerChunk: 16, sourcesPerChunk: 4 };
const utf8 = new TextEncoder();

/** A layer's files (each as bytes) and its rows. */
function layer(
  items: readonly (IncidentFeature | { rows: StoredRows; row: number; f: IncidentFeature })[],
  sources: readonly SourceOut[],
): { files: Map<string, Buffer>; rows: MapRows } {
  const files = new Map<string, Buffer>();
  const w = new MapChunkWriter((path, data) => {
    files.set(path, Buffer.concat([files.get(path) ?? Buffer.alloc(0), Buffer.from(data)]));
  }, OPTS);
  for (const it of items)
    if ('rows' in it)
      w.addStoredRow(it.rows, it.row, it.f.properties.id, utf8.encode(JSON.stringify(it.f.properties.claims)));
    else w.addIncident(it);
  for (const s of sources) w.addSource(s);
  const rows = w.rows();
  w.finish();
  return { files, rows };
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

  it('rows that do not add up are refused', () => {
    const { rows } = layer(odd.slice(0, 50), sources);
    expect(() => new StoredRows({ ...rows, act: rows.act.subarray(1) })).toThrow();
    expect(() => new StoredRows({ ...rows, place: rows.place.map(() => 99999) })).toThrow();
    expect(() => new StoredRows({ ...rows, n: rows.n + 1 })).toThrow();
    expect(() => new StoredRows({ ...rows, dicts: { ...rows.dicts, places: [1] as unknown as string[] } })).toThrow();
  });
});
