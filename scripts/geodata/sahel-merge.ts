// The name key and the duplicate rule of the Sahel gazetteer: which records of different sources are one place.
import * as turf from '@turf/turf';
import { spacingFreeKey } from '../../src/pipeline/text.ts';
import { compareStrings } from '../../src/common/strings.ts';

/**
 * Records of two sources are one place when they share a name key, lie in the same country and are at most this
 * far apart. GeoNames' village coordinates come from the GNS and are often rounded to the minute (up to ~1.3 km
 * off), and OSM and GeoNames pins of one village are measured 0.5-3 km apart in these countries; genuine namesakes
 * (two villages of one name) are rarely closer than 5 km. See geodata/README.md for the measured distribution.
 */
export const MERGE_KM = 4;

// (The key lives in src/pipeline/text.ts: the pipeline matches with the same key the layers are cut with.)
export { spacingFreeKey };

/** Distinct keys of a set of names, in first-seen order; empty keys (punctuation only) are dropped. */
export function nameKeySet(names: readonly string[]): string[] {
  const out: string[] = [];
  for (const n of names) {
    const k = spacingFreeKey(n);
    if (k && !out.includes(k)) out.push(k);
  }
  return out;
}

export interface Matchable {
  id: string;
  country: string;
  keys: readonly string[];
  point: readonly [number, number];
}

export interface MatchResult {
  /** Incoming id -> base id it is one place with. */
  pairs: Map<string, string>;
  /** Incoming records that share a key and country with a base record, but farther than maxKm: kept apart. */
  namesakesApart: number;
}

/**
 * One-to-one matching of `incoming` records to `base` records of another source: same country, a shared key,
 * within `maxKm`; the closest pairs are taken first, so two villages of one name near each other each keep
 * their own counterpart. Records of one source are never merged with each other here (a source that lists two
 * villages of one name 3 km apart means two villages). Deterministic: ties by distance, then ids.
 */
export function matchByName(
  base: readonly Matchable[],
  incoming: readonly Matchable[],
  maxKm = MERGE_KM,
): MatchResult {
  const buckets = new Map<string, Matchable[]>();
  for (const b of base) {
    for (const k of b.keys) {
      const key = `${b.country}\u0000${k}`;
      const list = buckets.get(key);
      if (list) list.push(b);
      else buckets.set(key, [b]);
    }
  }
  const cands: { a: string; b: string; km: number }[] = [];
  let namesakesApart = 0;
  for (const a of incoming) {
    const seen = new Set<string>();
    let far = false;
    let near = false;
    for (const k of a.keys) {
      for (const b of buckets.get(`${a.country}\u0000${k}`) ?? []) {
        if (seen.has(b.id)) continue;
        seen.add(b.id);
        const km = turf.distance([...a.point], [...b.point], { units: 'kilometers' });
        if (km <= maxKm) {
          cands.push({ a: a.id, b: b.id, km });
          near = true;
        } else far = true;
      }
    }
    if (far && !near) namesakesApart++;
  }
  cands.sort((x, y) => x.km - y.km || compareStrings(x.a, y.a) || compareStrings(x.b, y.b));
  const pairs = new Map<string, string>();
  const taken = new Set<string>();
  for (const c of cands) {
    if (pairs.has(c.a) || taken.has(c.b)) continue;
    pairs.set(c.a, c.b);
    taken.add(c.b);
  }
  return { pairs, namesakesApart };
}
