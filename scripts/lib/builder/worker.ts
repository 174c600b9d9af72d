// A build worker: loads the pipeline's context once, then builds the documents it is sent (reading each file
// itself, so the main thread never holds article text), stores each result in the cache, and answers with the
// document's record and output fragments. Asked last, one worker groups the corpus's claims into incidents and
// writes incidents.geojson.

import { parentPort, workerData } from 'node:worker_threads';
import { docOutput } from '../../../src/pipeline/build.ts';
import type { IncidentFeature } from '../../../src/pipeline/contract.ts';
import type { Claim, SourceMeta } from '../../../src/pipeline/types.ts';
import { incidentFeatures } from '../../../src/pipeline/features.ts';
import { readArticle } from '../corpus.ts';
import { loadContext, type LoadedContext } from '../load.ts';
import { writeMapLayer, type MapIncident } from '../map-chunks.ts';
import { docKey, writeEntry } from './cache.ts';
import { fragmentsOf, recordOf } from './fragments.ts';
import type { FromWorker, ToWorker, WorkerSetup } from './protocol.ts';
import { ClaimTexts, FileWriter } from './writer.ts';

const setup = workerData as WorkerSetup;
const port = parentPort;
if (!port) throw new Error('worker.ts runs as a worker thread');
const send = (m: FromWorker) => port.postMessage(m);

/** incidents.geojson: JSON.stringify's bytes of the collection, written feature by feature, each claim's
 * sentence (its index into `texts` until now, unless its key is in `kept`) put back. Each feature is handed on
 * (to the map layer) with its claims' JSON, then let go: features are made as they are written. */
function* writeIncidents(
  path: string,
  features: Iterable<IncidentFeature>,
  texts: ClaimTexts,
  kept: ReadonlySet<string>,
): Generator<MapIncident> {
  const out = new FileWriter(path);
  try {
    out.write('{"type":"FeatureCollection","features":[');
    let i = 0;
    for (const f of features) {
      for (const c of f.properties.claims)
        if (!kept.has(keptKey(c.id, c.source_id, c.start, c.end))) c.sentence = texts.get(Number(c.sentence));
      const json = JSON.stringify(f);
      out.write(i++ ? `,${json}` : json);
      yield [f, claimsJson(json)];
    }
    out.write(']}\n');
  } finally {
    out.close();
  }
}

/** The claims' JSON inside a feature's (toFeatures puts `claims` last in `properties`, `properties` last). */
function claimsJson(feature: string): string | undefined {
  const at = feature.lastIndexOf(CLAIMS_KEY);
  return at >= 0 && feature.endsWith(']}}') ? feature.slice(at + CLAIMS_KEY.length - 1, -2) : undefined;
}
const CLAIMS_KEY = '"claims":[';

/** A kept claim: its id with its sentence's place in its source. Ids are 32-bit hashes: among a million claims
 * some hundred pairs share one, and a town claim sharing a kept claim's id would have kept its index. */
const keptKey = (id: string, source: string, start: number, end: number) =>
  `${id}\u0000${source}\u0000${start}:${end}`;

/** Claims as the grouping worker keeps them: their repeated strings (source, place, type, dates, actors) shared,
 * not one copy per claim as each message gives them. */
function interner(): (c: Claim) => Claim {
  const seen = new Map<string, string>();
  const one = <T extends string | null>(s: T): T => {
    if (s === null) return s;
    const had = seen.get(s);
    if (had !== undefined) return had as T;
    seen.set(s, s);
    return s;
  };
  return (c) => {
    c.sourceId = one(c.sourceId);
    c.placeId = one(c.placeId);
    c.eventType = one(c.eventType);
    c.subEventType = one(c.subEventType);
    c.dateStart = one(c.dateStart);
    c.dateEnd = one(c.dateEnd);
    c.modality = one(c.modality);
    c.actors = c.actors.map(one);
    c.impacts = c.impacts.map(one);
    c.unlocatedName = one(c.unlocatedName);
    return c;
  };
}

/** What the grouping worker has been sent so far (ToWorker 'claims'). */
const toGroup = { claims: [] as Claim[], meta: new Map<string, SourceMeta>(), intern: interner() };

let ctx: LoadedContext | undefined;
try {
  ctx = loadContext({ geodataDir: setup.geodata });
  send({ type: 'ready', customErrors: ctx.customErrors });
} catch (e) {
  send({ type: 'failed', why: (e as Error).message });
}

port.on('message', (m: ToWorker) => {
  if (!ctx) return;
  if (m.type === 'claims') {
    const claims = JSON.parse(
      Buffer.from(m.claims.buffer, m.claims.byteOffset, m.claims.length).toString('utf8'),
    );
    for (const c of claims as Claim[]) toGroup.claims.push(toGroup.intern(c));
    for (const [id, meta] of m.meta) toGroup.meta.set(id, meta);
    return;
  }
  if (m.type === 'group') {
    const claims = toGroup.claims;
    toGroup.claims = [];
    const texts = new ClaimTexts(m.texts);
    // Grouping reads the text of region- and country-level claims only ("Also on Friday ... in Mali" is another
    // event, group.ts): those carry their sentence, the others (most) their index, replaced when written. A
    // claim's id hashes its sentence's offsets and its place; with them, a kept key stands for one sentence.
    const kept = new Set<string>();
    claims.forEach((c, i) => {
      if (ctx?.gazetteer.get(c.placeId)?.kind === 'place') c.text = String(i);
      else {
        c.text = texts.get(i);
        kept.add(keptKey(c.id, c.sourceId, c.start, c.end));
      }
    });
    const incidents = incidentFeatures(claims, toGroup.meta, ctx);
    const counts = {
      incidents: incidents.incidents,
      point: incidents.point,
      region: incidents.incidents - incidents.point,
    };
    // The map layer is written as incidents.geojson is (a rejection fails the worker, and so the build).
    void writeMapLayer(m.outDir, {}, writeIncidents(m.path, incidents.features, texts, kept)).then(() =>
      send({ type: 'grouped', counts }),
    );
    return;
  }
  const read = readArticle(setup.corpus, m.entry);
  if (!read.ok) return send({ type: 'doc', seq: m.seq, ok: false, why: read.why });
  let out;
  try {
    out = docOutput(read.doc, ctx);
  } catch (e) {
    return send({ type: 'doc', seq: m.seq, ok: false, why: `pipeline error: ${(e as Error).message}` });
  }
  const record = recordOf(out);
  const frags = fragmentsOf(out);
  if (setup.cache) {
    // Keyed by the bytes read now: a file changed since the scan is stored under its new content.
    const { id, file, format, meta } = m.entry;
    const key = docKey({
      code: setup.code,
      geodata: setup.geodataPrint,
      id,
      file,
      format,
      meta,
      sha256: read.sha256,
    });
    writeEntry(setup.cache, key, { record, frags });
  }
  send({ type: 'doc', seq: m.seq, ok: true, record, frags });
});
