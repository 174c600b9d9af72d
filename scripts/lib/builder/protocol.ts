// Messages between the build's main thread (pool.ts) and its workers (worker.ts).

import type { IncidentCounts } from '../../../src/pipeline/report.ts';
import type { SourceMeta } from '../../../src/pipeline/types.ts';
import type { CorpusEntry } from '../corpus.ts';
import type { DocFragments, DocRecord } from './fragments.ts';

export interface WorkerSetup {
  /** The worker module (worker.ts), as a file URL, for worker-boot.mjs. */
  entry: string;
  geodata: string;
  corpus: string;
  /** null: no cache. */
  cache: string | null;
  code: string;
  geodataPrint: string;
}

export type ToWorker =
  | { type: 'doc'; seq: number; entry: CorpusEntry }
  /** Documents' claims (text left out), each document's packed (claim-index.ts packClaims), one after the other
   * in `claims` (`lengths`: each one's bytes), and their metadata, in merge order, to the grouping worker as they
   * merge; `keys`: the documents' cache keys (null without a cache), for the incident store (incident-store.ts). */
  | {
      type: 'claims';
      claims: Uint8Array;
      lengths: number[];
      meta: [string, SourceMeta][];
      keys: string[] | null;
    }
  /** Every document is merged: group the claims sent, write incidents.geojson (`texts`: the claims' sentences)
   * and the incidents' half of the map layer into `outDir` (the main thread wrote its `sources` sources, in
   * `textChunks` text chunks). */
  | {
      type: 'group';
      path: string;
      texts: string;
      outDir: string;
      /** The output folder `outDir` will replace (chunk-store.ts links the last build's chunks from it). */
      target: string | null;
      sources: { sources: number; textChunks: number };
    };

export type FromWorker =
  | { type: 'ready'; customErrors: string[] }
  | { type: 'failed'; why: string }
  /** `key`: the cache key the result was stored under (of the bytes the worker read), with a cache; `stored`: the
   * entry was written (cache.ts writeEntry). */
  | {
      type: 'doc';
      seq: number;
      ok: true;
      record: DocRecord;
      frags: DocFragments;
      key?: string;
      stored?: boolean;
    }
  | { type: 'doc'; seq: number; ok: false; why: string }
  /** `reused`: incidents whose feature came from the incident store (`rowsReused` of them with their map-layer
   * row); `gzipReused`: claims chunks whose gzip sibling came from the chunk store (`chunksLinked` of them linked
   * as a stored chunk, their bytes not made). */
  | {
      type: 'grouped';
      counts: IncidentCounts;
      reused: number;
      rowsReused: number;
      gzipReused: number;
      chunksLinked: number;
    };
