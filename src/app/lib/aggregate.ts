// Clusters at low zoom that honour the filters: a grid over Web Mercator pixels at the current integer zoom,
// computed from the filter mask in one pass. Only the (few) cluster features go to MapLibre; the full point source is
// never re-sent. A cell with one incident yields that incident's own flat feature, so it keeps its styling.

import type { Feature, FeatureCollection, Point } from 'geojson';
import type { FlatProps, IncidentIndex } from './model.ts';

export interface ClusterProps {
  fid: number;
  count: number;
  fat: number;
  label: string;
  /** Bounds of the members, for "zoom to cluster". */
  w: number;
  s: number;
  e: number;
  n: number;
}

export type AggFeature = Feature<Point, ClusterProps | FlatProps>;

export const CELL_PX = 48;

export function aggregate(
  ix: IncidentIndex,
  mask: Uint8Array,
  zoom: number,
  flat: (i: number) => Feature<Point, FlatProps> | null,
  cellPx = CELL_PX,
): FeatureCollection<Point, ClusterProps | FlatProps> {
  const z = Math.max(0, Math.floor(zoom));
  const scale = (2 ** z * 512) / cellPx;
  const width = Math.ceil(scale);
  const slot = new Map<number, number>();
  const count: number[] = [];
  const first: number[] = [];
  const fat: number[] = [];
  const sx: number[] = [];
  const sy: number[] = [];
  const w: number[] = [];
  const s: number[] = [];
  const e: number[] = [];
  const nn: number[] = [];
  for (let i = 0; i < ix.n; i++) {
    if (!mask[i]) continue;
    const x = ix.mx[i]!;
    if (Number.isNaN(x)) continue;
    const key = Math.floor(ix.my[i]! * scale) * width + Math.floor(x * scale);
    let k = slot.get(key);
    const lon = ix.lon[i]!;
    const lat = ix.lat[i]!;
    const f = ix.fatalities[i]!;
    if (k === undefined) {
      k = count.length;
      slot.set(key, k);
      count.push(1);
      first.push(i);
      fat.push(Number.isNaN(f) ? 0 : f);
      sx.push(lon);
      sy.push(lat);
      w.push(lon);
      e.push(lon);
      s.push(lat);
      nn.push(lat);
    } else {
      count[k]!++;
      if (!Number.isNaN(f)) fat[k]! += f;
      sx[k]! += lon;
      sy[k]! += lat;
      if (lon < w[k]!) w[k] = lon;
      if (lon > e[k]!) e[k] = lon;
      if (lat < s[k]!) s[k] = lat;
      if (lat > nn[k]!) nn[k] = lat;
    }
  }
  const features: Feature<Point, ClusterProps | FlatProps>[] = [];
  for (let k = 0; k < count.length; k++) {
    const c = count[k]!;
    if (c === 1) {
      const f = flat(first[k]!);
      if (f) features.push(f);
      continue;
    }
    const fsum = fat[k]!;
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [sx[k]! / c, sy[k]! / c] },
      properties: {
        fid: ix.n + k,
        count: c,
        fat: fsum,
        label: fsum > 0 ? `${abbreviate(c)}\n${abbreviate(fsum)} †` : abbreviate(c),
        w: w[k]!,
        s: s[k]!,
        e: e[k]!,
        n: nn[k]!,
      },
    });
  }
  return { type: 'FeatureCollection', features };
}

export function abbreviate(x: number): string {
  if (x >= 1e6) return `${(x / 1e6).toFixed(1)}M`;
  if (x >= 1e4) return `${Math.round(x / 1e3)}k`;
  if (x >= 1e3) return `${(x / 1e3).toFixed(1)}k`;
  return String(Math.round(x));
}
