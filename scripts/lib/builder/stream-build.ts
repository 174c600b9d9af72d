// The build over a corpus folder, streaming: documents are built on worker threads (pool.ts) or taken from the
// cache (cache.ts), merged in build order (by id) whatever finished first, and their output fragments appended to
// the output files as they come; each document's claims go on to the grouping worker, the main thread keeps counts.
// Same bytes as buildCorpus (src/pipeline/build.ts) in memory, for any number of workers, cached or not.

import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { buildOrder, skippedRecord, type SkippedDoc } from '../../../src/pipeline/build.ts';
import { OUTPUT_FILES, type ReportDocument } from '../../../src/pipeline/contract.ts';
import { addTally, emptyTally, reportCounts, summaryHead } from '../../../src/pipeline/report.ts';
import type { SourceMeta } from '../../../src/pipeline/types.ts';
import type { CorpusEntry } from '../corpus.ts';
import { escapeControls } from '../escape.ts';
import { GZIP_LEVEL, MapSources } from '../map-chunks.ts';
import { escapeStrings, type InputWarning } from '../report-text.ts';
import { writeAtomic } from './atomic.ts';
import { docKeys, EntryMemo, entryPath, readEntry } from './cache.ts';
import { ChunkStore } from './chunk-store.ts';
import type { DocBytes, DocRecord } from './fragments.ts';
import { Pool } from './pool.ts';
import { FileWriter, fillHead, JsonListFile, ListWriter, PartFile } from './writer.ts';

export interface StreamBuildOptions {
  corpus: string;
  geodata: string;
  /** The (temporary) output folder the files are written into. */
  outDir: string;
  /** The output folder it replaces (the map chunks the last build wrote there are linked from it). */
  target?: string;
  entries: readonly CorpusEntry[];
  skipped: readonly SkippedDoc[];
  /** Input warnings found before the build (corpus, geodata copies); the custom places' go first. */
  warnings: readonly InputWarning[];
  /** At most this many workers; `exactWorkers` false: fewer when few documents need building. */
  workers: number;
  exactWorkers: boolean;
  cache: string | null;
  code: string;
  geodataPrint: string;
  onStart?: (info: { total: number; cached: number; workers: number }) => void;
  onCustomErrors?: (errors: string[]) => void;
  onProgress?: (done: number, total: number) => void;
  /** Told when each phase of the build ends, with its wall time in milliseconds (build-data --timings). */
  onPhase?: (phase: string, ms: number) => void;
  /** Workers started before the scan for this build (its geodata, corpus, cache and fingerprints), so that the
   * first one's start (loading the modules and the context: seconds, which the merge waits for at the first
   * document to build) overlaps the scan; grown to the number of workers needed, closed by the build. */
  pool?: Pool;
}

export interface StreamBuildResult {
  counts: Record<string, number>;
  warnings: InputWarning[];
  cached: number;
  built: number;
  workers: number;
}

/** A worker's start (loading the context) costs seconds: worth it for this many documents or more. */
const DOCS_PER_EXTRA_WORKER = 300;
/** Answers may run this far ahead of the merge (bounds what waits in memory). */
const AHEAD = 256;
/** Documents whose claims go to the grouping worker in one message. */
const CLAIM_BATCH = 64;

/** Where the length of the last build's report.txt head is kept in the cache folder (a guess only: any value
 * gives the same bytes, a wrong one costs a copy of the sections). */
const HEAD_ROOM = 'report-head.json';

function readHeadRoom(cache: string): number {
  try {
    const j = JSON.parse(readFileSync(join(cache, HEAD_ROOM), 'utf8')) as { bytes?: unknown };
    return Number.isSafeInteger(j.bytes) && (j.bytes as number) >= 0 && (j.bytes as number) < 1 << 30
      ? (j.bytes as number)
      : 0;
  } catch {
    return 0;
  }
}

function writeHeadRoom(cache: string, bytes: number): void {
  writeAtomic(cache, join(cache, HEAD_ROOM), JSON.stringify({ bytes }));
}

