// A build worker: loads the pipeline's context once, then builds the documents it is sent (reading each file
// itself, so the main thread never holds article text), stores each result in the cache, and answers with the
// document's record and output fragments. Asked last, one worker groups the corpus's claims into incidents and
// writes incidents.geojson.

import { parentPort, workerData } from 'node:worker_threads';
import { docOutput } from '../../../src/pipeline/build.ts';
import type { IncidentCollection } from '../../../src/pipeline/contract.ts';
import { toFeatures } from '../../../src/pipeline/features.ts';
import { incidentCounts } from '../../../src/pipeline/report.ts';
import { readArticle } from '../corpus.ts';
import { loadContext, type LoadedContext } from '../load.ts';
import { docKey, writeEntry } from './cache.ts';
import { fragmentsOf, recordOf } from './fragments.ts';
import type { FromWorker, ToWorker, WorkerSetup } from './protocol.ts';
import { ClaimTexts, FileWriter } from './writer.ts';

const setup = workerData as WorkerSetup;
const port = parentPort;
if (!port) throw new Error('worker.ts runs as a worker thread');
const send = (m: FromWorker) => port.postMessage(m);

/** incidents.geojson: JSON.stringify's bytes of the collection, written feature by feature, each claim's
 * sentence (its index into `texts` until now) put back. */
function writeIncidents(path: string, incidents: IncidentCollection, texts: ClaimTexts): void {
  const out = new FileWriter(path);
  out.write('{"type":"FeatureCollection","features":[');
  incidents.features.forEach((f, i) => {
    const claims = f.properties.claims;
    const index = claims.map((c) => c.sentence);
    claims.forEach((c, j) => (c.sentence = texts.get(Number(index[j]))));
    out.write(`${i ? ',' : ''}${JSON.stringify(f)}`);
    claims.forEach((c) => (c.sentence = '')); // written: not held until the last feature
  });
  out.write(']}\n');
  out.close();
}

let ctx: LoadedContext | undefined;
try {
  ctx = loadContext({ geodataDir: setup.geodata });
  send({ type: 'ready', customErrors: ctx.customErrors });
} catch (e) {
  send({ type: 'failed', why: (e as Error).message });
}

port.on('message', (m: ToWorker) => {
  if (!ctx) return;
  if (m.type === 'group') {
    const texts = new ClaimTexts(m.texts);
    // Grouping never reads a claim's text: each carries its index, replaced by the sentence when written.
    m.claims.forEach((c, i) => (c.text = String(i)));
    const incidents = toFeatures(m.claims, new Map(m.meta), ctx);
    writeIncidents(m.path, incidents, texts);
    send({ type: 'grouped', counts: incidentCounts(incidents) });
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
