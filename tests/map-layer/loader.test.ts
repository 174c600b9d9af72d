// The map's loader for the slim layer: on-demand claims and texts (src/app/lib/on-demand.ts), and the slim data
// through the integrity check and the index (counts and source filters without the claims).
import { describe, expect, it } from 'vitest';
import type { IncidentProps, SourceMeta, SourceOut } from '../../src/pipeline/contract.ts';
import { OUTPUT_FILES, claimsChunkFile } from '../../src/pipeline/contract.ts';
import { mapChunks } from '../../src/pipeline/output-chunks.ts';
import { prepare, type RawData } from '../../src/app/lib/data.ts';
import { checkData } from '../../src/app/lib/integrity.ts';
import { OnDemand } from '../../src/app/lib/on-demand.ts';
import { claimCount, sourceIds } from '../../src/app/lib/slim.ts';
import { emptyFilters, filterMask } from '../../src/app/lib/filters.ts';
import { columnIndex } from '../../src/app/lib/columns.ts';
import { columnData, corpus, textOf } from './corpus.ts';

/** The columnar layer in memory as fetchData gives it, and a fetch that counts requests (and can fail). `props(i)`:
 * incident i as the map builds it (the objects OnDemand fills). */
function slimData(files: Map<string, string | Uint8Array>, fail = new Set<string>()) {
  const requests: string[] = [];
  const fetchJson = (rel: string): Promise<unknown> => {
    requests.push(rel);
    if (fail.has(rel)) return Promise.reject(new Error(`${rel}: HTTP 500 Internal Server Error`));
    const text = files.get(rel);
    return typeof text !== 'string'
      ? Promise.reject(new Error(`${rel}: HTTP 404`))
      : Promise.resolve(JSON.parse(text));
  };
  const metas = JSON.parse(textOf(files, OUTPUT_FILES.mapSources)) as SourceMeta[];
  const sources = metas.map((s) => Object.assign(s, { text: '' })) as SourceOut[];
  const raw: RawData = {
    incidents: { type: 'FeatureCollection', features: [] },
    columns: columnData(files),
    regions: { type: 'FeatureCollection', features: [] },
    risk: [],
    sources,
    unlocated: [],
    more: new OnDemand(fetchJson),
  };
  const ix = columnIndex(raw.columns!);
  const props = (i: number): IncidentProps => ix.feature(i).properties;
  return { raw, requests, props };
}

describe('OnDemand', () => {
  const { incidents, sources } = corpus(300, 20);
  const files = mapChunks(incidents, sources, { incidentsPerChunk: 50, sourcesPerChunk: 4 });

  it('fetches an incident claims chunk once, shared by concurrent asks, and fills its claims', async () => {
    const { raw, requests, props } = slimData(files);
    const more = raw.more!;
    const [a, b] = [props(60), props(61)];
    expect(more.hasClaims(a!)).toBe(false);
    const [ca, cb] = await Promise.all([more.claims(a!), more.claims(b!)]);
    expect(requests).toEqual([claimsChunkFile(1)]);
    expect(ca).toEqual(incidents[60]!.properties.claims);
    expect(cb).toEqual(incidents[61]!.properties.claims);
    expect(a!.claims).toBe(ca); // in place: every other reader (export, CSV) sees them
    expect(more.hasClaims(a!)).toBe(true);
    await more.claims(a!);
    expect(requests).toHaveLength(1);
  });

  it('fetches a source text on demand', async () => {
    const { raw, requests } = slimData(files);
    const s = raw.sources[13]!;
    expect(s.text).toBe('');
    expect(await raw.more!.text(s)).toBe(sources[13]!.text);
    expect(s.text).toBe(sources[13]!.text);
    expect(requests).toEqual(['map/texts/3.json']);
  });

  it('loads the claims of a whole set (an export), each chunk once', async () => {
    const { raw, requests, props } = slimData(files);
    const ps = incidents
      .map((_, i) => i)
      .filter((i) => i % 7 === 0)
      .map(props);
    const progress: number[] = [];
    await raw.more!.allClaims(ps, (done) => progress.push(done));
    expect(requests.sort()).toEqual([0, 1, 2, 3, 4, 5].map(claimsChunkFile).sort());
    expect(progress).toEqual([1, 2, 3, 4, 5, 6]);
    for (const p of ps)
      expect(p.claims).toEqual(incidents.find((f) => f.properties.id === p.id)!.properties.claims);
  });

  it('rejects with the reason in words when a chunk fails, and fetches again on the next ask', async () => {
    const fail = new Set([claimsChunkFile(0)]);
    const { raw, requests, props } = slimData(files, fail);
    const p = props(0);
    await expect(raw.more!.claims(p)).rejects.toThrow('map/claims/0.json: HTTP 500');
    expect(p.claims).toEqual([]);
    fail.clear();
    await expect(raw.more!.claims(p)).resolves.toEqual(incidents[0]!.properties.claims);
    expect(requests).toEqual([claimsChunkFile(0), claimsChunkFile(0)]);
  });

  it('keeps the first of duplicate incident and claim ids in a chunk (keyed lists stay sound)', async () => {
    const [x] = corpus(1, 1).incidents;
    const dupClaims = {
      ...x!,
      properties: { ...x!.properties, claims: [...x!.properties.claims, x!.properties.claims[0]!] },
    };
    const f2 = mapChunks([dupClaims, x!], corpus(1, 1).sources);
    const { raw, props } = slimData(f2);
    const got = await raw.more!.claims(props(0));
    expect(got.map((c) => c.id)).toEqual(x!.properties.claims.map((c) => c.id));
  });

  it('for data loaded whole, has everything and fetches nothing', async () => {
    const more = new OnDemand(null);
    const p = incidents[3]!.properties;
    expect(more.hasClaims(p)).toBe(true);
    await expect(more.claims(p)).resolves.toBe(p.claims);
  });
});

