// The main thread's side of window-worker.ts: the point columns go to the worker once; each window asked for comes
// back as a Blob of GeoJSON text (only the newest request is answered: a window overtaken by a later pan is
// dropped). Without Web Workers the text is written here, on the main thread, as before.

import { pointColumns, pointsGeoJSONText, type Box, type PointColumns } from '../lib/points-text.ts';
import type { WindowReply, WindowRequest } from './window-worker.ts';

export class WindowBuilder {
  private worker: Worker | null = null;
  private started = false;
  private seq = 0;
  private sent = false;
  private pending: ((blob: Blob | null) => void) | null = null;

  constructor(private readonly columns: PointColumns) {}

  /** The worker starts at the first window, not when the layer mounts (the overview needs none). */
  private start(): void {
    if (this.started) return;
    this.started = true;
    if (typeof Worker !== 'function') return;
    try {
      this.worker = new Worker(new URL('./window-worker.ts', import.meta.url), { type: 'module' });
    } catch {
      return;
    }
    this.worker.onmessage = (e: MessageEvent<WindowReply>) => {
      if (e.data.seq !== this.seq || !this.pending) return;
      const done = this.pending;
      this.pending = null;
      done(e.data.blob);
    };
  }

  /** The points inside `box` (at most `limit`), as GeoJSON text; null when a later request overtook this one. */
  build(box: Box, limit: number): Promise<Blob | null> {
    this.start();
    if (!this.worker)
      return Promise.resolve(
        new Blob([pointsGeoJSONText(this.columns, box, limit)], { type: 'application/geo+json' }),
      );
    if (!this.sent) {
      // the columns go at the first window, not when the layer mounts (the overview needs none)
      this.sent = true;
      const cols: WindowRequest = { kind: 'columns', columns: pointColumns(this.columns) };
      this.worker.postMessage(cols);
    }
    this.pending?.(null);
    const seq = ++this.seq;
    const msg: WindowRequest = { kind: 'window', seq, box, limit };
    this.worker.postMessage(msg);
    return new Promise((resolve) => (this.pending = resolve));
  }

  dispose(): void {
    this.started = true;
    this.pending?.(null);
    this.pending = null;
    this.worker?.terminate();
  }
}
