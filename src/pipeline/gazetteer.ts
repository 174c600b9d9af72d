// The gazetteer as the stages use it: lookup by id, by folded name, and the spotting dictionary.
// (src/pipeline/context.ts builds both once, with the rest of the pipeline's context.)

import { fold, nameKeys } from './text.ts';
import { CITY_POPULATION } from './gazetteer-sahel.ts';
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

type ActorPattern = Extract<Pattern, { kind: 'actor' }>;
type ActorOrGenericPattern = Extract<Pattern, { kind: 'actor' | 'generic' }>;

/**
 * The patterns of one trie phrase that fit one capitalisation of a hit, summed up once when the dictionary is
 * built, so the spotter reads flags and lists per hit instead of filtering and folding pattern lists.
 */
export interface PatternGroup {
  /** Some pattern is an actor, generic actor or non-location phrase: places inside the hit are no places. */
  blocks: boolean;
  /** Some pattern is a place or a demonym. */
  locates: boolean;
  /** Every place or demonym pattern is a demonym. */
  demonymOnly: boolean;
  /** The first actor pattern (not generic), if any. */
  actor: ActorPattern | null;
  /** Some pattern is a non-location phrase. */
  nonloc: boolean;
  /** The first actor or generic-actor pattern: the actor mention the hit makes. */
  actorMention: ActorOrGenericPattern | null;
  /** Sorted, deduplicated ids of the place and demonym patterns. */
  candidates: readonly string[];
  /** Sorted, deduplicated ids of the place patterns alone. */
  placeIds: readonly string[];
  /** Folded phrases of the place patterns: a surface folding to one of them is the name, not an alias. */
  names: readonly string[];
  /** The government a place among the candidates can stand for (see governmentOf), for metonymy. */
  government: string | null;
  /**
   * Some "not alone" common word (lexicons.notAlone) has this phrase's tokens, so a surface of it may fold to
   * that word; when false the spotter need not fold the surface to check.
   */
  mayBeCommonWord: boolean;
  /** Some place candidate is below a city (gazetteer-sahel.ts CITY_POPULATION) or an admin-2 unit: the spotter
   * notes the words around the hit (Mention.cue) for the resolver, which asks a village for evidence and takes
   * "the cercle of X" for the unit. */
  villages: boolean;
}

/** What a hit on one trie phrase means, by the case of its surface; null where no pattern fits. */
export interface PhraseGroups {
  /** For a surface starting in lower case. */
  lower: PatternGroup | null;
  /** For a surface starting with a capital. */
  upper: PatternGroup | null;
  /**
   * Acronym letters -> the groups for a surface spelling them, when some pattern is an acronym (their own
   * `acronyms` is null); a surface spelling none of them uses lower and upper above.
   */
  acronyms: Map<string, PhraseGroups> | null;
}

type PatternInput = Pattern extends infer P ? (P extends Pattern ? Omit<P, keyof CaseRule> : never) : never;

export interface GazetteerIndex {
  entries: GazetteerEntry[];
  get(id: string): GazetteerEntry | undefined;
  /** Entries whose name or alias folds to this string. */
  byName(name: string): GazetteerEntry[];
  /** The country entry for an ISO2 code. */
  country(code: string): GazetteerEntry | undefined;
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

/** The spotting dictionary: the trie over every name, and what a hit on each of its phrases means. */
export interface Dictionary {
  trie: TokenTrie;
  patterns: Pattern[];
  /** By trie phrase index: the phrase's patterns grouped by case (see PhraseGroups). */
  phraseGroups: PhraseGroups[];
  /** Country code -> the lexicon actor that is that country's state ("FR" -> "France"), for metonymy. */
  countryActors: Map<string, string>;
}

/**
 * Build the one dictionary the mentions stage runs over each text: places, demonyms, actors, non-locations, and
 * `vocabulary`, the context words the stage compares (each gets a word id).
 */
export function buildDictionary(
  gaz: Gazetteer,
  gazetteer: GazetteerIndex,
  lexicons: Lexicons,
  vocabulary: readonly string[],
): Dictionary {
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
    const phrases = new Set([e.name, ...e.aliases]);
    if (e.kind === 'place' || e.kind === 'admin2') for (const p of [...phrases]) spacingVariant(p, phrases);
    for (const phrase of phrases) add({ kind: 'place', phrase, id: e.id });
  }
  for (const d of gaz.demonyms) add({ kind: 'demonym', phrase: d.word, id: d.placeId });
  for (const a of lexicons.actors) {
    for (const phrase of new Set([a.name, ...a.aliases])) add({ kind: 'actor', phrase, actor: a.name });
  }
  for (const g of lexicons.generic) {
    for (const phrase of g.aliases) add({ kind: 'generic', phrase, generic: g.kind, actor: g.name });
  }
  for (const phrase of lexicons.nonLocations) add({ kind: 'nonloc', phrase });
  for (const word of vocabulary) trie.addWord(word);
  const countryActors = new Map<string, string>();
  for (const a of lexicons.actors) {
    if (!a.country || countryActors.has(a.country)) continue;
    const country = gazetteer.country(a.country);
    const names = new Set(
      [country?.name, ...(country?.aliases ?? [])].filter((n): n is string => !!n).map(fold),
    );
    if ([a.name, ...a.aliases].some((n) => names.has(fold(n)))) countryActors.set(a.country, a.name);
  }
  const government = (ids: readonly string[]) => governmentOf(ids, gazetteer, countryActors);
  const village = (id: string) => {
    const e = gazetteer.get(id);
    return !!e && (e.kind === 'admin2' || (e.kind === 'place' && e.population < CITY_POPULATION));
  };
  const commonWordKeys = new Set([...lexicons.notAlone].map((w) => nameKeys(w).join(' ')));
  const phraseGroups = trie.phrases().map((payloads) => {
    const phrasePatterns = payloads.map((i) => patterns[i] as Pattern);
    const keys = nameKeys((phrasePatterns[0] as Pattern).phrase).join(' ');
    return groupPhrase(phrasePatterns, government, village, commonWordKeys.has(keys));
  });
  return { trie, patterns, phraseGroups, countryActors };
}

