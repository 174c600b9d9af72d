// Actor names of the real-news gold and of the build, normalised alike before comparing (the schema's "Actor names"
// rule). The schema's own renames come first, then the ACLED rule table and lexicon lookup shared with the ACLED
// scorer (actors.ts), then case and accents are ignored.

import { normaliseAcledActor, type ActorIndex } from './actors.ts';
import { quotedNameKey } from './names.ts';

const SCHEMA_RULES: readonly [RegExp, string][] = [
  [/^Mutiny of (.+)$/i, '$1'],
  [/^Military Forces of (?:the )?(United States|Russia|United Kingdom)(?: \(.*\))?$/i, '$1'],
  [/^(?:MNLA|CMA|FLA|HCUA|CSP|CSP-PSD|CSP-DPA)(?::.*)?$/, 'Tuareg rebels'],
  [/^MINUSMA(?::.*)?$/, 'UN / MINUSMA'],
  [/^Dan Na Ambassagou$/i, 'Dogon Ethnic Militia'],
  [/^Africa Corps$/i, 'Wagner Group'],
  [/^GSIM$/, 'JNIM'],
  [/^ISGS$/, 'Islamic State in the Greater Sahara'],
  [/^.* - Greater Sahara Faction$/i, 'Islamic State in the Greater Sahara'],
  [/^(?:Islamic State \(West Africa\)|ISWAP)$/i, 'Islamic State West Africa Province'],
];

const fold = (s: string): string => quotedNameKey(s).replace(/\s+/g, ' ');

/** One actor name (gold or predicted) -> its comparison key. */
export function actorKey(name: string, index: ActorIndex = new Map()): string {
  let s = name.trim();
  for (const [re, to] of SCHEMA_RULES) s = s.replace(re, to).trim();
  return fold(normaliseAcledActor(s, index));
}

export interface ActorComparison {
  exact: boolean;
  overlap: boolean;
  tp: number;
  fp: number;
  fn: number;
}

/** Gold and predicted actors as sets of keys. */
export function compareActors(
  gold: readonly string[],
  pred: readonly string[],
  index: ActorIndex = new Map(),
): ActorComparison {
  const g = new Set(gold.map((a) => actorKey(a, index)));
  const p = new Set(pred.map((a) => actorKey(a, index)));
  let tp = 0;
  for (const k of p) if (g.has(k)) tp++;
  return { exact: tp === g.size && tp === p.size, overlap: tp > 0, tp, fp: p.size - tp, fn: g.size - tp };
}
