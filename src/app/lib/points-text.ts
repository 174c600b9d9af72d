// The point features MapLibre draws, as GeoJSON text written straight from the index's typed arrays. Handing
// MapLibre a blob URL of this text lets its worker parse it instead of structured-cloning a large object on the main
// thread. It reads only the columns in PointColumns, so a Web Worker holding a copy of them can write the text of a
// large set's window around the view (map/window-worker.ts) while the main thread stays free.

import { NO_DAY } from './dates.ts';

/** Compressed lists: items of feature i are list[offsets[i] .. offsets[i+1]). */
interface Lists {
  offsets: Uint32Array;
  list: Uint32Array;
}

/** What the point text reads of an IncidentIndex (structured-cloneable: typed arrays and string lists). */
export interface PointColumns {
  n: number;
  lon: Float64Array;
  lat: Float64Array;
  eventType: Uint16Array;
  modality: Uint16Array;
  geoPrecision: Uint8Array;
  fatalities: Float64Array;
  dayStart: Int32Array;
  dayEnd: Int32Array;
  placeRef: Uint32Array;
  placeNames: string[];
  actors: Lists;
  sources: Lists;
  impacts: Lists;
  dicts: Record<'eventType' | 'modality' | 'actor' | 'source' | 'impact', { values: readonly string[] }>;
}

/** Only the columns the text needs, with plain dictionaries (what goes to the window worker). */
export function pointColumns(ix: PointColumns): PointColumns {
  const plain = (d: { values: readonly string[] }) => ({ values: [...d.values] });
  return {
    n: ix.n,
    lon: ix.lon,
    lat: ix.lat,
    eventType: ix.eventType,
    modality: ix.modality,
    geoPrecision: ix.geoPrecision,
    fatalities: ix.fatalities,
    dayStart: ix.dayStart,
    dayEnd: ix.dayEnd,
    placeRef: ix.placeRef,
    placeNames: ix.placeNames,
    actors: { offsets: ix.actors.offsets, list: ix.actors.list },
    sources: { offsets: ix.sources.offsets, list: ix.sources.list },
    impacts: { offsets: ix.impacts.offsets, list: ix.impacts.list },
    dicts: {
      eventType: plain(ix.dicts.eventType),
      modality: plain(ix.dicts.modality),
      actor: plain(ix.dicts.actor),
      source: plain(ix.dicts.source),
      impact: plain(ix.dicts.impact),
    },
  };
}

/** `|a|b|` (a value's own '|' written '/'), '' for none: what the filter expressions search in. */
export function joinKeys(values: readonly string[]): string {
  return values.length ? `|${values.map((v) => v.replaceAll('|', '/')).join('|')}|` : '';
}

function keysOf(c: Lists, values: readonly string[], i: number): string {
  const out: string[] = [];
  for (let k = c.offsets[i]!, e = c.offsets[i + 1]!; k < e; k++) out.push(values[c.list[k]!]!);
  return joinKeys(out);
}

export type Box = [west: number, south: number, east: number, north: number];

/** The flat point features (fid = index) as GeoJSON text; `box`: only the points inside it, at most `limit`. */
export function pointsGeoJSONText(ix: PointColumns, box?: Box, limit = Infinity): string {
  const q = (s: string) => JSON.stringify(s);
  const et = ix.dicts.eventType.values.map(q);
  const mod = ix.dicts.modality.values.map(q);
  const src = ix.dicts.source.values.map((s) => s.replaceAll('|', '/'));
  const names = ix.placeNames.map(q);
  const [W, S, E, N] = box ?? [-Infinity, -Infinity, Infinity, Infinity];
  const parts: string[] = [];
  for (let i = 0; i < ix.n && parts.length < limit; i++) {
    const x = ix.lon[i]!;
    const y = ix.lat[i]!;
    if (Number.isNaN(x) || x < W || x > E || y < S || y > N) continue;
    let srcs = '';
    for (let k = ix.sources.offsets[i]!; k < ix.sources.offsets[i + 1]!; k++)
      srcs += `|${src[ix.sources.list[k]!]}`;
    let props = `"fid":${i},"et":${et[ix.eventType[i]!]},"mod":${mod[ix.modality[i]!]},"gp":${ix.geoPrecision[i]},"act":${q(keysOf(ix.actors, ix.dicts.actor.values, i))},"src":${q(srcs ? `${srcs}|` : '')},"imp":${q(keysOf(ix.impacts, ix.dicts.impact.values, i))},"name":${names[ix.placeRef[i]!]}`;
    if (!Number.isNaN(ix.fatalities[i]!)) props += `,"fat":${ix.fatalities[i]}`;
    if (ix.dayStart[i] !== NO_DAY) props += `,"ds":${ix.dayStart[i]},"de":${ix.dayEnd[i]}`;
    parts.push(
      `{"type":"Feature","geometry":{"type":"Point","coordinates":[${x},${y}]},"properties":{${props}}}`,
    );
  }
  return `{"type":"FeatureCollection","features":[${parts.join(',')}]}`;
}