/** Group one phrase's patterns for every capitalisation and acronym spelling a hit on it can have. */
function groupPhrase(
  patterns: Pattern[],
  government: (ids: readonly string[]) => string | null,
  village: (id: string) => boolean,
  mayBeCommonWord: boolean,
): PhraseGroups {
  // Mirrors the spotter's case rule: an acronym must be spelled exactly; otherwise a capital pattern needs a
  // capitalised surface and any other pattern fits.
  const fitting = (capitalised: boolean, letters: string | null) =>
    groupPatterns(
      patterns.filter((p) => (p.acronym ? p.acronym === letters : !p.capital || capitalised)),
      government,
      village,
      mayBeCommonWord,
    );
  const spellings = [...new Set(patterns.map((p) => p.acronym).filter((a): a is string => a !== null))];
  const acronyms = spellings.length
    ? new Map(
        spellings.map((a) => [a, { lower: fitting(false, a), upper: fitting(true, a), acronyms: null }]),
      )
    : null;
  return { lower: fitting(false, null), upper: fitting(true, null), acronyms };
}

const NO_STRINGS: readonly string[] = Object.freeze([]);

function groupPatterns(
  patterns: Pattern[],
  government: (ids: readonly string[]) => string | null,
  village: (id: string) => boolean,
  mayBeCommonWord: boolean,
): PatternGroup | null {
  if (patterns.length === 0) return null;
  const places = patterns.filter((p) => p.kind === 'place' || p.kind === 'demonym');
  const placeOnly = places.filter((p) => p.kind === 'place');
  const candidates = [...new Set(places.map((p) => p.id))].sort();
  const placeIds = [...new Set(placeOnly.map((p) => p.id))].filter(Boolean).sort();
  // There is a group per phrase and case: empty and equal lists are shared to keep the context small.
  // Frozen: every mention of the phrase shares its list, and resolve caches by list.
  Object.freeze(candidates);
  const share = (list: string[]): readonly string[] =>
    list.length === 0
      ? NO_STRINGS
      : list.length === candidates.length && list.every((x, i) => x === candidates[i])
        ? candidates
        : Object.freeze(list);
  return {
    blocks: patterns.some((p) => p.kind === 'actor' || p.kind === 'nonloc' || p.kind === 'generic'),
    locates: places.length > 0,
    demonymOnly: places.every((p) => p.kind === 'demonym'),
    actor: patterns.find((p): p is ActorPattern => p.kind === 'actor') ?? null,
    nonloc: patterns.some((p) => p.kind === 'nonloc'),
    actorMention:
      patterns.find((p): p is ActorOrGenericPattern => p.kind === 'actor' || p.kind === 'generic') ?? null,
    candidates: share(candidates),
    placeIds: share(placeIds),
    names: share([...new Set(placeOnly.map((p) => fold(p.phrase)))]),
    government: government(candidates),
    mayBeCommonWord,
    villages: placeIds.some(village),
  };
}

/**
 * Spellings of a name across spacing, added to its phrases: "Bani Bangou" is also written "Banibangou" (two or
 * three words joined), and a doubled name "Tongotongo" is "Tongo Tongo" (= "Tongo-Tongo", hyphens split tokens).
 * Hyphens and spaces are already one (tokens); the joined form needs 6 letters or more.
 */
export function spacingVariant(phrase: string, into: Set<string>): void {
  const keys = nameKeys(phrase);
  if (keys.length === 2 || keys.length === 3) {
    const joined = keys.join('');
    if (joined.length >= 6 && /^\p{Lu}/u.test(phrase))
      into.add(joined.charAt(0).toUpperCase() + joined.slice(1));
  } else if (keys.length === 1) {
    const k = keys[0] as string;
    const half = k.length / 2;
    if (
      k.length >= 6 &&
      Number.isInteger(half) &&
      k.slice(0, half) === k.slice(half) &&
      /^\p{Lu}/u.test(phrase)
    )
      into.add(`${k.charAt(0).toUpperCase()}${k.slice(1, half)} ${k.slice(0, half)}`);
  }
}

/**
 * The actor a place can stand for: the government of the country of the first candidate that is a country or a
 * capital ("Paris has criticised", "Bamako retaliated"); the country's own lexicon actor when it has one.
 */
export function governmentOf(
  candidates: readonly string[],
  gazetteer: GazetteerIndex,
  countryActors: Map<string, string>,
): string | null {
  for (const id of candidates) {
    const e = gazetteer.get(id);
    if (!e || !e.country) continue;
    if (e.kind === 'country' || e.featureCode === 'PPLC' || e.featureCode === 'PPLG') {
      const byCountry = countryActors.get(e.country);
      if (byCountry) return byCountry;
      return `Government of ${gazetteer.country(e.country)?.name ?? e.country}`;
    }
  }
  return null;
}
