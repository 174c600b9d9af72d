// The gazetteer as the stages use it: lookup by id, by folded name, and the spotting dictionary.
// (src/pipeline/context.ts builds both once, with the rest of the pipeline's context.)

import { fold, isWordCode, nameKeys } from './text.ts';
import { CITY_POPULATION, TOWN_POPULATION } from './gazetteer-sahel.ts';
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
    // Each folded name once per entry (as a Set of them would), without building the Set for every entry.
    const own = fold(e.name);
    addName(names, own, e);
    if (e.aliases.length > 0) {
      const seen = [own];
      for (const alias of e.aliases) {
        const n = fold(alias);
        if (seen.includes(n)) continue;
        seen.push(n);
        addName(names, n, e);
      }
    }
  }
  return {
    entries: gaz.entries,
    get: (id) => byId.get(id),
    byName: (name) => names.get(fold(name.trim())) ?? [],
    country: (code) => countries.get(code),
  };
}

function addName(names: Map<string, GazetteerEntry[]>, n: string, e: GazetteerEntry): void {
  const list = names.get(n);
  if (list) list.push(e);
  else names.set(n, [e]);
}

/** The spotting dictionary: the trie over every name, and what a hit on each of its phrases means. */
export interface Dictionary {
  trie: TokenTrie;
  patterns: Pattern[];
  /** By trie phrase index: the phrase's patterns grouped by case (see PhraseGroups). */
  phraseGroups: PhraseGroups[];
  /** Country code -> the lexicon actor that is that country's state ("FR" -> "France"), for metonymy. */
  countryActors: Map<string, string>;
  /** Folded spellings of a possessive without its apostrophe the dictionary added ("kidals"). */
  possessives: ReadonlySet<string>;
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
  possessiveCountries: ReadonlySet<string> = new Set(),
): Dictionary {
  const trie = new TokenTrie();
  const patterns: Pattern[] = [];
  const add = (input: PatternInput, keys: readonly string[] = nameKeys(input.phrase)) => {
    const phrase = input.phrase;
    const acronym = acronymOf(phrase);
    // Names of one or two letters are noise ("As", "Ba"), except acronyms handled by their own case check: an
    // actor's, or a country's ("in the UK", "U.S."; a village's all-caps two letters stay noise).
    if (letterCount(phrase) < 3 && !(acronym && (input.kind !== 'place' || input.id.startsWith('country:'))))
      return;
    const capital = (input.kind === 'place' || input.kind === 'demonym') && startsUpper(phrase);
    // A place pattern is written out (same fields, same order): the spread cost a tenth of the start-up.
    const p: Pattern =
      input.kind === 'place'
        ? { kind: 'place', phrase, id: input.id, acronym, capital }
        : ({ ...input, acronym, capital } as Pattern);
    patterns.push(p);
    trie.addKeys(keys, patterns.length - 1);
  };
  const possessives = new Map<string, { phrase: string; ids: string[] }>();
  for (const e of gaz.entries) {
    // Tens of thousands of entries: each phrase's keys are worked out once, for its spacing variant and the trie.
    const phrases = new Map<string, string[]>();
    if (!phrases.has(e.name)) phrases.set(e.name, foldedKeys(e.name));
    for (const n of e.aliases) if (!phrases.has(n)) phrases.set(n, foldedKeys(n));
    if (e.kind === 'place' || e.kind === 'admin2') {
      for (const [p, keys] of [...phrases]) {
        const variant = spacingVariantOf(p, keys);
        if (variant !== null && !phrases.has(variant)) phrases.set(variant, foldedKeys(variant));
      }
    }
    for (const [phrase, keys] of phrases) add({ kind: 'place', phrase, id: e.id }, keys);
    if (e.country && possessiveCountries.has(e.country) && possessiveHolder(e))
      for (const phrase of phrases.keys()) {
        const variant = possessiveVariant(phrase);
        // (Not of a name that is also a word: "Centres", "Nords".)
        if (!variant || lexicons.notAlone.has(fold(phrase))) continue;
        // Keyed by the folded spelling, the trie's key: "Tombuctús" and "Tombuctus" are one phrase.
        const key = fold(variant);
        const known = possessives.get(key);
        if (known) known.ids.push(e.id);
        else possessives.set(key, { phrase: variant, ids: [e.id] });
      }
  }
  // "Protest in front of Kidals military camp": a possessive whose apostrophe was lost (notes exported without
  // them, hurried copy). Only for the countries, regions and towns of the focus countries, and only where no
  // name of the gazetteer is spelt so ("Algiers" stays Algiers).
  const possessiveKeys = new Set<string>();
  for (const [key, { phrase, ids }] of possessives) {
    const keys = foldedKeys(phrase);
    if (trie.phraseOf(keys) >= 0) continue;
    possessiveKeys.add(key);
    for (const id of ids) add({ kind: 'place', phrase, id }, keys);
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
  // Phrases a "not alone" common word folds to: looked up in the trie, rather than every phrase's keys joined.
  const commonWords = new Set<number>();
  for (const w of lexicons.notAlone) {
    const phrase = trie.phraseOf(nameKeys(w));
    if (phrase >= 0) commonWords.add(phrase);
  }
  const singles = new Map<string, OnePlace>();
  const phraseGroups = trie.phrases().map((payloads, phrase) => {
    const first = patterns[payloads[0] as number] as Pattern;
    if (payloads.length === 1 && first.kind === 'place' && first.acronym === null)
      return onePlaceGroups(first, singles, government, village, commonWords.has(phrase));
    const phrasePatterns = payloads.map((i) => patterns[i] as Pattern);
    return (
      placesGroups(phrasePatterns, government, village, commonWords.has(phrase)) ??
      groupPhrase(phrasePatterns, government, village, commonWords.has(phrase))
    );
  });
  return { trie, patterns, phraseGroups, countryActors, possessives: possessiveKeys };
}

/** What the phrases of one place share: its one-id list, the government it can stand for, whether it is a village. */
interface OnePlace {
  candidates: readonly string[];
  government: string | null;
  village: boolean;
}

/**
 * groupPhrase for a phrase with one pattern, a place that is no acronym: most phrases of the village layers.
 * Worked out directly, with the same result as groupPatterns; the one-id list is shared by the entry's phrases
 * and a lower-case alias's two cases share one group (the spotter only reads groups).
 */
function onePlaceGroups(
  p: Extract<Pattern, { kind: 'place' }>,
  singles: Map<string, OnePlace>,
  government: (ids: readonly string[]) => string | null,
  village: (id: string) => boolean,
  mayBeCommonWord: boolean,
): PhraseGroups {
  let one = singles.get(p.id);
  if (!one) {
    const ids = Object.freeze([p.id]);
    one = { candidates: ids, government: government(ids), village: !!p.id && village(p.id) };
    singles.set(p.id, one);
  }
  const candidates = one.candidates;
  // As groupPatterns: an empty id is no place id, and a list equal to the candidates is the candidates.
  const placeIds = p.id ? candidates : NO_STRINGS;
  const name = fold(p.phrase);
  const names = name === p.id ? candidates : Object.freeze([name]);
  const group = placeGroup(candidates, placeIds, names, one.government, mayBeCommonWord, one.village);
  return { lower: p.capital ? null : group, upper: group, acronyms: null };
}

/**
 * groupPhrase for a phrase whose patterns are all places, none an acronym, all capitalised or none (namesakes:
 * "Boni" in Mali and in Burkina Faso): the same result, without filtering the list once per case. Null for any
 * other phrase.
 */
function placesGroups(
  patterns: readonly Pattern[],
  government: (ids: readonly string[]) => string | null,
  village: (id: string) => boolean,
  mayBeCommonWord: boolean,
): PhraseGroups | null {
  let capitals = 0;
  for (const p of patterns) {
    if (p.kind !== 'place' || p.acronym !== null) return null;
    if (p.capital) capitals++;
  }
  if (capitals !== 0 && capitals !== patterns.length) return null;
  const places = patterns as readonly Extract<Pattern, { kind: 'place' }>[];
  const candidates = Object.freeze([...new Set(places.map((p) => p.id))].sort());
  // As groupPatterns' share: an empty list is the shared empty one, a list equal to the candidates is them.
  const share = (list: string[]): readonly string[] =>
    list.length === 0
      ? NO_STRINGS
      : list.length === candidates.length && list.every((x, i) => x === candidates[i])
        ? candidates
        : Object.freeze(list);
  const placeIds = share(candidates.filter(Boolean));
  const names = share([...new Set(places.map((p) => fold(p.phrase)))]);
  const group = placeGroup(
    candidates,
    placeIds,
    names,
    government(candidates),
    mayBeCommonWord,
    placeIds.some(village),
  );
  return { lower: capitals > 0 ? null : group, upper: group, acronyms: null };
}

/** The group of a phrase that is only places: it locates and blocks nothing, and names no actor. */
function placeGroup(
  candidates: readonly string[],
  placeIds: readonly string[],
  names: readonly string[],
  government: string | null,
  mayBeCommonWord: boolean,
  villages: boolean,
): PatternGroup {
  return {
    blocks: false,
    locates: true,
    demonymOnly: false,
    actor: null,
    nonloc: false,
    actorMention: null,
    candidates,
    placeIds,
    names,
    government,
    mayBeCommonWord,
    villages,
  };
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
  const variant = spacingVariantOf(phrase, nameKeys(phrase));
  if (variant !== null) into.add(variant);
}

/** The spacing variant of a phrase whose nameKeys are `keys` (see spacingVariant), or null. */
function spacingVariantOf(phrase: string, keys: readonly string[]): string | null {
  if (keys.length === 2 || keys.length === 3) {
    const joined = keys.join('');
    if (joined.length >= 6 && /^\p{Lu}/u.test(phrase))
      return joined.charAt(0).toUpperCase() + joined.slice(1);
  } else if (keys.length === 1) {
    const k = keys[0] as string;
    const half = k.length / 2;
    if (
      k.length >= 6 &&
      Number.isInteger(half) &&
      k.slice(0, half) === k.slice(half) &&
      /^\p{Lu}/u.test(phrase)
    )
      return `${k.charAt(0).toUpperCase()}${k.slice(1, half)} ${k.slice(0, half)}`;
  }
  return null;
}

/** A country, a region or a town of known size or seat, whose name may be written as a possessive. */
function possessiveHolder(e: GazetteerEntry): boolean {
  if (e.kind === 'country' || e.kind === 'admin1') return true;
  return (
    e.kind === 'place' &&
    (e.population >= TOWN_POPULATION || e.featureCode === 'PPLC' || e.featureCode === 'PPLA')
  );
}

/** "Kidal" -> "Kidals": one capitalised word of five letters or more, not ending in s, x or z (shorter names
 * make given names and words: "Tomas", "Silas", "Bobos"). */
function possessiveVariant(phrase: string): string | null {
  return /^\p{Lu}[\p{L}]{4,}$/u.test(phrase) && !/[sxzSXZ]$/u.test(phrase) ? `${phrase}s` : null;
}

/** nameKeys(phrase) (text.ts), without a Token object per word: the same folded words. */
function foldedKeys(phrase: string): string[] {
  const folded = fold(phrase);
  const keys: string[] = [];
  let start = -1;
  for (let i = 0; i <= folded.length; i++) {
    const word = i < folded.length && isWordCode(folded.charCodeAt(i));
    if (word && start < 0) start = i;
    else if (!word && start >= 0) {
      keys.push(folded.slice(start, i));
      start = -1;
    }
  }
  return keys;
}

/** The letters of an acronym phrase (isAcronym), else null; one pass, no copy unless it is one. */
function acronymOf(phrase: string): string | null {
  let letters = 0;
  for (let i = 0; i < phrase.length; i++) {
    const c = phrase.charCodeAt(i);
    if (c >= 97 && c <= 122) return null;
    if (c >= 65 && c <= 90 && ++letters > 6) return null;
  }
  return letters > 0 ? phrase.replace(/[^A-Za-z]/g, '') : null;
}

/** Does the phrase start with a character that has a lower case ("first !== first.toLowerCase()")? */
function startsUpper(phrase: string): boolean {
  const c = phrase.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  const first = phrase.charAt(0);
  return first !== first.toLowerCase();
}

/** Letters and digits in a phrase: phrase.replace(/[^\p{L}\p{N}]/gu, '').length, without the copy for ASCII. */
function letterCount(phrase: string): number {
  let n = 0;
  for (let i = 0; i < phrase.length; i++) {
    const c = phrase.charCodeAt(i);
    if (c >= 128) return phrase.replace(/[^\p{L}\p{N}]/gu, '').length;
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)) n++;
  }
  return n;
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
