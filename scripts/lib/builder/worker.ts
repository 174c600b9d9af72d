// A build worker: loads the pipeline's context once, then builds the documents it is sent (reading each file
// itself, so the main thread never holds article text), stores each result in the cache, and answers with the
// document's record and output fragments. Asked last, one worker groups the corpus's claims into incidents and
// writes incidents.geojson and the map layer (group-job.ts).

import { parentPort, workerData } from 'node:worker_threads';
import { docOutput } from '../../../src/pipeline/build.ts';
import { ClaimIndexBuilder } from '../../../src/pipeline/claim-index.ts';
import type { SourceMeta } from '../../../src/pipeline/types.ts';
import { readArticle } from '../corpus.ts';
import { loadContext, type LoadedContext } from '../load.ts';
import { docKey, writeEntry } from './cache.ts';
import { fragmentsOf, recordOf } from './fragments.ts';
import { groupJob } from './group-job.ts';
import { ClaimDocs, storePrint } from './incident-store.ts';
import type { FromWorker, ToWorker, WorkerSetup } from './protocol.ts';

const setup = workerData as WorkerSetup;
const port = parentPort;
if (!port) throw new Error('worker.ts runs as a worker thread');
const send = (m: FromWorker) => port.postMessage(m);

/** What the grouping worker has been sent so far (ToWorker 'claims'): the claims as columns, not objects. */
const toGroup = {
  index: new ClaimIndexBuilder(),
  meta: new Map<string, SourceMeta>(),
  claims: new ClaimDocs(),
};

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
    // Each claim's document (its number in merge order) and place among the document's claims, for the store.
    const docOf = new Map<string, number>();
    m.meta.forEach(([id, meta], i) => {
      toGroup.meta.set(id, meta);
      docOf.set(id, toGroup.claims.addDoc(m.keys?.[i] ?? null));
    });
    const onClaim = (sourceId: string, line: number) =>
      toGroup.claims.addClaim(docOf.get(sourceId) as number, line);
    let at = 0;
    for (const n of m.lengths) {
      toGroup.index.addPacked(m.claims.subarray(at, at + n), onClaim);
      at += n;
    }
    return;
  }
  if (m.type === 'group') {
    // A rejection fails the worker, and so the build.
    const store =
      setup.cache === null ? null : { dir: setup.cache, print: storePrint(setup.code, setup.geodataPrint) };
    void groupJob(toGroup.index, toGroup.meta, ctx, m, toGroup.claims, store).then(
      ({ reused, rowsReused, gzipReused, chunksLinked, ...counts }) =>
        send({ type: 'grouped', counts, reused, rowsReused, gzipReused, chunksLinked }),
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
    const stored = writeEntry(setup.cache, key, { record, frags });
    return send({ type: 'doc', seq: m.seq, ok: true, record, frags, key, stored });
  }
  send({ type: 'doc', seq: m.seq, ok: true, record, frags });
});
