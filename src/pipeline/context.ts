// The pipeline's context: the gazetteer, the lexicons and the word lists of geodata/lexicon/, compiled once into
// one object every stage reads. The CLIs read the files (scripts/lib/load.ts) and pass them in: no fs here.

import { bylinePattern } from './clean.ts';
import { compileClaimTables, type ClaimTables, type ClaimWordLists } from './claims/compiled.ts';
import { compileContextWords, type ContextWordLists, type ContextWordSets } from './context-words.ts';
import { compileDateWords, type CalendarLists, type DateWords } from './dates.ts';
import { buildDictionary, indexGazetteer, type Dictionary, type GazetteerIndex } from './gazetteer.ts';
import { candidateList, type CandidateList } from './resolve.ts';
import { compileGeneric, type GenericLexicon, type GenericRules } from './claims/generic.ts';
import { compileRoles, type RoleLexicon, type RoleRules } from './roles.ts';
import { VILLAGE_CUE_WORDS } from './mentions.ts';
import type { Gazetteer, Lexicons } from './types.ts';
import { compileUnknownPlaceWords, type UnknownPlaceLists, type UnknownPlaceWords } from './unknown.ts';

/** geodata/lexicon/focus.json: the focus countries, one list per use. */
export interface FocusLists {
  /** The countries the corpus is about (resolve.ts): home countries of a Sahel document, and tie-breakers. */
  sahel: string[];
  /** The countries whose every place enters the gazetteer (scripts/derive-geodata.ts; not read here). */
  gazetteer: string[];
  /** The countries each focus country borders (resolve.ts: a small place across the border may be meant). */
  neighbours: Record<string, string[]>;
  /** Lexicon actors that act only in the Sahel: a document naming one is about it, though no country is named. */
  groups?: string[];
}

/** The word lists of geodata/lexicon/ that the rules consult, one field per file (beside actors, events and
 * non-locations, which are `Lexicons`). */
export interface WordLists {
  calendar: CalendarLists;
  contextWords: ContextWordLists;
  claimWords: ClaimWordLists;
  unknownPlaces: UnknownPlaceLists;
  focus: FocusLists;
  roles: RoleLexicon;
  generic: GenericLexicon;
  villageCues: VillageCueLists;
  ambiguousNames: AmbiguousNameList;
}

/** geodata/lexicon/village-cues.json: the words that are evidence for a village name (resolve.ts). */
export interface VillageCueLists {
  verbs: string[];
  introducers: string[];
  adminNouns: string[];
  ethnonyms: string[];
  /** Capitalised name of a people -> the countries it mostly lives in ("Dogon": Mali). */
  peoples: Record<string, string[]>;
  /** A people of `peoples` -> the admin-1 regions that are its homeland ("Dogon": Mopti), weak evidence. */
  peopleRegions?: Record<string, string[]>;
}

/** geodata/lexicon/ambiguous-names.json: village names that are also words, surnames or acronyms. */
export interface AmbiguousNameList {
  names: { key: string }[];
}

/** The file each word list is read from, in geodata/lexicon/. */
export const WORD_LIST_FILES: Readonly<Record<keyof WordLists, string>> = {
  calendar: 'calendar.json',
  contextWords: 'context-words.json',
  claimWords: 'claim-words.json',
  unknownPlaces: 'unknown-places.json',
  focus: 'focus.json',
  roles: 'roles.json',
  generic: 'generic.json',
  villageCues: 'village-cues.json',
  ambiguousNames: 'ambiguous-names.json',
};

/** Read every word list with `read(file name)` (the caller does the file access). */
export function readWordLists(read: (file: string) => unknown): WordLists {
  const lists = {} as Record<keyof WordLists, unknown>;
  for (const [key, file] of Object.entries(WORD_LIST_FILES)) lists[key as keyof WordLists] = read(file);
  return lists as WordLists;
}

/** The word lists compiled for the stages that read them. */
export interface Words {
  calendar: CalendarLists;
  /** Mentions: the words around a place name. */
  context: ContextWordSets;
  /** Clean: byline lines ("September 19, 2025 by"). */
  byline: RegExp;
  /** Claims: the date reader's words. */
  dates: DateWords;
  /** Unknown places: introducing nouns, words that are no names. */
  unknownPlaces: UnknownPlaceWords;
  /** Resolve: the Sahel countries. */
  sahel: ReadonlySet<string>;
  /** Resolve: the countries each Sahel country borders. */
  neighbours: ReadonlyMap<string, readonly string[]>;
  /** FocusLists.groups. */
  sahelGroups: ReadonlySet<string>;
  /** Roles: the cues that make a mention a dateline, a reference, an origin, a source or part of a name. */
  roles: RoleRules;
  /** Claims: the cues of a generic statement (a trend, not one event). */
  generic: GenericRules;
  /** Mentions and resolve: the evidence a village name needs. */
  villages: VillageWords;
  /** Resolve: the countries an actor named in a document points to (actorCountries). */
  actorCountries: ReadonlyMap<string, readonly string[]>;
  /** Resolve: the admin-1 regions an actor is known to act in (actors.json "regions"). */
  actorRegions: ReadonlyMap<string, readonly string[]>;
}

