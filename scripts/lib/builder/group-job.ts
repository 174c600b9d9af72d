// The grouping worker's last job: the corpus's claims (a compact index, claim-index.ts) into incidents, written to incidents.geojson and, from the
// same features, the incidents' half of the map layer (map/). Apart from worker.ts so that it can be run and profiled on its own.

import type { ClaimProps, IncidentFeature } from '../../../src/pipeline/contract.ts';
import type { PipelineContext } from '../../../src/pipeline/context.ts';
import type { ClaimIndexBuilder } from '../../../src/pipeline/claim-index.ts';
import { indexedFeatures, type IndexedIncident } from '../../../src/pipeline/features.ts';
import { MAY_FLAG, textFlags } from '../../../src/pipeline/group.ts';
import type { IncidentCounts } from '../../../src/pipeline/report.ts';
import type { SourceMeta } from '../../../src/pipeline/types.ts';
import { GZIP_LEVEL, writeMapLayer, type MapIncident } from '../map-chunks.ts';
import type { MapRows } from '../../../src/pipeline/output-chunks.ts';
import { ChunkStore } from './chunk-store.ts';
import { StoreReader, StoreWriter, type ClaimDocs, type StorePlace } from './incident-store.ts';
import { ClaimTextFile, FileWriter } from './writer.ts';

/** incidents.geojson: JSON.stringify's bytes of the collection, written feature by feature. Each claim's
 * sentence is its line of `texts` (the feature comes with its claims' lines, its sentences left empty), spliced
 * into the feature's JSON as the JSON string it already is: no parse and stringify of every sentence again. An
 * incident the store holds (same id, same claims) takes the stored feature's bytes instead. Each feature is handed
 * on (to the map layer) with its claims' JSON, then let go: features are made as they are written. */
function* writeIncidents(
  path: string,
  incidents: Iterable<IndexedIncident>,
  texts: ClaimTextFile,
  store: StoreReader | null,
  next: StoreWriter | null,
): Generator<MapIncident> {
  const out = new FileWriter(path);
  try {
    out.write('{"type":"FeatureCollection","features":[');
    let i = 0;
    for (const inc of incidents) {
      const stored = store?.find(parseInt(inc.id, 16), inc.lines) ?? null;
      let json: string | Buffer;
      let f: IncidentFeature;
      let claims: string | Uint8Array | undefined;
      if (stored !== null && store?.rows) {
        // The stored incident's map-layer row too: no feature is built at all.
        if (i++) out.write(',');
        const at = out.bytes;
        out.write(stored.bytes);
        next?.add(inc.id, at, out.bytes - at, inc.lines);
        yield { rows: store.rows, row: stored.row, id: inc.id, claims: stored.claims };
        continue;
      }
      if (stored !== null) {
        json = stored.bytes;
        claims = stored.claims();
        // What the map layer reads of it: the feature without its claims (building that is cheaper than
        // parsing the stored JSON back), the claims stood for by their source ids (their JSON is the stored one's).
        f = inc.feature(false);
        f.properties.claims = inc.sources.map((s) => ({ source_id: s })) as ClaimProps[];
      } else {
        f = inc.feature();
        const n = f.properties.claims.length;
        // A quote inside any string is escaped, so the empty sentences are the only places this text occurs.
        const parts = JSON.stringify(f).split(EMPTY_SENTENCE);
        if (parts.length !== n + 1 || inc.lines.length !== n)
          throw new Error(`incident ${f.properties.id}: sentences not found`);
        let text = parts[0] as string;
        inc.lines.forEach((l, j) => (text += `"sentence":${texts.json(l)}${parts[j + 1] as string}`));
        json = text;
        claims = claimsJson(text);
      }
      if (i++) out.write(',');
      const at = out.bytes;
      out.write(json);
      next?.add(inc.id, at, out.bytes - at, inc.lines);
      yield [f, claims];
    }
    out.write(']}\n');
  } finally {
    out.close();
  }
}

const EMPTY_SENTENCE = '"sentence":""';

/** The claims' JSON inside a feature's (toFeatures puts `claims` last in `properties`, `properties` last). */
function claimsJson(feature: string): string | undefined {
  const at = feature.lastIndexOf(CLAIMS_KEY);
  return at >= 0 && feature.endsWith(']}}') ? feature.slice(at + CLAIMS_KEY.length - 1, -2) : undefined;
}
const CLAIMS_KEY = '"claims":[';

/** Groups the claims added to `index` (their text left out; the i-th claim added has its sentence at line i of
 * the file `texts`), writes incidents.geojson at `path` and the incidents' half of the map layer into `outDir`
 * (`sources`: how many sources the other half holds, map-chunks.ts MapSources); returns the incident counts. */
export async function groupJob(
  index: ClaimIndexBuilder,
  meta: Map<string, SourceMeta>,
  ctx: PipelineContext,
  o: {
    path: string;
    texts: string;
    outDir: string;
    target: string | null;
    sources: { sources: number; textChunks: number };
  },
  docs?: ClaimDocs,
  place?: StorePlace | null,
): Promise<
  IncidentCounts & { reused: number; rowsReused: number; gzipReused: number; chunksLinked: number }
> {
  // Grouping reads a few words of each sentence (group.ts textFlags): only the sentences that may hold one are
  // parsed; the file stays on disk, each sentence read back when its incident is written.
  const texts = new ClaimTextFile(o.texts, MAY_FLAG, (line, json) =>
    index.setFlags(line, textFlags(JSON.parse(json) as string)),
  );
  let store: StoreReader | null = null;
  try {
    if (texts.lines !== index.n) throw new Error(`${index.n} claims but ${texts.lines} sentences`);
    const incidents = indexedFeatures(index.finish(), meta, ctx, () => '');
    // The incident store: only with a cache (every document keyed) and every claim's document known.
    const keyed = docs && place && docs.keyed && docs.doc.n === index.n ? docs : null;
    store = keyed && place ? StoreReader.open(place, keyed) : null;
    const next = keyed ? new StoreWriter(keyed) : null;
    let rows: MapRows | null = null;
    // The claims chunks' gzip siblings of the last build (chunk-store.ts), with a cache.
    const gz = place ? ChunkStore.open(place.dir, 'claims', GZIP_LEVEL, o.target) : null;
    const layer = { storedLinked: 0 };
    await writeMapLayer(
      o.outDir,
      { contentCut: true },
      writeIncidents(o.path, incidents.features, texts, store, next),
      o.sources,
      gz,
      next ? (r) => (rows = r) : undefined,
      layer,
    );
    if (next && place) next.save(place, o.path, rows);
    gz?.save();
    return {
      incidents: incidents.incidents,
      point: incidents.point,
      region: incidents.incidents - incidents.point,
      reused: store?.hits ?? 0,
      rowsReused: store?.rows ? store.hits : 0,
      gzipReused: (gz?.hits ?? 0) + (gz?.linked ?? 0),
      chunksLinked: layer.storedLinked,
    };
  } finally {
    texts.close();
    store?.close();
  }
}