/** Entries the read-ahead may be ahead of the merge (~55 kB each at 20k documents: ~110 MB of page cache). */
const READ_AHEAD = 2048;

/** The read-ahead thread (read-ahead.mjs): reads the cache entries of `paths` (null: none to read) ahead of the
 * merge into the page cache. Tell it where the merge is with `at`; `close` stops it. */
class ReadAhead {
  private readonly shared = new SharedArrayBuffer(8);
  private readonly pos = new Int32Array(this.shared);
  private readonly worker: Worker;
  constructor(paths: readonly (string | null)[]) {
    this.worker = new Worker(new URL('./read-ahead.mjs', import.meta.url), {
      workerData: { paths, shared: this.shared, window: READ_AHEAD },
      resourceLimits: { maxOldGenerationSizeMb: 32 },
    });
    this.worker.on('error', () => {}); // a read-ahead that fails costs speed only
    this.worker.unref();
  }
  at(seq: number): void {
    Atomics.store(this.pos, 0, seq);
    if ((seq & 63) === 0) Atomics.notify(this.pos, 0);
  }
  async close(): Promise<void> {
    Atomics.store(this.pos, 1, 1);
    Atomics.notify(this.pos, 0);
    await this.worker.terminate();
  }
}

export async function streamBuild(o: StreamBuildOptions): Promise<StreamBuildResult> {
  let since = performance.now();
  const phase = (name: string) => {
    const now = performance.now();
    o.onPhase?.(name, now - since);
    since = now;
  };
  const sorted = buildOrder(o.entries);
  const keys = docKeys(sorted, o.code, o.geodataPrint);
  const cache = o.cache;
  const hit = sorted.map((_, i) => cache !== null && existsSync(entryPath(cache, keys[i] as string)));
  const toBuild = hit.filter((h) => !h).length;
  phase('cache lookup');
  const workers = o.exactWorkers
    ? Math.max(1, Math.min(o.workers, toBuild))
    : Math.max(1, Math.min(o.workers, Math.ceil(toBuild / DOCS_PER_EXTRA_WORKER)));
  o.onStart?.({ total: sorted.length, cached: sorted.length - toBuild, workers });
  const setup = {
    geodata: o.geodata,
    corpus: o.corpus,
    cache,
    code: o.code,
    geodataPrint: o.geodataPrint,
  };
  const given = o.pool;
  const fits =
    given !== undefined &&
    Object.entries(setup).every(([k, v]) => given.started[k as keyof typeof setup] === v);
  if (given && !fits) await given.close();
  const pool = given && fits ? given : new Pool(workers, setup);
  pool.grow(workers);
  let ahead: ReadAhead | null = null;
  try {
    pool.setLimit(AHEAD);
    sorted.forEach((e, seq) => {
      if (!hit[seq]) pool.add(seq, e);
    });

    const sources = new JsonListFile(join(o.outDir, OUTPUT_FILES.sources));
    const risk = new JsonListFile(join(o.outDir, OUTPUT_FILES.risk));
    const part = (name: string) => new PartFile(join(o.outDir, `.part-${name}`));
    // report.json (JSON.stringify's key order: documents, mentions, dropped, unlocated, counts, warnings) gets its
    // mentions (most of its bytes) as documents merge, after the room its head takes when every document builds;
    // the head is written there once the documents are merged (or the mentions moved, when one failed to build).
    const headOf = (docs: readonly ReportDocument[]) =>
      Buffer.from(`{"documents":${JSON.stringify(docs)},"mentions":[`);
    const room = headOf([
      ...o.skipped.map(skippedRecord),
      ...sorted.map((e): ReportDocument => ({
        id: e.id,
        file: e.file,
        status: 'ok',
        why: null,
        chars: e.chars,
      })),
    ]).length;
    const reportPath = join(o.outDir, OUTPUT_FILES.report);
    let rep = new FileWriter(reportPath, room);
    const mentions = new ListWriter(rep);
    const unlocated = part('unlocated');
    const dropped = part('dropped');
    // report.txt: its head (the counts) is known only once grouping is done; the documents' sections are written as
    // they merge after the room the last build's head took (kept in the cache; the counts' digits seldom change
    // between two builds of one corpus), and moved after the real head when it is not that long.
    const summaryPath = join(o.outDir, OUTPUT_FILES.summary);
    const headRoom = cache === null ? 0 : readHeadRoom(cache);
    let text = new FileWriter(summaryPath, headRoom);
    const claimText = new FileWriter(join(o.outDir, '.part-claim-text'));
    const documents: ReportDocument[] = o.skipped.map(skippedRecord);
    // Claims go to the grouping worker in batches, in merge order (their index is their sentence's line in
    // claimText).
    let batch: { claims: Uint8Array[]; meta: [string, SourceMeta][]; keys: string[] } = {
      claims: [],
      meta: [],
      keys: [],
    };
    const sendBatch = () => {
      if (batch.meta.length) {
        pool.sendClaims({
          type: 'claims',
          claims: Buffer.concat(batch.claims),
          lengths: batch.claims.map((c) => c.length),
          meta: batch.meta,
          keys: cache === null ? null : batch.keys,
        });
      }
      batch = { claims: [], meta: [], keys: [] };
    };
    const total = emptyTally();
    let built = 0;
    let fromCache = 0;

    // The sources' half of the map layer, written as documents merge (the grouping worker writes the rest).
    // Chunks cut where the sources' ids say, so that the text chunks of unchanged sources keep their bytes and take
    // their gzip from the last build's (chunk-store.ts).
    const target = o.target ?? null;
    const textGz = cache === null ? null : ChunkStore.open(cache, 'texts', GZIP_LEVEL, target);
    const mapSources = new MapSources(o.outDir, { contentCut: true }, textGz);
    /** `key`: the cache key of the document's result (the incident store names claims by it). */
    const commit = (e: CorpusEntry, record: DocRecord, frags: DocBytes, key: string) => {
      sources.add(frags.source);
      // A cached source stays bytes: its text goes into its chunk without being decoded and encoded again.
      mapSources.addJson(frags.source, cache === null ? undefined : key);
      risk.add(frags.risk);
      mentions.add(frags.mentions);
      unlocated.add(frags.unlocated);
      dropped.add(frags.dropped);
      text.write(frags.text);
      claimText.write(frags.claimText);
      if (record.claims.length) batch.claims.push(record.claims);
      batch.meta.push([e.id, e.meta]);
      batch.keys.push(key);
      if (batch.meta.length >= CLAIM_BATCH) sendBatch();
      addTally(total, record.tally);
      documents.push({ id: e.id, file: e.file, status: 'ok', why: null, chars: e.chars });
      built++;
    };

    // Entries checked by an earlier build are not hashed again while their files are the ones checked.
    const memo = cache === null ? null : EntryMemo.open(cache);
    // Entries are read ahead of the merge on a thread of their own (into the page cache), with a cache.
    ahead =
      cache === null || toBuild === sorted.length
        ? null
        : new ReadAhead(sorted.map((_, i) => (hit[i] ? entryPath(cache, keys[i] as string) : null)));
    /** The keys of the entries the workers stored (remembered at the end, when most have settled). */
    const stored: string[] = [];
    for (let seq = 0; seq < sorted.length; seq++) {
      const e = sorted[seq] as CorpusEntry;
      ahead?.at(seq);
      await mapSources.drain();
      pool.setLimit(seq + AHEAD);
      let answer = null;
      if (hit[seq]) {
        const cached = readEntry(cache as string, keys[seq] as string, memo ?? undefined);
        if (cached) {
          fromCache++;
          commit(e, cached.record, cached.frags, keys[seq] as string);
        } else pool.add(seq, e, true); // corrupt or gone: built again (and stored again)
        // Let the workers' answers in now and then while the cache is read.
        if (cached && seq % 64 === 0) {
          await new Promise((r) => setImmediate(r));
          pool.check(); // a worker that could not load the context stops the build now, not after the cache
        }
        if (cached) {
          o.onProgress?.(seq + 1, sorted.length);
          continue;
        }
      }
      answer = await pool.take(seq);
      // Without a cache no key is used; a built document's is the key of the bytes its worker read.
      if (answer.ok) {
        commit(e, answer.record, answer.frags, answer.key ?? (keys[seq] as string));
        if (answer.key !== undefined && answer.stored) stored.push(answer.key);
      } else documents.push({ id: e.id, file: e.file, status: 'skipped', why: answer.why, chars: e.chars });
      o.onProgress?.(seq + 1, sorted.length);
    }
    await ahead?.close();
    ahead = null;
    for (const f of [sources, risk, unlocated, dropped, claimText]) f.close();
    sendBatch();
    const nSources = await mapSources.finish();
    textGz?.save();
    phase(
      `merge (${fromCache} cached (${memo?.trusted ?? 0} not hashed again), ${built - fromCache} built; ` +
        `${(textGz?.hits ?? 0) + (textGz?.linked ?? 0)} text chunks' gzip reused, ` +
        `${mapSources.keyedLinked} of them not joined)`,
    );

    // Cached documents were merged while the workers loaded the context; it is needed from here on.
    const customErrors = await pool.ready();
    phase('workers ready');
    o.onCustomErrors?.(customErrors);
    const warnings: InputWarning[] = [
      ...customErrors.map((why) => ({ file: 'custom-places.json', why })),
      ...o.warnings,
    ];
    // The grouping worker groups the claims and writes incidents.geojson and the map layer, while this thread
    // writes unlocated.json and report.json up to its counts (its head, then the dropped text and the unlocated
    // events spliced from their parts); the counts and report.txt wait for it.
    const grouping = pool.group({
      type: 'group',
      path: join(o.outDir, OUTPUT_FILES.incidents),
      texts: claimText.path,
      outDir: o.outDir,
      target,
      sources: nSources,
    });
    grouping.catch(() => {}); // awaited below; a failure meanwhile must not go unhandled
    const unl = new FileWriter(join(o.outDir, OUTPUT_FILES.unlocated));
    unl.write('[');
    unl.copyFrom(unlocated.path);
    unl.write(']\n');
    unl.close();
    // (A document that failed to build has a longer record: the mentions then move after it.)
    rep = fillHead(rep, headOf(documents), '.mentions');
    rep.write('],"dropped":[');
    rep.copyFrom(dropped.path);
    rep.write('],"unlocated":[');
    rep.copyFrom(unlocated.path);
    for (const p of [unlocated, dropped]) p.remove();
    phase('report.json, unlocated.json (while grouping)');
    const grouped = await grouping;
    phase(
      `group, incidents.geojson, map layer (${grouped.reused} incidents from the store, ` +
        `${grouped.rowsReused} with their map rows, ${grouped.gzipReused} claims chunks' gzip reused, ` +
        `${grouped.chunksLinked} of them not joined)`,
    );
    const counts = reportCounts(
      total,
      { built, skipped: documents.filter((d) => d.status === 'skipped').length },
      grouped.counts,
    );
    rep.write(`],"counts":${JSON.stringify(counts)}`);
    rep.write(warnings.length ? `,"warnings":${JSON.stringify(warnings)}}\n` : '}\n');
    rep.close();
    const summary = Buffer.from(
      summaryHead({ counts, documents: documents.map((d) => escapeStrings(d)) }).join('\n'),
    );
    text = fillHead(text, summary, '.sections');
    if (cache !== null) writeHeadRoom(cache, summary.length);
    const txt = text;
    txt.write('\n');
    if (warnings.length) {
      const lines = ['', 'Input warnings:'];
      for (const w of warnings) lines.push(`  ${escapeControls(w.file)}: ${escapeControls(w.why)}`);
      txt.write(`${lines.join('\n')}\n`);
    }
    txt.close();
    rmSync(claimText.path, { force: true });
    if (cache !== null && memo) {
      for (const k of stored) memo.rememberStored(cache, k);
      memo.save(cache);
    }
    phase('report counts, report.txt');
    return { counts, warnings, cached: fromCache, built: built - fromCache, workers };
  } finally {
    await ahead?.close();
    await pool.close();
  }
}
