// The claims stage's tables, compiled once with the context (src/pipeline/context.ts): event triggers, impacts,
// modality cues, fatality words, the claim words' sets, and where each country's embassies are.

import { CueSet } from '../cues.ts';
import type { CalendarLists } from '../dates.ts';
import type { GazetteerIndex } from '../gazetteer.ts';
import { fold } from '../text.ts';
import type { GazetteerEntry, Impact, Lexicons, Modality } from '../types.ts';

export type Trigger = {
  rank: number;
  event_type: string;
  sub_event_type: string;
  /** Sub-event types this trigger beats when both are in a sentence (a coup told with a seizure or a mutiny). */
  overrides?: ReadonlySet<string>;
};
export type ModalityCue = Exclude<Modality, 'reported'>;

/** geodata/lexicon/claim-words.json: the words the claims stage's rules consult. */
export interface ClaimWordLists {
  /** Words between a killing verb and its count ("killed at least 20"). */
  hedges: string[];
  /** Words before a count that make it part of one already given ("45 villagers, including 12 children"). */
  subsetCues: string[];
  /** Words between "toll" and its number ("the toll rose to at least 60", "a death toll of 12"). */
  tollWords: string[];
  /** Singular victims: "a soldier was killed", "one man was allegedly shot dead", "a civilian died". */
  singleVictims: string[];
  /** Event types with a toll: a non-violent event that happened has 0 fatalities, these have none stated. */
  violentEventTypes: string[];
  /** Actor types that are no armed side (a killing with only them on the other side targets civilians). */
  unarmedActorTypes: string[];
  /** Word beginnings of property destruction that says nothing of a crowd's violence ("cattle rustling"). */
  notByCrowds: string[];
  /** Words that make a town reference approximate: geo_precision 2. */
  nearQualifiers: string[];
  /** Words for a diplomatic mission, which sits in the host country's capital. */
  missions: string[];
  /** Nouns "embassy" can modify: the event concerns them, not the embassy building. */
  missionThings: string[];
  /** Words that make a mission the source of a report ("the US embassy said"), not where something happened. */
  attribution: string[];
  /** Where a country's embassies are when not in its capital (GeoNames PPLC): ISO2 -> city name. */
  embassyCities: Record<string, string>;
  /** First header cells of region-keyed tables (a plural "s" is allowed). */
  tableKeys: string[];
}

/** The fatality lexicon, folded once (a Map: a plain object would answer "constructor" with a function). */
export interface FatalityLexicon {
  verbs: Set<string>;
  nouns: Set<string>;
  after: string[];
  words: ReadonlyMap<string, number>;
  hedges: ReadonlySet<string>;
  singleVictims: ReadonlySet<string>;
  /** Folded subset cues, as word lists ("among them" = ["among", "them"]). */
  subsetCues: readonly (readonly string[])[];
  tollWords: ReadonlySet<string>;
  /** Month names and abbreviations (calendar.json): a day number beside one is a date. */
  months: ReadonlySet<string>;
}

/** What the claims stage matches and looks up, compiled once per context (ctx.claims). */
export interface ClaimTables {
  triggers: CueSet<Trigger>;
  impacts: CueSet<Impact>;
  modality: CueSet<ModalityCue>;
  qualifiers: CueSet<true>;
  /** Words for a diplomatic mission, which sits in the host country's capital. */
  missions: CueSet<true>;
  fatalities: FatalityLexicon;
  actorTypes: Map<string, string>;
  violent: ReadonlySet<string>;
  unarmed: ReadonlySet<string>;
  notByCrowds: RegExp;
  missionThings: ReadonlySet<string>;
  attribution: ReadonlySet<string>;
  tableKeyed: RegExp;
  /** Country code -> the city its embassies are in (capitalsOf). */
  capitals: ReadonlyMap<string, GazetteerEntry>;
}

export function compileClaimTables(
  lexicons: Lexicons,
  w: ClaimWordLists,
  calendar: CalendarLists,
  gazetteer: GazetteerIndex,
): ClaimTables {
  const lex = lexicons.events;
  const triggers = new CueSet<Trigger>(
    lex.triggers.flatMap((t, rank) => {
      // events.json may add "overrides" to a trigger (a key the lexicon type leaves optional).
      const o = (t as { overrides?: string[] }).overrides;
      const value: Trigger = { rank, event_type: t.event_type, sub_event_type: t.sub_event_type };
      if (o) value.overrides = new Set(o);
      return t.cues.map((phrase) => ({ phrase, value }));
    }),
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
  const qualifiers = new CueSet<true>(w.nearQualifiers.map((phrase) => ({ phrase, value: true as const })));
  const missions = new CueSet<true>(w.missions.map((phrase) => ({ phrase, value: true as const })));
  const actorTypes = new Map<string, string>(lexicons.actors.map((a) => [a.name, a.type]));
  const f = lex.fatalities;
  const fatalities = {
    verbs: new Set(f.verbs.map(fold)),
    nouns: new Set(f.nouns.map(fold)),
    after: f.after.map(fold),
    words: new Map(Object.entries(f.words)),
    hedges: new Set(w.hedges),
    singleVictims: new Set(w.singleVictims),
    subsetCues: w.subsetCues.map((c) => c.split(' ')),
    tollWords: new Set(w.tollWords),
    months: new Set([...calendar.months, ...calendar.monthAbbreviations]),
  };
  return {
    triggers,
    impacts,
    modality,
    qualifiers,
    missions,
    fatalities,
    actorTypes,
    violent: new Set(w.violentEventTypes),
    unarmed: new Set(w.unarmedActorTypes),
    notByCrowds: new RegExp(`^(${w.notByCrowds.join('|')})`),
    missionThings: new Set(w.missionThings),
    attribution: new Set(w.attribution),
    tableKeyed: new RegExp(`^(${w.tableKeys.join('|')})s?$`, 'i'),
    capitals: capitalsOf(gazetteer, w.embassyCities),
  };
}

/**
 * Where a country's embassies are: its capital (GeoNames PPLC), except where they sit in another city (Côte
 * d'Ivoire's in Abidjan, Benin's in Cotonou: claim-words.json). Names only; the coordinates come from the gazetteer.
 */
function capitalsOf(
  g: GazetteerIndex,
  embassyCities: Readonly<Record<string, string>>,
): Map<string, GazetteerEntry> {
  const byCountry = new Map<string, GazetteerEntry>();
  // The most populous PPLC of a country: GeoNames marks one per country.
  for (const e of g.entries) {
    if (e.kind !== 'place' || e.featureCode !== 'PPLC' || !e.country) continue;
    const known = byCountry.get(e.country);
    if (!known || e.population > known.population) byCountry.set(e.country, e);
  }
  for (const [code, name] of Object.entries(embassyCities)) {
    const city = g
      .byName(name)
      .filter((e) => e.kind === 'place' && e.country === code)
      .sort((a, b) => b.population - a.population)[0];
    if (city) byCountry.set(code, city);
  }
  return byCountry;
}
