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
  IncidentCollection,
  IncidentFeature,
  SourceMeta,
  SourceOut,
  TextChunk,
} from '../../src/pipeline/contract.ts';
import { OUTPUT_FILES, claimsChunkFile, textChunkFile } from '../../src/pipeline/contract.ts';
import { MAP_COLUMNS_FILE, mapChunks, type MapManifest2 } from '../../src/pipeline/output-chunks.ts';
import { jsonArrayItems, writeMapLayer } from '../../scripts/lib/map-chunks.ts';
import { columnIndex } from '../../src/app/lib/columns.ts';
import { emptyFilters, filterMask, type FilterState } from '../../src/app/lib/filters.ts';
import { buildIndex } from '../../src/app/lib/model.ts';
import { columnData, corpus, textOf } from './corpus.ts';

const json = <T>(files: Map<string, string | Uint8Array>, path: string): T =>
  JSON.parse(textOf(files, path)) as T;

/** What the map builds for incident i of the columnar layer: every property but the claims, plus the slim ones. */
function expected(f: IncidentFeature, i: number, perChunk: number) {
  const { claims, ...rest } = f.properties;
  return {
    ...f,
    properties: {
      ...rest,
      n_claims: claims.length,
      source_ids: [...new Set(claims.map((c) => c.source_id))],
      claims_chunk: Math.floor(i / perChunk),
      claims: [],
    },
  };
}

