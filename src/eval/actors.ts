// ACLED actor names -> the project's canonical actor names, by rule.
// ACLED suffixes state actors with the regime's dates ("Military Forces of Mali (2013-2020)"), tags them with a
// unit ("Police Forces of Burkina Faso (2015-) Gendarmerie"), suffixes generic groups with a country
// ("Civilians (Mali)") and renames groups over time ("Islamic State (Greater Sahara)" -> "Islamic State (Sahel)").
// The rules below undo that; what they leave is looked up among the lexicon's canonical names and aliases
// (geodata/lexicon/actors.json), so an alias added there needs no change here.

import { quotedNameKey } from './names.ts';

/** One rewriting rule, applied in table order to the whole name. */
export interface ActorRule {
  pattern: RegExp;
  /** Replacement (may use $1...); the result is the name passed to the next rule. */
  to: string;
  why: string;
}

/** Canonical name of the Islamic State's Sahel branch in the lexicon. */
export const IS_SAHEL = 'Islamic State in the Greater Sahara';

export const ACTOR_RULES: readonly ActorRule[] = [
  // Regime dates, and whatever unit name follows them.
  { pattern: /\s*\(\d{4}-(\d{4})?\)(\s.*)?$/, to: '', why: 'date suffix (and unit after it)' },
  // Renamed or sub-branded groups.
  { pattern: /^Islamic State \((Greater Sahara|Sahel)\)$/i, to: IS_SAHEL, why: 'IS Sahel, old and new name' },
  {
    pattern: /^Islamic State \(West Africa\) - Greater Sahara Faction$/i,
    to: IS_SAHEL,
    why: 'IS Sahel as ISWAP faction',
  },
  {
    pattern: /^Boko Haram - Wilayat Gharb Ifriqiyyah$/i,
    to: 'Islamic State West Africa Province',
    why: 'ISWAP under its Arabic name',
  },
  { pattern: /^Boko Haram - Jama.*$/i, to: 'Boko Haram', why: 'JAS faction' },
  { pattern: /^Al Mourabitoune Battalion$/i, to: 'Al Mourabitoune', why: 'unit word' },
  {
    pattern: /^Military Forces of France$/i,
    to: 'France',
    why: 'France is an actor of its own in the lexicon',
  },
  {
    pattern: /^(.* (?:Ethnic|Communal) Militia) \(.*\)$/i,
    to: '$1',
    why: 'country suffix of ethnic and communal militias',
  },
  // Generic groups suffixed with a country or scope.
  { pattern: /^Civilians \(.*\)$/i, to: 'Civilians', why: 'country suffix' },
  { pattern: /^Protesters \(.*\)$/i, to: 'Protesters', why: 'country suffix' },
  { pattern: /^Rioters \(.*\)$/i, to: 'Rioters', why: 'country suffix' },
  { pattern: /^Unidentified Armed Group \(.*\)$/i, to: 'Unidentified armed group', why: 'country suffix' },
  { pattern: /^Islamist Militia \(.*\)$/i, to: 'Islamist rebels', why: 'unnamed jihadists' },
  // "ACRONYM: Long name" -> the acronym (looked up in the lexicon next).
  { pattern: /^([A-Z][A-Za-z0-9-]{1,11}): .*$/, to: '$1', why: 'acronym prefix' },
];

/** Lower-cased, accent-folded alias or canonical name -> canonical name. */
export type ActorIndex = ReadonlyMap<string, string>;

/** Index the lexicon's actors by canonical name and every alias. */
export function buildActorIndex(actors: readonly { name: string; aliases: readonly string[] }[]): ActorIndex {
  const index = new Map<string, string>();
  for (const a of actors) {
    index.set(quotedNameKey(a.name), a.name);
    for (const alias of a.aliases)
      if (!index.has(quotedNameKey(alias))) index.set(quotedNameKey(alias), a.name);
  }
  return index;
}

/** Apply the rule table to one ACLED actor name, then look the result up in the lexicon. */
export function normaliseAcledActor(name: string, index: ActorIndex = new Map()): string {
  let s = name.trim();
  for (const rule of ACTOR_RULES) s = s.replace(rule.pattern, rule.to).trim();
  return index.get(quotedNameKey(s)) ?? s;
}

/**
 * One gold actor cell -> alternatives. ACLED writes uncertain attribution as "A and/or B": a prediction of either
 * counts. Empty cells give null.
 */
export function goldActor(cell: string, index: ActorIndex = new Map()): string[] | null {
  const raw = cell.trim();
  if (raw === '') return null;
  const parts = raw.split(/\s+and\/or\s+/);
  return [...new Set(parts.map((p) => normaliseAcledActor(p, index)))];
}

export interface SetScore {
  tp: number;
  fp: number;
  fn: number;
}

/**
 * Score predicted actors against gold actors as sets (ACLED's actor1/actor2 may be swapped).
 * Each gold item is a list of alternatives; each takes at most one prediction. Case- and accent-insensitive.
 */
export function scoreActorSet(gold: readonly (readonly string[])[], predicted: readonly string[]): SetScore {
  const preds = [...new Set(predicted.map(quotedNameKey))];
  const golds = uniqueGold(gold);
  const used = new Set<string>();
  let tp = 0;
  for (const alts of golds) {
    const hit = alts.map(quotedNameKey).find((a) => preds.includes(a) && !used.has(a));
    if (hit !== undefined) {
      used.add(hit);
      tp++;
    }
  }
  return { tp, fp: preds.length - used.size, fn: golds.length - tp };
}

function uniqueGold(gold: readonly (readonly string[])[]): (readonly string[])[] {
  const seen = new Set<string>();
  const out: (readonly string[])[] = [];
  for (const alts of gold) {
    const key = alts.map(quotedNameKey).sort().join('|');
    if (!seen.has(key)) {
      seen.add(key);
      out.push(alts);
    }
  }
  return out;
}
