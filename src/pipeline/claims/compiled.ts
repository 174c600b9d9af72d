// The claims stage's cue tables, compiled once per lexicon: event triggers, impacts, modality, fatality words.

import { CueSet } from '../cues.ts';
import type { PipelineContext } from '../gazetteer.ts';
import { fold } from '../text.ts';
import type { Impact, Modality } from '../types.ts';

export type Trigger = { rank: number; event_type: string; sub_event_type: string };
export type ModalityCue = Exclude<Modality, 'reported'>;

/** The fatality lexicon, folded once (a Map: a plain object would answer "constructor" with a function). */
export interface FatalityLexicon {
  verbs: Set<string>;
  nouns: Set<string>;
  after: string[];
  words: ReadonlyMap<string, number>;
}

/** Cue sets compiled once per lexicon (the lexicon object is the cache key). */
export interface Compiled {
  triggers: CueSet<Trigger>;
  impacts: CueSet<Impact>;
  modality: CueSet<ModalityCue>;
  qualifiers: CueSet<true>;
  /** Words for a diplomatic mission, which sits in the host country's capital. */
  missions: CueSet<true>;
  fatalities: FatalityLexicon;
  actorTypes: Map<string, string>;
}
const compiledCache = new WeakMap<object, Compiled>();

export function compile(ctx: PipelineContext): Compiled {
  const lex = ctx.lexicons.events;
  const cached = compiledCache.get(lex);
  if (cached) return cached;
  const triggers = new CueSet<Trigger>(
    lex.triggers.flatMap((t, rank) =>
      t.cues.map((phrase) => ({
        phrase,
        value: { rank, event_type: t.event_type, sub_event_type: t.sub_event_type },
      })),
    ),
  );
  const impacts = new CueSet<Impact>(
    (Object.entries(lex.impacts) as [Impact, string[]][]).flatMap(([value, cues]) =>
      cues.map((phrase) => ({ phrase, value })),
    ),
  );
  const modality = new CueSet<ModalityCue>(
    (Object.entries(lex.modality) as [ModalityCue, string[]][]).flatMap(([value, cues]) =>
      cues.map((phrase) => ({ phrase, value })),
    ),
  );
  // Words that make a town reference approximate: geo_precision 2.
  const qualifiers = new CueSet<true>(
    [
      'near',
      'nearby',
      'vicinity',
      'outskirts',
      'around',
      'outside',
      'km from',
      'kilometres from',
      'kilometers from',
      'north of',
      'south of',
      'east of',
      'west of',
      'region of',
      'area of',
      'district of',
    ].map((phrase) => ({ phrase, value: true as const })),
  );
  const missions = new CueSet<true>(
    ['embassy', 'embassies'].map((phrase) => ({ phrase, value: true as const })),
  );
  const actorTypes = new Map<string, string>(ctx.lexicons.actors.map((a) => [a.name, a.type]));
  const f = lex.fatalities;
  const fatalities = {
    verbs: new Set(f.verbs.map(fold)),
    nouns: new Set(f.nouns.map(fold)),
    after: f.after.map(fold),
    words: new Map(Object.entries(f.words)),
  };
  const c = { triggers, impacts, modality, qualifiers, missions, fatalities, actorTypes };
  compiledCache.set(lex, c);
  return c;
}
