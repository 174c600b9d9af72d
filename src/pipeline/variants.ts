// Spelling variants of village names (issue 8): "Boulikessi" is the gazetteer's Boulkessi, "Kona" its Konna,
// "Diouila" its Dioila. A variant is only ever looked for inside the admin units the text names in brackets
// ("Boulikessi (Douentza, Mopti)"): over the whole gazetteer one edit away matches thousands of other names.

import { haversineKm } from '../common/geo.ts';
import type { GazetteerIndex } from './gazetteer.ts';
import { fold } from './text.ts';
import type { GazetteerEntry } from './types.ts';

/** Names shorter than this (variant key) are never matched by variant: "Kona" and "Kono" are both villages. */
const MIN_KEY = 5;
/** A commune seat named first in the brackets ("Kerboule (Nassoumbou, Soum)"): its villages lie within this. */
const SEAT_KM = 30;
/** Records of one village from two sources lie this close: one place, not a choice. */
const SAME_PLACE_KM = 5;

// French and English spellings of one sound, then doubled letters: "Tchiani" = "Chiani", "Djibo" = "Jibo",
// "Koutougou" = "Kutugu", "Konna" = "Kona".
const SPELLINGS: [RegExp, string][] = [
  [/tch/g, 'ch'],
  [/dj/g, 'j'],
  [/sh/g, 'ch'],
  [/ou/g, 'u'],
  [/w/g, 'u'],
  [/y/g, 'i'],
  [/kh/g, 'k'],
  [/ph/g, 'f'],
];

/** The key two spellings of one name share: folded letters only, spelling pairs merged, doubled letters single. */
export function variantKey(name: string): string {
  let s = fold(name).replace(/[^a-z]/g, '');
  for (const [from, to] of SPELLINGS) s = s.replace(from, to);
  return s.replace(/(.)\1+/g, '$1');
}

/** Are two keys equal or one edit apart (a letter added, dropped, changed, or two neighbours swapped)? */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  if (a.length === b.length) {
    let first = -1;
    let diffs = 0;
    for (let i = 0; i < a.length; i++) {
      if (a[i] === b[i]) continue;
      diffs++;
      if (first < 0) first = i;
    }
    if (diffs === 1) return true;
    return diffs === 2 && a[first] === b[first + 1] && a[first + 1] === b[first] && first + 1 < a.length;
  }
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  let i = 0;
  while (i < short.length && short[i] === long[i]) i++;
  return short.slice(i) === long.slice(i + 1);
}

/** Places of the village layers by the first two letters of their variant keys, built once per gazetteer. */
const indexes = new WeakMap<GazetteerIndex, Map<string, { key: string; entry: GazetteerEntry }[]>>();

function indexOf(g: GazetteerIndex): Map<string, { key: string; entry: GazetteerEntry }[]> {
  let index = indexes.get(g);
  if (index) return index;
  index = new Map();
  for (const entry of g.entries) {
    if (entry.kind !== 'place') continue;
    for (const name of [entry.name, ...entry.aliases]) {
      const key = variantKey(name);
      if (key.length < MIN_KEY - 1) continue;
      const bucket = index.get(key.slice(0, 2));
      if (bucket) bucket.push({ key, entry });
      else index.set(key.slice(0, 2), [{ key, entry }]);
    }
  }
  indexes.set(g, index);
  return index;
}

/** Does `e` lie in the unit `u` the brackets name first: the admin-2 or admin-1 itself, or near its seat town? */
function liesIn(e: GazetteerEntry, u: GazetteerEntry, surface: string, g: GazetteerIndex): boolean {
  if (e.country !== u.country) return false;
  if (u.kind === 'admin2') return e.admin2 === u.id;
  if (u.kind === 'admin1') return e.admin1 === u.id;
  if (u.kind !== 'place') return false;
  // "(Douentza, Mopti)": the cercle named for its seat; "(Nassoumbou, Soum)": a commune around its seat town.
  const unit = e.admin2 ? g.get(e.admin2) : undefined;
  if (unit && fold(unit.name) === fold(surface)) return true;
  return haversineKm(e.point, u.point) <= SEAT_KM;
}

/**
 * The one place spelled like `name` (one edit away on variant keys) inside the bracketed unit `unit` (named
 * `unitSurface` in the text), or null when none or several far-apart places fit.
 */
export function variantIn(
  name: string,
  unit: GazetteerEntry,
  unitSurface: string,
  g: GazetteerIndex,
): GazetteerEntry | null {
  const key = variantKey(name);
  if (key.length < MIN_KEY) return null;
  const found: GazetteerEntry[] = [];
  for (const c of indexOf(g).get(key.slice(0, 2)) ?? []) {
    if (!withinOneEdit(key, c.key) || !liesIn(c.entry, unit, unitSurface, g)) continue;
    if (!found.includes(c.entry)) found.push(c.entry);
  }
  if (!found.length) return null;
  // The most populous record first; the others must be the same place.
  found.sort((a, b) => b.population - a.population || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const best = found[0] as GazetteerEntry;
  return found.every((e) => haversineKm(e.point, best.point) <= SAME_PLACE_KM) ? best : null;
}