describe('slim data through the check and the index', () => {
  const { incidents, sources } = corpus(200, 12);
  const files = mapChunks(incidents, sources);

  it('counts claims and filters by source without the claims', () => {
    const { raw } = slimData(files);
    const d = prepare(checkData(raw).data);
    expect(d.more).toBe(raw.more);
    const p = d.ix.features[5]!.properties;
    expect(p.claims).toEqual([]);
    expect(claimCount(p)).toBe(incidents[5]!.properties.claims.length);
    expect(sourceIds(p)).toEqual([...new Set(incidents[5]!.properties.claims.map((c) => c.source_id))]);
    const f = { ...emptyFilters(), sources: ['src-3'] };
    const mask = new Uint8Array(d.ix.n);
    const want = incidents.filter((g) => g.properties.claims.some((c) => c.source_id === 'src-3')).length;
    expect(filterMask(d.ix, f, mask)).toBe(want);
    // free text searches the slim fields and the sources' titles
    expect(filterMask(d.ix, { ...emptyFilters(), q: 'Place 17' }, mask)).toBeGreaterThan(0);
  });

  it('says when incidents name a source the data lack', () => {
    const { raw } = slimData(files);
    raw.sources = raw.sources.filter((s) => s.id !== 'src-2');
    const { problems } = checkData(raw);
    expect(problems.join(' ')).toMatch(/Claims refer to a source that sources.json lacks \("src-2"\)/);
  });

  it('leaves out incidents whose id was seen before and says so (the first of each is shown)', () => {
    const hex = corpus(50, 5, true);
    const twice = [
      ...hex.incidents.slice(0, 30),
      hex.incidents[4]!,
      ...hex.incidents.slice(30),
      hex.incidents[9]!,
    ];
    const { raw } = slimData(mapChunks(twice, hex.sources, { incidentsPerChunk: 10 }));
    const checked = checkData(raw);
    expect(checked.problems.join(' ')).toMatch(/2 incident ids appear more than once/);
    const d = prepare(checked.data);
    expect(d.ix.n).toBe(50);
    hex.incidents.forEach((g, i) => {
      expect(d.ix.feature(i).properties.id).toBe(g.properties.id);
      expect(d.ix.byId.get(g.properties.id)).toBe(i);
      // the claims chunk is the row's in the file, dropped rows counted
      expect((d.ix.feature(i).properties as { claims_chunk?: number }).claims_chunk).toBe(
        Math.floor((i < 30 ? i : i + 1) / 10),
      );
    });
    expect(Array.from(d.ix.nClaims)).toEqual(hex.incidents.map((g) => g.properties.claims.length));
  });
});
