// A worker thread's entry: the build's worker is TypeScript, and Node 20 does not hand a worker's .ts entry to
// the loader hooks tsx installs in the main thread, so the worker registers tsx itself, then loads it.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
