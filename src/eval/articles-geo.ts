// Region geometry for the article-level scorer, by the gold schema's rules: inside = ray casting with the even-odd
// rule over all rings (holes such as Niamey inside Tillabéri are outside); size = planar area; interior point =
// the centroid of the largest outer ring when it lies inside, else the middle of the widest inside stretch of the
// horizontal line through that centroid. Pure functions over regions.geojson features.

import { haversineKm } from './geo.ts';
import { quotedNameKey as fold } from './names.ts';

type Pos = [number, number];
type Ring = Pos[];

export interface RegionShape {
  id: string;
  name: string;
  /** 'admin1' | 'country' | 'vernacular' in regions.geojson. */
  kind: string;
  country: string | null;
  /** Every ring of every polygon (outer rings and holes alike: even-odd needs no distinction). */
  rings: Ring[];
  area: number;
  interior: Pos;
}

export interface RegionFeatureLike {
  properties: { id?: unknown; name?: unknown; kind?: unknown; country?: unknown } | null;
  geometry: { type: string; coordinates: unknown } | null;
}

/** Signed shoelace area of a ring in square degrees. */
function ringArea(r: Ring): number {
  let a = 0;
  for (let i = 0, j = r.length - 1; i < r.length; j = i++) {
    const p = r[i] as Pos;
    const q = r[j] as Pos;
    a += q[0] * p[1] - p[0] * q[1];
  }
  return a / 2;
}

function ringCentroid(r: Ring): Pos {
  let cx = 0;
  let cy = 0;
  let a = 0;
  for (let i = 0, j = r.length - 1; i < r.length; j = i++) {
    const p = r[i] as Pos;
    const q = r[j] as Pos;
    const f = q[0] * p[1] - p[0] * q[1];
    cx += (q[0] + p[0]) * f;
    cy += (q[1] + p[1]) * f;
    a += f;
  }
  if (a === 0) return (r[0] as Pos | undefined) ?? [0, 0];
  return [cx / (3 * a), cy / (3 * a)];
}

/** Even-odd ray casting over all rings. */
export function insideRings(p: readonly [number, number], rings: readonly Ring[]): boolean {
  let inside = false;
  for (const r of rings) {
    for (let i = 0, j = r.length - 1; i < r.length; j = i++) {
      const a = r[i] as Pos;
      const b = r[j] as Pos;
      if (a[1] > p[1] !== b[1] > p[1] && p[0] < ((b[0] - a[0]) * (p[1] - a[1])) / (b[1] - a[1]) + a[0])
        inside = !inside;
    }
  }
  return inside;
}

/** Middle of the widest inside stretch of the horizontal line at latitude y, or null when it misses the shape. */
function widestStretchMiddle(rings: readonly Ring[], y: number): Pos | null {
  const xs: number[] = [];
  for (const r of rings) {
    for (let i = 0, j = r.length - 1; i < r.length; j = i++) {
      const a = r[i] as Pos;
      const b = r[j] as Pos;
      if (a[1] > y !== b[1] > y) xs.push(((b[0] - a[0]) * (y - a[1])) / (b[1] - a[1]) + a[0]);
    }
  }
  xs.sort((u, v) => u - v);
  let best: Pos | null = null;
  let width = -1;
  for (let k = 0; k + 1 < xs.length; k += 2) {
    const w = (xs[k + 1] as number) - (xs[k] as number);
    if (w > width) {
      width = w;
      best = [((xs[k] as number) + (xs[k + 1] as number)) / 2, y];
    }
  }
  return best;
}

/** Read one regions.geojson feature; null when it has no polygon. */
export function regionShape(f: RegionFeatureLike): RegionShape | null {
  const g = f.geometry;
  if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) return null;
  const polys = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates) as Ring[][];
  const rings = polys.flat();
  let area = 0;
  let largest: Ring | null = null;
  for (const poly of polys) {
    poly.forEach((r, k) => {
      const a = Math.abs(ringArea(r));
      area += k === 0 ? a : -a;
      if (k === 0 && (largest === null || a > Math.abs(ringArea(largest)))) largest = r;
    });
  }
  if (largest === null) return null;
  const c = ringCentroid(largest);
  const interior = insideRings(c, rings) ? c : (widestStretchMiddle(rings, c[1]) ?? c);
  const p = f.properties ?? {};
  return {
    id: String(p.id ?? ''),
    name: String(p.name ?? ''),
    kind: String(p.kind ?? ''),
    country: typeof p.country === 'string' ? p.country : null,
    rings,
    area,
    interior,
  };
}

/** Distance in km from a point to the nearest edge of any ring (nearest point found in a local plane). */
export function boundaryKm(p: readonly [number, number], rings: readonly Ring[]): number {
  const k = Math.cos((p[1] * Math.PI) / 180);
  let best = Infinity;
  let bestPos: Pos = [p[0], p[1]];
  for (const r of rings) {
    for (let i = 0, j = r.length - 1; i < r.length; j = i++) {
      const a = r[j] as Pos;
      const b = r[i] as Pos;
      const ax = (a[0] - p[0]) * k;
      const ay = a[1] - p[1];
      const dx = (b[0] - a[0]) * k;
      const dy = b[1] - a[1];
      const len = dx * dx + dy * dy;
      const t = len === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len));
      const x = ax + t * dx;
      const y = ay + t * dy;
      const d = x * x + y * y;
      if (d < best) {
        best = d;
        bestPos = [p[0] + x / (k || 1), p[1] + y];
      }
    }
  }
  return best === Infinity ? Infinity : haversineKm([p[0], p[1]], bestPos);
}

/** Country names the schema accepts beside regions.geojson's own. */
const COUNTRY_ALIASES: Record<string, string> = { 'ivory coast': "cote d'ivoire" };

export interface RegionIndex {
  byId: ReadonlyMap<string, RegionShape>;
  /** ISO code of an English country name as regions.geojson writes it; null when unknown. */
  countryCode(name: string): string | null;
  /** A region by id or by name, preferring one of the given country, then one of no country, then any. */
  find(nameOrId: string, countryName: string | null): RegionShape | null;
}

const KIND_ORDER: Record<string, number> = { admin1: 0, vernacular: 1, country: 2 };

export function buildRegionIndex(features: readonly RegionFeatureLike[]): RegionIndex {
  const byId = new Map<string, RegionShape>();
  const byName = new Map<string, RegionShape[]>();
  const codes = new Map<string, string>();
  for (const f of features) {
    const s = regionShape(f);
    if (!s || !s.id) continue;
    byId.set(s.id, s);
    const list = byName.get(fold(s.name)) ?? [];
    list.push(s);
    byName.set(fold(s.name), list);
    if (s.kind === 'country' && s.country) codes.set(fold(s.name), s.country);
  }
  for (const list of byName.values())
    list.sort((a, b) => (KIND_ORDER[a.kind] ?? 3) - (KIND_ORDER[b.kind] ?? 3) || (a.id < b.id ? -1 : 1));
  const countryCode = (name: string): string | null => {
    const k = fold(name);
    return codes.get(COUNTRY_ALIASES[k] ?? k) ?? null;
  };
  const find = (nameOrId: string, countryName: string | null): RegionShape | null => {
    const direct = byId.get(nameOrId);
    if (direct) return direct;
    const list = byName.get(fold(nameOrId)) ?? [];
    const code = countryName ? countryCode(countryName) : null;
    return (
      list.find((s) => code !== null && s.country === code) ??
      list.find((s) => s.country === null) ??
      list[0] ??
      null
    );
  };
  return { byId, countryCode, find };
}
