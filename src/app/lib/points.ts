// Hash tables over typed arrays, for the large sets: the distinct points of an index (stacks, point-in-polygon) and
// packed 32-bit ids (the columnar layer's id lookup and duplicate check), each in one pass with no per-item object.

import type { IncidentIndex } from './model.ts';

/** Bits of a table at least twice the size of the set (4 to 2^30 slots). */
const tableBits = (n: number): number => {
  let b = 4;
  while (1 << b < n * 2 && b < 30) b++;
  return b;
};

/** Slot of a 32-bit key: Fibonacci hashing, the product's high bits. */
const slot = (key: number, bits: number): number => Math.imul(key, 0x9e3779b1) >>> (32 - bits);

export interface DistinctPoints {
  /** Point of incident i (in order of first appearance), -1 without a point. */
  of: Int32Array;
  /** The first incident at each point. */
  first: Uint32Array;
  count: number;
}

const cache = new WeakMap<IncidentIndex, DistinctPoints>();

/** The distinct coordinates of the index (exact equality, as the stacks need), computed once per index. */
export function distinctPoints(ix: IncidentIndex): DistinctPoints {
  let d = cache.get(ix);
  if (d) return d;
  const n = ix.n;
  const b = tableBits(n);
  const mask = (1 << b) - 1;
  const table = new Int32Array(1 << b).fill(-1); // point id
  const first = new Uint32Array(n);
  const of = new Int32Array(n).fill(-1);
  const bits = new Float64Array(2);
  const words = new Uint32Array(bits.buffer);
  let count = 0;
  // the point last found at each place: most incidents at a place share its coordinates, so one comparison finds
  // their point without hashing (a miss falls back to the table, which gives the same answer)
  const place = ix.placeRef?.length === n ? ix.placeRef : null;
  const atPlace = new Int32Array(place ? ix.placeNames.length : 0).fill(-1);
  for (let i = 0; i < n; i++) {
    const x = ix.lon[i]!;
    if (Number.isNaN(x)) continue;
    const y = ix.lat[i]!;
    const pl = place ? place[i]! : -1;
    const q = pl >= 0 && pl < atPlace.length ? atPlace[pl]! : -1;
    if (q >= 0 && ix.lon[first[q]!] === x && ix.lat[first[q]!] === y) {
      of[i] = q;
      continue;
    }
    // 0 and -0 are one point (as Map keys and strings made them)
    bits[0] = x === 0 ? 0 : x;
    bits[1] = y === 0 ? 0 : y;
    let h = slot(
      words[0]! ^ Math.imul(words[1]!, 31) ^ Math.imul(words[2]!, 961) ^ Math.imul(words[3]!, 29791),
      b,
    );
    for (;;) {
      const p = table[h]!;
      if (p < 0) {
        table[h] = count;
        first[count] = i;
        of[i] = count++;
        break;
      }
      const j = first[p]!;
      if (ix.lon[j] === x && ix.lat[j] === y) {
        of[i] = p;
        break;
      }
      h = (h + 1) & mask;
    }
    if (pl >= 0 && pl < atPlace.length) atPlace[pl] = of[i]!;
  }
  d = { of, first: first.slice(0, count), count };
  cache.set(ix, d);
  return d;
}

/** Packed ids -> row: an open-addressing table. `dups`: rows whose id an earlier row has (the later ones). */
export function idTable(ids: Uint32Array): { get(id: number): number | undefined; dups: number[] } {
  const b = tableBits(ids.length);
  const mask = (1 << b) - 1;
  const table = new Int32Array(1 << b).fill(-1); // row
  const dups: number[] = [];
  for (let r = 0; r < ids.length; r++) {
    const v = ids[r]!;
    let h = slot(v, b);
    for (;;) {
      const t = table[h]!;
      if (t < 0) {
        table[h] = r;
        break;
      }
      if (ids[t] === v) {
        dups.push(r);
        break;
      }
      h = (h + 1) & mask;
    }
  }
  const get = (v: number): number | undefined => {
    for (let h = slot(v, b); ; h = (h + 1) & mask) {
      const t = table[h]!;
      if (t < 0) return undefined;
      if (ids[t] === v) return t;
    }
  };
  return { get, dups };
}