describe('mapChunks (pure writer)', () => {
  const { incidents, sources } = corpus(1000, 70);
  const files = mapChunks(incidents, sources, { incidentsPerChunk: 64, sourcesPerChunk: 8 });

  it('gives the same bytes on every run', () => {
    const again = mapChunks(incidents, sources, { incidentsPerChunk: 64, sourcesPerChunk: 8 });
    expect([...again.keys()]).toEqual([...files.keys()]);
    for (const [k, v] of files) expect(again.get(k), k).toEqual(v);
  });

  it('writes the incidents as columns the map reads back exactly (ids as strings), without their claims', () => {
    const ix = columnIndex(columnData(files));
    expect(ix.n).toBe(incidents.length);
    expect(columnData(files).dicts.ids).toHaveLength(1000);
    incidents.forEach((f, i) => {
      expect(ix.feature(i)).toEqual(expected(f, i, 64));
      expect(ix.byId.get(f.properties.id)).toBe(i);
    });
    expect(ix.byId.get('nope')).toBeUndefined();
    expect(ix.features[7]).toBe(ix.feature(7)); // one object per incident, whoever asks
    expect(new TextDecoder().decode(files.get(MAP_COLUMNS_FILE) as Uint8Array)).not.toContain('Claim ');
  });

  it('packs 8-hex-digit ids and narrow columns, and still reads back every property', () => {
    const hex = corpus(600, 30, true);
    const f = mapChunks(hex.incidents, hex.sources);
    const cd = columnData(f);
    expect(cd.dicts.ids).toBeUndefined();
    expect(cd.dicts.noFeatureId).toEqual([]);
    const types = Object.fromEntries(cd.manifest.columns.map((c) => [c.name, c.type]));
    expect(types).toMatchObject({ id: 'u32', lon: 'i32', gp: 'u8', place: 'u16', fat: 'u32', src: 'u8' });
    const ix = columnIndex(cd);
    hex.incidents.forEach((g, i) => {
      expect(ix.feature(i)).toEqual(expected(g, i, 256));
      expect(ix.byId.get(g.properties.id)).toBe(i);
    });
  });

  it('keeps coordinates off the 6-decimal grid and fractional tolls exact (f64 columns)', () => {
    const { incidents: odd, sources: s } = corpus(20, 3);
    odd[1]!.geometry = { type: 'Point', coordinates: [1 / 3, 2 / 3] };
    odd[2]!.properties.fatalities = 2.5;
    const cd = columnData(mapChunks(odd, s));
    const types = Object.fromEntries(cd.manifest.columns.map((c) => [c.name, c.type]));
    expect(types).toMatchObject({ lon: 'f64', lat: 'f64', fat: 'f64' });
    const ix = columnIndex(cd);
    odd.forEach((g, i) => expect(ix.feature(i)).toEqual(expected(g, i, 256)));
  });

  it('gives the same index as the GeoJSON path: filters, counts and region refs agree', () => {
    const slimFc = {
      type: 'FeatureCollection',
      features: incidents.map((g, i) => expected(g, i, 64)),
    } as IncidentCollection;
    const a = columnIndex(columnData(files));
    const b = buildIndex(slimFc);
    for (const k of [
      'lon',
      'lat',
      'dayStart',
      'dayEnd',
      'fatalities',
      'eventType',
      'modality',
      'nClaims',
    ] as const)
      expect(Array.from(a[k]), k).toEqual(Array.from(b[k]));
    expect(a.dicts.source.values).toEqual(b.dicts.source.values);
    expect(a.dicts.actor.values).toEqual(b.dicts.actor.values);
    const filters: FilterState[] = [
      emptyFilters(),
      { ...emptyFilters(), actors: ['Military Forces of Mali'] },
      { ...emptyFilters(), sources: ['src-3', 'src-9'], modalities: ['claimed'] },
      { ...emptyFilters(), dateFrom: '2025-01-20', dateTo: '2025-02-03' },
      { ...emptyFilters(), q: 'place 1 attack' },
      { ...emptyFilters(), impacts: ['casualties'], eventTypes: ['Battles'] },
    ];
    for (const f of filters) {
      const ma = new Uint8Array(a.n);
      const mb = new Uint8Array(b.n);
      expect(filterMask(a, f, ma), JSON.stringify(f)).toBe(filterMask(b, f, mb));
      expect(ma).toEqual(mb);
    }
    for (let i = 0; i < a.n; i++) {
      expect(a.regionIds[a.regionRef[i]! - 1]).toBe(b.regionIds[b.regionRef[i]! - 1]);
      expect(a.countries[a.countryRef[i]! - 1]).toBe(b.countries[b.countryRef[i]! - 1]);
      expect(a.placeNames[a.placeRef[i]!]).toBe(b.placeNames[b.placeRef[i]!]);
    }
  });

  it('puts every incident claims in exactly one chunk, the one its record names, unchanged', () => {
    const m = json<MapManifest2>(files, OUTPUT_FILES.mapManifest);
    expect(m).toMatchObject({ format: 2, incidents: 1000, sources: 70, claims_chunks: 16, text_chunks: 9 });
    const ix = columnIndex(columnData(files));
    const where = new Map<string, number>();
    const got = new Map<string, ClaimProps[]>();
    for (let n = 0; n < m.claims_chunks; n++)
      for (const [id, claims] of json<ClaimsChunk>(files, claimsChunkFile(n))) {
        expect(where.has(id)).toBe(false);
        where.set(id, n);
        got.set(id, claims);
      }
    expect(files.has(claimsChunkFile(m.claims_chunks))).toBe(false);
    for (let i = 0; i < ix.n; i++) {
      const p = ix.feature(i).properties as { id: string; claims_chunk?: number };
      expect(where.get(p.id)).toBe(p.claims_chunk);
    }
    for (const f of incidents) expect(got.get(f.properties.id)).toEqual(f.properties.claims);
  });

  it('puts every source text in exactly one chunk, the one its metadata names, unchanged', () => {
    const m = json<MapManifest2>(files, OUTPUT_FILES.mapManifest);
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
    expect(columnIndex(columnData(empty)).n).toBe(0);
    expect(json<SourceMeta[]>(empty, OUTPUT_FILES.mapSources)).toEqual([]);
    expect(json<MapManifest2>(empty, OUTPUT_FILES.mapManifest)).toMatchObject({
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
      const want = pure.get(k)!;
      const bytes = typeof want === 'string' ? Buffer.from(want, 'utf8') : Buffer.from(want);
      expect(ta.get(k)!.equals(bytes), k).toBe(true);
      expect(gunzipSync(ta.get(`${k}.gz`)!).equals(bytes), k).toBe(true);
    }
  });
});
