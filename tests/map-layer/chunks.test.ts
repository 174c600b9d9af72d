// The map's slim layer: the pure writer (src/pipeline/output-chunks.ts) and the build's step that reads the outputs
// back item by item and adds gzip siblings (scripts/lib/map-chunks.ts). Same input, same bytes; every claim and
// every source in exactly one chunk, the one its slim record names; nothing lost.
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import type {
  ClaimProps,
  ClaimsChunk,
  IncidentFeature,
  IncidentSlimCollection,
  MapManifest,
  SourceMeta,
  SourceOut,
  TextChunk,
} from '../../src/pipeline/contract.ts';
import { OUTPUT_FILES, claimsChunkFile, textChunkFile } from '../../src/pipeline/contract.ts';
import { mapChunks } from '../../src/pipeline/output-chunks.ts';
import { jsonArrayItems, writeMapLayer } from '../../scripts/lib/map-chunks.ts';
import { corpus } from './corpus.ts';

const json = <T>(files: Map<string, string>, path: string): T => JSON.parse(files.get(path)!) as T;

describe('mapChunks (pure writer)', () => {
  const { incidents, sources } = corpus(1000, 70);
  const files = mapChunks(incidents, sources, { incidentsPerChunk: 64, sourcesPerChunk: 8 });

  it('gives the same bytes on every run', () => {
    const again = mapChunks(incidents, sources, { incidentsPerChunk: 64, sourcesPerChunk: 8 });
    expect([...again.keys()]).toEqual([...files.keys()]);
    for (const [k, v] of files) expect(again.get(k)).toBe(v);
  });

  it('writes the slim incidents: every property but the claims, plus counts, source ids and the chunk', () => {
    const slim = json<IncidentSlimCollection>(files, OUTPUT_FILES.mapIncidents);
    expect(slim.features).toHaveLength(incidents.length);
    slim.features.forEach((f, i) => {
      const { claims, ...rest } = incidents[i]!.properties;
      expect(f.geometry).toEqual(incidents[i]!.geometry);
      expect(f.properties).toEqual({
        ...rest,
        n_claims: claims.length,
        source_ids: [...new Set(claims.map((c) => c.source_id))],
        claims_chunk: Math.floor(i / 64),
      });
      expect(JSON.stringify(f)).not.toContain('Claim ');
    });
  });

  it('puts every incident claims in exactly one chunk, the one its slim record names, unchanged', () => {
    const m = json<MapManifest>(files, OUTPUT_FILES.mapManifest);
    expect(m).toMatchObject({ format: 1, incidents: 1000, sources: 70, claims_chunks: 16, text_chunks: 9 });
    const slim = json<IncidentSlimCollection>(files, OUTPUT_FILES.mapIncidents);
    const where = new Map<string, number>();
    const got = new Map<string, ClaimProps[]>();
    for (let n = 0; n < m.claims_chunks; n++)
      for (const [id, claims] of json<ClaimsChunk>(files, claimsChunkFile(n))) {
        expect(where.has(id)).toBe(false);
        where.set(id, n);
        got.set(id, claims);
      }
    expect(files.has(claimsChunkFile(m.claims_chunks))).toBe(false);
    for (const f of slim.features) expect(where.get(f.properties.id)).toBe(f.properties.claims_chunk);
    for (const f of incidents) expect(got.get(f.properties.id)).toEqual(f.properties.claims);
  });

  it('puts every source text in exactly one chunk, the one its metadata names, unchanged', () => {
    const m = json<MapManifest>(files, OUTPUT_FILES.mapManifest);
    const metas = json<SourceMeta[]>(files, OUTPUT_FILES.mapSources);
    const texts = new Map<string, [number, string]>();
    for (let n = 0; n < m.text_chunks; n++)
      for (const [id, text] of json<TextChunk>(files, textChunkFile(n))) {
        expect(texts.has(id)).toBe(false);
        texts.set(id, [n, text]);
      }
    expect(metas.map((s) => s.id)).toEqual(sources.map((s) => s.id));
    sources.forEach((s, i) => {
      const { text, ...rest } = s;
      expect(metas[i]).toEqual({ ...rest, text_chunk: Math.floor(i / 8) });
      expect(texts.get(s.id)).toEqual([Math.floor(i / 8), text]);
    });
  });

  it('writes a valid, empty layer for an empty build', () => {
    const empty = mapChunks([], []);
    expect(json<IncidentSlimCollection>(empty, OUTPUT_FILES.mapIncidents).features).toEqual([]);
    expect(json<SourceMeta[]>(empty, OUTPUT_FILES.mapSources)).toEqual([]);
    expect(json<MapManifest>(empty, OUTPUT_FILES.mapManifest)).toMatchObject({
      claims_chunks: 0,
      text_chunks: 0,
    });
  });
});

describe('writeMapLayer (the build step)', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
  const { incidents, sources } = corpus(700, 40);

  function outputFolder(): string {
    const dir = mkdtempSync(join(tmpdir(), 'sahel-map-layer-'));
    dirs.push(dir);
    writeFileSync(
      join(dir, OUTPUT_FILES.incidents),
      `${JSON.stringify({ type: 'FeatureCollection', features: incidents })}\n`,
    );
    writeFileSync(join(dir, OUTPUT_FILES.sources), `${JSON.stringify(sources)}\n`);
    return dir;
  }
  const tree = (dir: string): Map<string, Buffer> => {
    const out = new Map<string, Buffer>();
    const walk = (d: string) => {
      for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1)))
        if (e.isDirectory()) walk(join(d, e.name));
        else out.set(relative(dir, join(d, e.name)), readFileSync(join(d, e.name)));
    };
    walk(join(dir, 'map'));
    return out;
  };

  it('reads the outputs item by item, however the reads cut them', () => {
    const dir = outputFolder();
    for (const size of [7, 4096, 1 << 22]) {
      const got = [
        ...jsonArrayItems<IncidentFeature>(join(dir, OUTPUT_FILES.incidents), '"features":', size),
      ];
      expect(got).toEqual(incidents);
      expect([...jsonArrayItems<SourceOut>(join(dir, OUTPUT_FILES.sources), '', size)]).toEqual(sources);
    }
  });

  it('writes what the pure writer gives, with gzip siblings, byte-identical across runs', async () => {
    const a = outputFolder();
    const b = outputFolder();
    await writeMapLayer(a);
    await writeMapLayer(b);
    const ta = tree(a);
    const tb = tree(b);
    expect([...ta.keys()]).toEqual([...tb.keys()]);
    for (const [k, v] of ta) expect(v.equals(tb.get(k)!), k).toBe(true);
    const pure = mapChunks(incidents, sources, { gzip: true });
    const plain = [...ta.keys()].filter((k) => !k.endsWith('.gz'));
    expect(plain.sort()).toEqual([...pure.keys()].sort());
    for (const k of plain) {
      expect(ta.get(k)!.toString('utf8'), k).toBe(pure.get(k));
      expect(gunzipSync(ta.get(`${k}.gz`)!).toString('utf8'), k).toBe(pure.get(k));
    }
  });
});
