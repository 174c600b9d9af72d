// Worker threads for the build: each loads the pipeline's context once (worker.ts); documents are handed out in
// build order, at most two in flight per worker, and their answers wait in `done` until the main thread takes
// them in order (stream-build.ts), so the merge does not depend on which worker finished first.

import { Worker } from 'node:worker_threads';
import type { CorpusEntry } from '../corpus.ts';
import type { FromWorker, ToWorker, WorkerSetup } from './protocol.ts';

const BOOT = new URL('./worker-boot.mjs', import.meta.url);
const ENTRY = new URL('./worker.ts', import.meta.url).href;
const IN_FLIGHT = 2;
/** A worker's young generation (V8's default here: 48 MB): a document makes a few MB of short-lived objects over
 * a context of a few hundred MB, and with the default many were promoted and then marked with the context. A
 * larger one lets them die young: the 2k synthetic build's CPU time 47 -> 37 s at 192 MB (load 12-14), for about
 * 100-200 MB more resident per worker; 128 MB is the middle. SAHEL_BUILD_YOUNG_MB overrides it (benchmarks). */
const YOUNG_MB = Number(process.env.SAHEL_BUILD_YOUNG_MB) || 128;

type DocAnswer = Extract<FromWorker, { type: 'doc' }>;

interface Slot {
  worker: Worker;
  ready: boolean;
  busy: number;
}

/** A worker could not load the pipeline's context (the geodata folder): nothing can be built. */
export class ContextError extends Error {}

export class Pool {
  private slots: Slot[] = [];
  private queue: { seq: number; entry: CorpusEntry }[] = [];
  private done = new Map<number, DocAnswer>();
  private wake: (() => void) | null = null;
  private failure: Error | null = null;
  private readyCount = 0;
  customErrors: string[] | null = null;
  /** Documents handed out but not yet answered, by seq. */
  private pending = new Set<number>();
  private grouped: ((m: Extract<FromWorker, { type: 'grouped' }>) => void) | null = null;

  constructor(
    n: number,
    private readonly setup: Omit<WorkerSetup, 'entry'>,
  ) {
    this.grow(n);
  }

  /** At least `n` workers: more are started (a pool started with one before the scan, stream-build.ts). */
  grow(n: number): void {
    while (this.slots.length < n) {
      const worker = new Worker(BOOT, {
        workerData: { ...this.setup, entry: ENTRY } satisfies WorkerSetup,
        resourceLimits: { maxYoungGenerationSizeMb: YOUNG_MB },
      });
      const slot: Slot = { worker, ready: false, busy: 0 };
      worker.on('message', (m: FromWorker) => this.onMessage(slot, m));
      worker.on('error', (e) => this.fail(`a build worker failed: ${e.message}`));
      worker.on('exit', (code) => {
        if (code !== 0 && !this.closing) this.fail(`a build worker exited with code ${code}`);
      });
      this.slots.push(slot);
    }
  }

  /** The setup the workers were started with (a pool is used only for a build of the same). */
  get started(): Readonly<Omit<WorkerSetup, 'entry'>> {
    return this.setup;
  }

  private closing = false;

  private fail(why: string, context = false): void {
    this.failure ??= context ? new ContextError(why) : new Error(why);
    this.notify();
  }

  private notify(): void {
    const w = this.wake;
    this.wake = null;
    w?.();
  }

  private onMessage(slot: Slot, m: FromWorker): void {
    if (m.type === 'ready') {
      slot.ready = true;
      this.readyCount++;
      this.customErrors ??= m.customErrors;
      this.dispatch();
    } else if (m.type === 'failed') this.fail(m.why, true);
    else if (m.type === 'grouped') this.grouped?.(m);
    else {
      slot.busy--;
      this.pending.delete(m.seq);
      this.done.set(m.seq, m);
      this.dispatch();
    }
    this.notify();
  }

  /** Hand queued documents to ready workers with room. `limit`: no seq beyond it yet (bounds `done`). */
  private limit = Infinity;
  private dispatch(): void {
    for (const slot of this.slots) {
      while (
        slot.ready &&
        slot.busy < IN_FLIGHT &&
        this.queue.length &&
        (this.queue[0]?.seq ?? 0) <= this.limit
      ) {
        const task = this.queue.shift() as { seq: number; entry: CorpusEntry };
        slot.busy++;
        this.pending.add(task.seq);
        slot.worker.postMessage({ type: 'doc', ...task } satisfies ToWorker);
      }
    }
  }

  /** Queue a document; `first`: ahead of the others (a corrupt cache entry the merge is waiting for). */
  add(seq: number, entry: CorpusEntry, first = false): void {
    if (first) this.queue.unshift({ seq, entry });
    else this.queue.push({ seq, entry });
    this.dispatch();
  }

  setLimit(limit: number): void {
    this.limit = limit;
    this.dispatch();
  }

  /** Resolves on the next event (an answer, a worker ready, a failure). */
  private next(): Promise<void> {
    return new Promise((resolve) => (this.wake = resolve));
  }

  /** Throws the first failure, if any. */
  check(): void {
    if (this.failure) throw this.failure;
  }

  /** Waits until every worker has loaded its context (or one failed: the reason is thrown). */
  async ready(): Promise<string[]> {
    while (this.readyCount < this.slots.length) {
      if (this.failure) throw this.failure;
      await this.next();
    }
    return this.customErrors ?? [];
  }

  /** The answer for `seq`, waiting for it. */
  async take(seq: number): Promise<DocAnswer> {
    for (;;) {
      if (this.failure) throw this.failure;
      const a = this.done.get(seq);
      if (a) {
        this.done.delete(seq);
        return a;
      }
      await this.next();
    }
  }

  /** Claims for grouping go to the first worker (the one that groups) as documents merge: the main thread keeps
   * none, and no corpus-sized message is cloned at the end. */
  sendClaims(m: Extract<ToWorker, { type: 'claims' }>): void {
    const first = this.slots[0];
    if (!first) throw new Error('no build worker');
    first.worker.postMessage(m satisfies ToWorker);
  }

  /** The first worker groups the claims sent and writes incidents.geojson; the others are stopped first (their
   * memory). */
  async group(m: Extract<ToWorker, { type: 'group' }>): Promise<Extract<FromWorker, { type: 'grouped' }>> {
    this.closing = true;
    const [first, ...rest] = this.slots;
    if (!first) throw new Error('no build worker');
    await Promise.all(rest.map((s) => s.worker.terminate()));
    this.slots = [first];
    this.closing = false;
    const answer = new Promise<Extract<FromWorker, { type: 'grouped' }>>(
      (resolve) => (this.grouped = resolve),
    );
    first.worker.postMessage(m satisfies ToWorker);
    for (;;) {
      if (this.failure) throw this.failure;
      const r = await Promise.race([answer, this.next().then(() => null)]);
      if (r) return r;
    }
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
