// The gazetteer as the stages use it: lookup by id, by folded name, and the spotting dictionary.

import { fold } from './text.ts';
import { TokenTrie } from './trie.ts';
import type { Gazetteer, GazetteerEntry, Lexicons } from './types.ts';

/** Case rules of a phrase, worked out once when the dictionary is built (the spotter checks them per hit). */
export interface CaseRule {
  /** Letters of an all-caps acronym ("UN"), which must match in capitals; null otherwise. */
  acronym: string | null;
  /** The phrase starts with a capital, so its surface must too (places and demonyms only). */
  capital: boolean;
}

/** What a dictionary phrase points to. */
export type Pattern = CaseRule &
  (
    | { kind: 'place'; phrase: string; id: string }
    | { kind: 'demonym'; phrase: string; id: string }
    | { kind: 'actor'; phrase: string; actor: string }
    | { kind: 'generic'; phrase: string; generic: 'military' | 'police' | 'government'; actor: string }
    | { kind: 'nonloc'; phrase: string }
  );

type PatternInput = Pattern extends infer P ? (P extends Pattern ? Omit<P, keyof CaseRule> : never) : never;

export interface GazetteerIndex {
  entries: GazetteerEntry[];
  get(id: string): GazetteerEntry | undefined;
  /** Entries whose name or alias folds to this string. */
  byName(name: string): GazetteerEntry[];
  /** The country entry for an ISO2 code. */
  country(code: string): GazetteerEntry | undefined;
}

export interface PipelineContext {
  gazetteer: GazetteerIndex;
  lexicons: Lexicons;
  trie: TokenTrie;
  patterns: Pattern[];
  /** Country code -> the lexicon actor that is that country's state ("FR" -> "France"), for metonymy. */
  countryActors: Map<string, string>;
}

/** Short all-caps aliases ("UN", "AES") must match in capitals, or "us" would be the United States. */
export function isAcronym(phrase: string): boolean {
  const letters = phrase.replace(/[^A-Za-z]/g, '');
  return letters.length > 0 && letters.length <= 6 && letters === letters.toUpperCase();
}

export function indexGazetteer(gaz: Gazetteer): GazetteerIndex {
  const byId = new Map<string, GazetteerEntry>();
  const names = new Map<string, GazetteerEntry[]>();
  const countries = new Map<string, GazetteerEntry>();
  for (const e of gaz.entries) {
    byId.set(e.id, e);
    if (e.kind === 'country' && e.country) countries.set(e.country, e);
    for (const n of new Set([e.name, ...e.aliases].map(fold))) {
      const list = names.get(n);
      if (list) list.push(e);
      else names.set(n, [e]);
    }
  }
  return {
    entries: gaz.entries,
    get: (id) => byId.get(id),
    byName: (name) => names.get(fold(name.trim())) ?? [],
    country: (code) => countries.get(code),
  };
}

/** Build the one dictionary the mentions stage runs over each text: places, demonyms, actors, non-locations. */
export function createContext(gaz: Gazetteer, lexicons: Lexicons): PipelineContext {
  const gazetteer = indexGazetteer(gaz);
  const trie = new TokenTrie();
  const patterns: Pattern[] = [];
  const add = (input: PatternInput) => {
    const acronym = isAcronym(input.phrase) ? input.phrase.replace(/[^A-Za-z]/g, '') : null;
    // Names of one or two letters are noise ("As", "Ba"), except acronyms handled by their own case check.
    if (input.phrase.replace(/[^\p{L}\p{N}]/gu, '').length < 3 && !(input.kind !== 'place' && acronym))
      return;
    const first = input.phrase.charAt(0);
    const capital = (input.kind === 'place' || input.kind === 'demonym') && first !== first.toLowerCase();
    const p = { ...input, acronym, capital } as Pattern;
    patterns.push(p);
    trie.add(p.phrase, patterns.length - 1);
  };
  for (const e of gaz.entries) {
    for (const phrase of new Set([e.name, ...e.aliases])) add({ kind: 'place', phrase, id: e.id });
  }
  for (const d of gaz.demonyms) add({ kind: 'demonym', phrase: d.word, id: d.placeId });
  for (const a of lexicons.actors) {
    for (const phrase of new Set([a.name, ...a.aliases])) add({ kind: 'actor', phrase, actor: a.name });
  }
  for (const g of lexicons.generic) {
    for (const phrase of g.aliases) add({ kind: 'generic', phrase, generic: g.kind, actor: g.name });
  }
  for (const phrase of lexicons.nonLocations) add({ kind: 'nonloc', phrase });
  const countryActors = new Map<string, string>();
  for (const a of lexicons.actors) {
    if (!a.country || countryActors.has(a.country)) continue;
    const country = gazetteer.country(a.country);
    const names = new Set(
      [country?.name, ...(country?.aliases ?? [])].filter((n): n is string => !!n).map(fold),
    );
    if ([a.name, ...a.aliases].some((n) => names.has(fold(n)))) countryActors.set(a.country, a.name);
  }
  return { gazetteer, lexicons, trie, patterns, countryActors };
}
