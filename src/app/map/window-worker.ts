// A Web Worker that writes the GeoJSON text of a large set's window around the view (IncidentsLayer's windowed
// mode, above WINDOW_MIN_POINTS): on pan the main thread only posts the box, and gets back a Blob to hand to
// MapLibre as a blob URL. It holds its own copy of the point columns, sent once.

import { pointsGeoJSONText, type Box, type PointColumns } from '../lib/points-text.ts';

export type WindowRequest =
  { kind: 'columns'; columns: PointColumns } | { kind: 'window'; seq: number; box: Box; limit: number };
export interface WindowReply {
  seq: number;
  blob: Blob;
}

let columns: PointColumns | null = null;

self.onmessage = (e: MessageEvent<WindowRequest>) => {
  const m = e.data;
  if (m.kind === 'columns') {
    columns = m.columns;
    return;
  }
  if (!columns) return;
  const text = pointsGeoJSONText(columns, m.box, m.limit);
  const reply: WindowReply = { seq: m.seq, blob: new Blob([text], { type: 'application/geo+json' }) };
  self.postMessage(reply);
};
