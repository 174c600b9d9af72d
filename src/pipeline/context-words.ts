// Words around a place name that tell what the name is doing there: a locative ("in Gao"), an agent ("Bamako
// retaliated"), a government's attribute ("Paris's decision"), an analogy ("a parallel with Libya"). The words are
// data (geodata/lexicon/context-words.json); the mentions stage reads them as sets. The context adds them to the
// spotter's vocabulary so that every token that could be one of them carries a word id, and the stage compares the
// sets' strings instead of folding a copy of each token.

import type { CalendarLists } from './dates.ts';

/** geodata/lexicon/context-words.json */
export interface ContextWordLists {
  locative: string[];
  ofLocative: string[];
  auxiliaries: string[];
  agentVerbs: string[];
  politicalNouns: string[];
  analogyBefore: string[];
  /** "Africa's Afghanistan": a possessive of one of these before a place makes the place a metaphor. */
  metaphorOwners: string[];
  analogyAfter: string[];
  /** "the African Union has suspended Niger": verbs whose object is a state, not a place. */
  stateObjectVerbs: string[];
  /** "Mondoro Commune", "the Bissa Gold mine": a capitalised place noun after a name, which no surname is. */
  placeNounsAfter: string[];
  /** "accusing Khartoum of planning an attack": verbs whose object, followed by "of", is a capital's government. */
  accuseVerbs: string[];
  /** "rebel attacks supported by Khartoum": participles whose agent after "by" is a capital's government. */
  backingVerbs: string[];
}

export type ContextWordSets = { readonly [K in keyof ContextWordLists]: ReadonlySet<string> } & {
  /** A place noun, weekday or month: after a capitalised name ("Timbuktu Saturday night"), no surname. */
  readonly notSurname: ReadonlySet<string>;
  /** Every word the mentions stage reads in a name's context, sorted. */
  readonly vocabulary: readonly string[];
};

/** Other single words the mentions stage compares context tokens with (written in its rules). */
const RULE_WORDS = [
  'between',
  'of',
  'the',
  's',
  'and',
  'with',
  'behalf',
  'by',
  'parallel',
  'reminiscent',
  'analogy',
  'style',
];

export function compileContextWords(
  lists: ContextWordLists,
  calendar: Pick<CalendarLists, 'months' | 'weekdays'>,
): ContextWordSets {
  const sets = {
    locative: new Set(lists.locative),
    ofLocative: new Set(lists.ofLocative),
    auxiliaries: new Set(lists.auxiliaries),
    agentVerbs: new Set(lists.agentVerbs),
    politicalNouns: new Set(lists.politicalNouns),
    analogyBefore: new Set(lists.analogyBefore),
    metaphorOwners: new Set(lists.metaphorOwners),
    analogyAfter: new Set(lists.analogyAfter),
    placeNounsAfter: new Set(lists.placeNounsAfter),
    stateObjectVerbs: new Set(lists.stateObjectVerbs),
    accuseVerbs: new Set(lists.accuseVerbs),
    backingVerbs: new Set(lists.backingVerbs),
    notSurname: new Set([...lists.placeNounsAfter, ...calendar.months, ...calendar.weekdays]),
  };
  // The sets' words only (the file's "about" is no word).
  const words = Object.values(sets).flatMap((set) => [...set]);
  return { ...sets, vocabulary: [...new Set([...words, ...RULE_WORDS])].sort() };
}