export interface VillageWords {
  /** "attacked X": a verb right before the name. */
  verbs: ReadonlySet<string>;
  /** "the village of X". */
  introducers: ReadonlySet<string>;
  /** "the cercle of X", "X province". */
  adminNouns: ReadonlySet<string>;
  /** Spacing-free folded keys of names that are also words, surnames or acronyms ("boni", "kaya"). */
  ambiguous: ReadonlySet<string>;
  /** Peoples and groups whose names are also village names ("dogon", "fulani"): "a Dogon shepherd". */
  ethnonyms: ReadonlySet<string>;
  /** Resolve: a people named in the text ("Dogon") and the country it votes for; null when the list is empty. */
  peoples: {
    pattern: RegExp;
    countries: ReadonlyMap<string, readonly string[]>;
    /** The admin-1 regions a people names, as a region named elsewhere in the document does. */
    regions: ReadonlyMap<string, readonly string[]>;
  } | null;
}

/** Everything the stages read, compiled once: nothing is cached behind a module's back. */
export interface PipelineContext extends Dictionary {
  gazetteer: GazetteerIndex;
  lexicons: Lexicons;
  words: Words;
  /** The claims stage's cue tables, word sets and embassy cities. */
  claims: ClaimTables;
  /** Resolve: the evidence of every candidate list the dictionary shares, keyed by the list itself. */
  candidateLists: ReadonlyMap<readonly string[], CandidateList>;
}

/**
 * The countries each actor points to: a state's forces and a national militia their country, a group with none
 * where it operates. Foreign forces (France, the UN) act abroad, so they say nothing of the document's country.
 */
function actorCountries(actors: Lexicons['actors']): Map<string, readonly string[]> {
  const out = new Map<string, readonly string[]>();
  for (const a of actors) {
    if (a.type === 'External/Other forces') continue;
    const countries = [...new Set([...(a.country ? [a.country] : []), ...(a.operatesIn ?? [])])].sort();
    if (countries.length) out.set(a.name, countries);
  }
  return out;
}

/** One pattern for every people's name (whole capitalised words), and what each votes for. */
function peoplePattern(
  peoples: Record<string, string[]>,
  regions: Record<string, string[]> = {},
): VillageWords['peoples'] {
  const names = Object.keys(peoples).sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  if (!names.length) return null;
  const escaped = names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return {
    pattern: new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join('|')})(?![\\p{L}\\p{N}])`, 'gu'),
    countries: new Map(Object.entries(peoples)),
    regions: new Map(Object.entries(regions)),
  };
}

/** Compile the gazetteer, the lexicons and the word lists into the context every stage reads. */
export function createContext(gaz: Gazetteer, lexicons: Lexicons, lists: WordLists): PipelineContext {
  const gazetteer = indexGazetteer(gaz);
  const words: Words = {
    calendar: lists.calendar,
    context: compileContextWords(lists.contextWords, lists.calendar),
    byline: bylinePattern(lists.calendar.months),
    dates: compileDateWords(lists.calendar),
    unknownPlaces: compileUnknownPlaceWords(lists.unknownPlaces, lists.calendar),
    sahel: new Set(lists.focus.sahel),
    neighbours: new Map(Object.entries(lists.focus.neighbours ?? {})),
    sahelGroups: new Set(lists.focus.groups ?? []),
    roles: compileRoles(lists.roles),
    generic: compileGeneric(lists.generic),
    villages: {
      verbs: new Set(lists.villageCues.verbs),
      introducers: new Set(lists.villageCues.introducers),
      adminNouns: new Set(lists.villageCues.adminNouns),
      ambiguous: new Set([...lists.ambiguousNames.names.map((n) => n.key), ...lists.villageCues.ethnonyms]),
      ethnonyms: new Set(lists.villageCues.ethnonyms),
      peoples: peoplePattern(lists.villageCues.peoples, lists.villageCues.peopleRegions),
    },
    actorCountries: actorCountries(lexicons.actors),
    actorRegions: new Map(lexicons.actors.flatMap((a) => (a.regions ? [[a.name, a.regions] as const] : []))),
  };
  const vocabulary = [
    ...new Set([
      ...words.context.vocabulary,
      ...lists.villageCues.verbs,
      ...lists.villageCues.introducers,
      ...lists.villageCues.adminNouns,
      ...VILLAGE_CUE_WORDS,
    ]),
  ].sort();
  const dictionary = buildDictionary(gaz, gazetteer, lexicons, vocabulary, new Set(lists.focus.sahel));
  const claims = compileClaimTables(lexicons, lists.claimWords, lists.calendar, gazetteer);
  const candidateLists = new CandidateLists((ids) => candidateList(ids, gazetteer, words.villages.ambiguous));
  return { gazetteer, lexicons, words, claims, candidateLists, ...dictionary };
}

/**
 * The dictionary's candidate lists, each worked out on first use and kept: with the village layers the
 * dictionary holds over 100,000 lists, of which a corpus reads a few thousand, so working them all out at
 * start-up cost most of a second and tens of MB. The lists the dictionary shares are frozen (gazetteer.ts); a
 * list a stage makes for one mention is not, and is worked out without being kept, so the map does not grow
 * with the corpus. candidateList is pure: the answer is the same either way.
 */
class CandidateLists extends Map<readonly string[], CandidateList> {
  constructor(private readonly compute: (ids: readonly string[]) => CandidateList) {
    super();
  }

  override get(ids: readonly string[]): CandidateList {
    let list = super.get(ids);
    if (list === undefined) {
      list = this.compute(ids);
      if (Object.isFrozen(ids)) super.set(ids, list);
    }
    return list;
  }
}
