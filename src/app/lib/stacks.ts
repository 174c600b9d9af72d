// Several incidents at one point (same coordinates: a town's many events, or sources placing different events at
// the town's centre) would be drawn under each other as one dot. The places holding two or more incidents are
// grouped once at load; under each filter only those groups are walked, so the count badge follows the filters
// cheaply, and the hover card can list every incident at the point.

import type { Feature, FeatureCollection, Point } from 'geojson';
import type { Csr, IncidentIndex } from './model.ts';
import { distinctPoints } from './points.ts';

export interface StackIndex {
  /** Members of stack g (incident indices, index order) are list[offsets[g] .. offsets[g+1]). */
  members: Csr;
  /** Stack of incident i, or -1 when i is alone at its point (or has no point). */
  of: Int32Array;
}

/** Scalar properties of a badge feature. `here` (not `count`) so no handler takes it for a cluster. */
export interface StackProps {
  /** The incident a click on the badge selects (the newest filtered member); also the feature id. */
  fid: number;
  here: number;
  label: string;
}

export function buildStacks(ix: IncidentIndex): StackIndex {
  // the points holding two or more incidents, in order of their first incident (one pass, src/app/lib/points.ts)
  const pts = distinctPoints(ix);
  const size = new Uint32Array(pts.count);
  for (let i = 0; i < ix.n; i++) if (pts.of[i]! >= 0) size[pts.of[i]!]!++;
  const groupOf = new Int32Array(pts.count).fill(-1);
  let nGroups = 0;
  for (let p = 0; p < pts.count; p++) if (size[p]! > 1) groupOf[p] = nGroups++;
  const groups: number[][] = Array.from({ length: nGroups }, () => []);
  for (let i = 0; i < ix.n; i++) {
    const p = pts.of[i]!;
    if (p >= 0 && groupOf[p]! >= 0) groups[groupOf[p]!]!.push(i);
  }
  const offsets = new Uint32Array(groups.length + 1);
  const list = new Uint32Array(groups.reduce((s, g) => s + g.length, 0));
  const of = new Int32Array(ix.n).fill(-1);
  let k = 0;
  groups.forEach((g, s) => {
    offsets[s] = k;
    for (const i of g) {
      list[k++] = i;
      of[i] = s;
    }
  });
  offsets[groups.length] = k;
  return { members: { offsets, list }, of };
}

/** Newest first (latest end day; undated last), then index order. */
function newestFirst(ix: IncidentIndex): (a: number, b: number) => number {
  return (a, b) => ix.dayEnd[b]! - ix.dayEnd[a]! || a - b;
}

/** The filtered incidents at incident i's point, i included when it passes, newest first. */
export function stackMembers(ix: IncidentIndex, st: StackIndex, mask: Uint8Array, i: number): number[] {
  const s = st.of[i];
  if (s === undefined || s < 0) return mask[i] ? [i] : [];
  const out: number[] = [];
  for (let k = st.members.offsets[s]!, e = st.members.offsets[s + 1]!; k < e; k++) {
    const j = st.members.list[k]!;
    if (mask[j]) out.push(j);
  }
  return out.sort(newestFirst(ix));
}

/** One badge per point holding two or more filtered incidents. */
export function stackFeatures(
  ix: IncidentIndex,
  st: StackIndex,
  mask: Uint8Array,
): FeatureCollection<Point, StackProps> {
  const features: Feature<Point, StackProps>[] = [];
  const groups = st.members.offsets.length - 1;
  const newer = newestFirst(ix);
  for (let s = 0; s < groups; s++) {
    let n = 0;
    let top = -1;
    for (let k = st.members.offsets[s]!, e = st.members.offsets[s + 1]!; k < e; k++) {
      const j = st.members.list[k]!;
      if (!mask[j]) continue;
      n++;
      if (top < 0 || newer(j, top) < 0) top = j;
    }
    if (n < 2) continue;
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [ix.lon[top]!, ix.lat[top]!] },
      properties: { fid: top, here: n, label: n > 99 ? '99+' : String(n) },
    });
  }
  return { type: 'FeatureCollection', features };
}
