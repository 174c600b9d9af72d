// Stage 5: claims. Per sentence that reports an event at a resolved place: who, what, when, how many dead,
// what impacts, how certain, how precise. Per region-keyed table row: a risk row.

import { CueSet, type CueHit } from './cues.ts';
import { sentenceDate, onOrBefore, yearsIn, type DateSpan } from './dates.ts';
import type { PipelineContext } from './gazetteer.ts';
import { onlyHeadings } from './segment.ts';
import { compareStrings, fold, hashId, tokenize, type Token } from './text.ts';
import type {
  ActorMention,
  Claim,
  GazetteerEntry,
  GeoPrecision,
  Impact,
  Modality,
  Resolution,
  UnlocatedEvent,
  RiskRow,
  Segmented,
  Sentence,
  Span,
} from './types.ts';

type Trigger = { rank: number; event_type: string; sub_event_type: string };
type ModalityCue = Exclude<Modality, 'reported'>;

/** The fatality lexicon, folded once (a Map: a plain object would answer "constructor" with a function). */
interface FatalityLexicon {
  verbs: Set<string>;
  nouns: Set<string>;
  after: string[];
  words: ReadonlyMap<string, number>;
}

/** Cue sets compiled once per lexicon (the lexicon object is the cache key). */
interface Compiled {
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

function compile(ctx: PipelineContext): Compiled {
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

const KIND_RANK: Record<GazetteerEntry['kind'], number> = {
  place: 0,
  admin2: 1,
  admin1: 2,
  vernacular: 3,
  country: 4,
  continent: 6,
  water: 6,
};
/** How fine a place is: a vernacular region inside one country ("central Mali") is finer than the country, one
 * spanning several ("Sahel") is coarser. */
function fineness(e: GazetteerEntry): number {
  return e.kind === 'vernacular' && !e.country ? 5 : KIND_RANK[e.kind];
}
const VIOLENT = new Set(['Battles', 'Explosions/Remote violence', 'Violence against civilians', 'Riots']);

interface Located {
  sentence: number;
  end: number;
  places: { entry: GazetteerEntry; precision: GeoPrecision }[];
}

export interface ClaimInput {
  sourceId: string;
  /** The cleaned text sentence offsets point into (paragraph breaks stop discourse carry-over). */
  text: string;
  published: string | null;
  sentences: Sentence[];
  resolutions: Resolution[];
  actors: ActorMention[];
  /** Names the gazetteer lacks, and bracketed hierarchies (src/pipeline/unknown.ts). */
  unknown?: Resolution[];
  context?: Span[];
}

function inSpans(spans: Span[], x: Span): boolean {
  return spans.some((sp) => x.start >= sp.start && x.end <= sp.end);
}

const MONTH_WORDS = new Set([
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
]);

/** Words between a killing verb and its count ("killed at least 20"). */
const HEDGES = new Set([
  'at',
  'least',
  'some',
  'about',
  'around',
  'more',
  'than',
  'over',
  'nearly',
  'up',
  'to',
  'almost',
  'roughly',
  'approximately',
]);

/**
 * Is token j part of a date ("3 May", "May 3", "2024")? "On 3 May 2024, armed men killed two herders" states
 * two deaths, not 2,026. A year-like number is a count only right after a killing verb or a hedge ("killed 2000
 * people", "at least 2000"); a day number after a month is a count when victims follow ("In May 12 soldiers").
 */
function isDatePart(tokens: Token[], j: number, f: FatalityLexicon): boolean {
  const key = (tokens[j] as Token).key;
  const prev = tokens[j - 1]?.key ?? '';
  const next = tokens[j + 1]?.key ?? '';
  if (/^(1[89]|20)\d{2}$/.test(key)) return !(f.verbs.has(prev) || HEDGES.has(prev));
  if (!/^\d{1,2}$/.test(key)) return false;
  return MONTH_WORDS.has(next) || (MONTH_WORDS.has(prev) && !f.nouns.has(next));
}

/** The number at token j, rejoining thousands separators ("1,900" is two tokens). */
function numberAt(tokens: Token[], j: number, raw: string, f: FatalityLexicon): number | null {
  const tok = tokens[j];
  if (!tok || isDatePart(tokens, j, f)) return null;
  let digits = tok.key;
  for (let k = j + 1; /^\d+$/.test(digits) && k < tokens.length; k++) {
    const next = tokens[k] as Token;
    if (raw.slice(tokens[k - 1]!.end, next.start) !== ',' || !/^\d{3}$/.test(next.key)) break;
    digits += next.key;
  }
  return numberValue(digits, f.words);
}

/** A token's number: its digits, or a number word ("dozens"); tokens hold no commas. */
function numberValue(word: string, words: ReadonlyMap<string, number>): number | null {
  const first = word.charCodeAt(0);
  if (first >= 48 && first <= 57 && /^\d+$/.test(word)) return Number(word);
  return words.get(word) ?? null;
}

/** Fatalities stated in a sentence, ACLED style: the most conservative number; null when none is stated. */
export function statedFatalities(tokens: Token[], raw: string, ctx: PipelineContext): number | null {
  const f = compile(ctx).fatalities;
  const { verbs, nouns } = f;
  const keys = tokens.map((t) => t.key);
  // Counts by victim noun: a repeated "5 soldiers" is one group, counted once (the lowest figure stated).
  const found = new Map<string, number>();
  const note = (noun: string, n: number) => found.set(noun, Math.min(n, found.get(noun) ?? n));
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] as string;
    // "killing 14 Malian troops", "killing a soldier", "left at least 20 people dead"
    if (verbs.has(k) || (k === 'claimed' && keys[i + 1] === 'the' && keys[i + 2] === 'lives')) {
      let j = i + 1;
      if (k === 'claimed') j = i + 4;
      while (j < keys.length && HEDGES.has(keys[j] as string)) j++;
      const n = numberAt(tokens, j, raw, f);
      if (n !== null) {
        const noun = keys.slice(j + 1, j + 4).find((w) => nouns.has(w));
        // "left 12 people injured" is no death toll: "left"/"leaving" need a death word after the victims.
        const needsDeath = k === 'left' || k === 'leaving';
        const dead = keys.slice(j + 1, j + 7).some((w) => w === 'dead' || w === 'killed');
        if (noun && (!needsDeath || dead)) note(noun, n);
      }
    }
    // "14 soldiers were killed", "20 people dead"
    const n = numberAt(tokens, i, raw, f);
    if (n !== null && k !== 'a' && k !== 'an') {
      const rest = keys.slice(i + 1, i + 7).join(' ');
      const after = f.after;
      const noun = keys.slice(i + 1, i + 4).find((w) => nouns.has(w));
      if (noun && after.some((a) => rest.includes(a)) && !found.size) note(noun, n);
    }
  }
  if (!found.size) return singleOrBareDeath(keys, tokens, raw, f);
  return [...found.values()].reduce((a, b) => a + b, 0);
}

/** The event type a claim would have had, for the report of an event sentence with no place. */
function unlocatedType(
  trigger: Trigger,
  mentions: ActorMention[],
  resolutions: Resolution[],
  riot: boolean,
  ctx: PipelineContext,
  text: string,
): { eventType: string; subEventType: string } {
  const names = new Set<string>();
  for (const r of resolutions) if (r.mention.standsFor) names.add(r.mention.standsFor);
  for (const a of mentions)
    if (!a.generic && !(a.actor === 'Civilians' && quoted(a, text))) names.add(a.actor);
  const e = eventFor(trigger, [...names], ctx, riot);
  return { eventType: e.event_type, subEventType: e.sub_event_type };
}

/** Property destruction words that say nothing of a crowd's violence ("protested against cattle rustling"). */
const NOT_BY_CROWDS = /^(seiz|stol|stole|rob|rustl|confisc|carjack|steal)/;

/**
 * Does the sentence tell of a violent demonstration? Demonstrators who burn, loot or throw stones (the
 * destruction word within a few words of the protest word), or demonstrators named first who attack
 * ("demonstrators attacked a police station", but not "soldiers fired on demonstrators").
 */
function violentDemonstration(
  s: Sentence,
  tokens: Token[],
  trigger: CueHit<Trigger>,
  hits: CueHit<Trigger>[],
  actors: ActorMention[],
): boolean {
  const t = trigger.value;
  const offset = (i: number) => s.start + (tokens[i] as Token).start;
  // Another actor between two words says someone else did it ("traders protested after gunmen looted shops").
  const actorBetween = (from: number, to: number) =>
    actors.some(
      (a) => a.actor !== 'Protesters' && a.start > Math.min(from, to) && a.start < Math.max(from, to),
    );
  if (t.event_type === 'Protests') {
    return hits.some(
      (h) =>
        h.value.sub_event_type === 'Looting/property destruction' &&
        Math.min(Math.abs(h.first - trigger.last), Math.abs(trigger.first - h.last)) <= 6 &&
        !NOT_BY_CROWDS.test((tokens[h.first] as Token).key) &&
        !actorBetween(offset(trigger.first), offset(h.first)),
    );
  }
  if (t.event_type !== 'Battles' || t.sub_event_type !== 'Armed clash') return false;
  const at = offset(trigger.first);
  const first = [...actors].sort((a, b) => a.start - b.start)[0];
  if (!first || first.actor !== 'Protesters' || first.end > at) return false;
  // Demonstrators the violence was done to ("protesters were killed when soldiers opened fire") ...
  if (/\b(?:was|were|been|being)\b/i.test(s.text.slice(first.end - s.start, at - s.start))) return false;
  // ... or a demonstration against it ("students demonstrated against the killing"): a protest word that is no
  // name for the demonstrators ("demonstrators", "protesters").
  return !hits.some(
    (h) => h.value.event_type === 'Protests' && !/(ers|ors)$/.test((tokens[h.first] as Token).key),
  );
}

/** Singular victims: "a soldier was killed", "one man was allegedly shot dead", "a civilian died". */
const SINGLE_VICTIMS = new Set([
  'person',
  'man',
  'woman',
  'child',
  'boy',
  'girl',
  'civilian',
  'soldier',
  'gendarme',
  'policeman',
  'police officer',
  'prisoner',
  'student',
  'trader',
  'driver',
  'herder',
  'farmer',
  'villager',
  'resident',
  'teacher',
  'chief',
  'imam',
  'pastor',
  'militant',
  'fighter',
  'volunteer',
]);
const DEATH_AFTER =
  /^(?:(?:was|has been|had been) )?(?:(?:allegedly|reportedly|later|also) )?(?:killed|shot dead|murdered|executed|lynched|beheaded|died)\b/;
/** "7 killed.", "2 dead and 6 wounded": a count with the death word right after it. */
const BARE_DEATH = /^(?:killed|dead)\b/;

/**
 * The counts statedFatalities leaves: a single victim named with "a", "an" or "one" and a death verb right after
 * ("a student was allegedly killed": 1), and a number directly followed by "killed" or "dead" ("7 killed.").
 * Only when nothing else was counted, so "an attack on soldiers killed 5 people" stays 5.
 */
function singleOrBareDeath(
  keys: readonly string[],
  tokens: Token[],
  raw: string,
  f: FatalityLexicon,
): number | null {
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] as string;
    if (k === 'a' || k === 'an' || k === 'one') {
      // The victim noun right after, after one adjective ("a young person", "one Lobi man"), or after an age
      // ("a 12-year-old girl").
      const age = /^\d{1,3}$/.test(keys[i + 1] ?? '') && keys[i + 2] === 'year' && keys[i + 3] === 'old';
      for (const at of age ? [i + 4] : [i + 1, i + 2]) {
        if (!SINGLE_VICTIMS.has(keys[at] ?? '')) continue;
        if (DEATH_AFTER.test(keys.slice(at + 1, at + 5).join(' '))) return 1;
      }
    }
    const n = numberAt(tokens, i, raw, f);
    if (n !== null && k !== 'a' && k !== 'an' && BARE_DEATH.test(keys.slice(i + 1, i + 2).join(' ')))
      return n;
  }
  return null;
}

function sentenceTokens(s: Sentence): Token[] {
  return tokenize(fold(s.text));
}

/** What the claims stage makes of one document. */
export interface ClaimsOut {
  claims: Claim[];
  /** Event sentences it could give no place; nothing is dropped silently. */
  unlocated: UnlocatedEvent[];
}

/** Claims of one document. */
export function extractClaims(input: ClaimInput, ctx: PipelineContext): ClaimsOut {
  const c = compile(ctx);
  const g = ctx.gazetteer;
  const claims: Claim[] = [];
  const unlocated: UnlocatedEvent[] = [];
  const text = input.text;
  const bySentence = new Map<number, Resolution[]>();
  for (const r of input.resolutions) {
    const list = bySentence.get(r.mention.sentence) ?? [];
    list.push(r);
    bySentence.set(r.mention.sentence, list);
  }
  const actorsBySentence = new Map<number, ActorMention[]>();
  for (const a of input.actors) {
    const list = actorsBySentence.get(a.sentence) ?? [];
    list.push(a);
    actorsBySentence.set(a.sentence, list);
  }
  // The document's reference year for "historical": publication year, else the latest year it names.
  const years = input.sentences.flatMap((s) => yearsIn(s.text));
  const refYear = input.published
    ? Number(input.published.slice(0, 4))
    : years.length
      ? Math.max(...years)
      : null;
  let lastDate: DateSpan | null = null;
  let lastLocated: Located | null = null;
  const votes = countryVotes(input.resolutions, g);
  const headingsAreText = onlyHeadings(input.sentences);

  for (const s of input.sentences) {
    if (s.kind === 'table-row') continue;
    const tokens = sentenceTokens(s);
    const date = sentenceDate(s.text, input.published, lastDate);
    // Titles restate the story; an unpunctuated line with its own date is a report (scrapes lose full stops),
    // and so is every line of a document that has nothing else.
    if (s.kind === 'heading' && !date && !headingsAreText) continue;
    if (
      date &&
      !date.text.endsWith('the previous date') &&
      !/past weeks|last week|last year|yesterday/.test(date.text)
    )
      lastDate = date;

    const triggerHits = c.triggers.find(tokens);
    if (!triggerHits.length) continue;
    const trigger = [...triggerHits].sort(
      (a, b) => a.value.rank - b.value.rank || a.first - b.first,
    )[0] as CueHit<Trigger>;

    // Places: the finest resolved level in the sentence (demonyms only give context, and so does the country
    // an embassy belongs to: "Mali's embassy" is not in Mali).
    const missions = c.missions.find(tokens);
    const owns = missionOwner(s, tokens, missions, text);
    const named = (bySentence.get(s.index) ?? []).filter(
      (r) =>
        r.status === 'resolved' &&
        r.placeId &&
        r.mention.via !== 'demonym' &&
        !owns(r.mention.start, r.mention.end),
    );
    // Names inside a bracketed hierarchy say where their head is; they are event places only for an unknown
    // head ("Ogossagou (Bankass, Mopti)") or when the sentence names no other place.
    const unknownHere = (input.unknown ?? []).filter((u) => u.mention.sentence === s.index);
    const outside = named.filter((r) => !inSpans(input.context ?? [], r.mention));
    const resolved = unknownHere.length || !outside.length ? named : outside;
    let places: { entry: GazetteerEntry; precision: GeoPrecision }[] = [];
    const mission = resolved.length ? null : missionNear(tokens, trigger, missions);
    const embassy = mission ? embassyPlace(s, tokens, mission, input, votes, ctx) : null;
    if (resolved.length) {
      const entries = resolved.map((r) => ({ r, e: g.get(r.placeId as string) as GazetteerEntry }));
      const finest = Math.min(...entries.map(({ e }) => fineness(e)));
      const seen = new Set<string>();
      for (const { r, e } of entries) {
        if (fineness(e) !== finest || seen.has(e.id)) continue;
        // An unknown village is placed at the first (most specific) unit named for it, "near" at best.
        if (unknownHere.length && places.length) break;
        seen.add(e.id);
        const precision = geoPrecision(e, r, s, c);
        places.push({
          entry: e,
          precision: unknownHere.length ? (Math.max(precision, 2) as GeoPrecision) : precision,
        });
      }
      lastLocated = { sentence: s.index, end: s.end, places };
    } else if (embassy) {
      // "the US embassy evacuating non-emergency personnel": a diplomatic mission is in the host country's
      // capital, and the host is the country the document is about. Inferred, so "near" at best; before the
      // discourse rule, since an embassy is not where the previous sentence's events were.
      places = [{ entry: embassy, precision: 2 }];
    } else if (
      !mission &&
      lastLocated &&
      s.index - lastLocated.sentence <= 2 &&
      !text.slice(lastLocated.end, s.start).includes('\n')
    ) {
      // Discourse: an event sentence right after a located one happened there ("... siege of Bamako. The fuel
      // blockade forced school closures ..."). Never finer than "near" since the place was not named.
      const carried: Located['places'] = lastLocated.places;
      places = carried.map((p) => ({ entry: p.entry, precision: Math.max(p.precision, 2) as GeoPrecision }));
      // The chain stays anchored on the sentence that named the place: at most two sentences carry it.
      lastLocated = { sentence: lastLocated.sentence, end: s.end, places: carried };
    }
    const riot = violentDemonstration(s, tokens, trigger, triggerHits, actorsBySentence.get(s.index) ?? []);
    // "students demonstrated against the killing of a classmate": a protest about violence is a protest.
    const protest = triggerHits.find(
      (h) =>
        h.value.event_type === 'Protests' &&
        h.first < trigger.first &&
        !/(ers|ors)$/.test((tokens[h.first] as Token).key),
    );
    const eventTrigger =
      !riot && protest && trigger.value.event_type === 'Battles' ? protest.value : trigger.value;
    if (!places.length) {
      const rejected = (bySentence.get(s.index) ?? []).filter((r) => r.status !== 'resolved');
      unlocated.push({
        sourceId: input.sourceId,
        sentence: s.index,
        start: s.start,
        end: s.end,
        text: s.text,
        ...unlocatedType(
          eventTrigger,
          actorsBySentence.get(s.index) ?? [],
          bySentence.get(s.index) ?? [],
          riot,
          ctx,
          text,
        ),
        why: mission
          ? 'an embassy whose host is unclear (the article names no other country, or two equally) or whose capital is unknown'
          : rejected.length
            ? `no place: ${rejected.map((r) => `"${r.mention.surface}" ${r.why}`).join('; ')}`
            : 'no place named in the sentence, nor in the two before it in its paragraph',
      });
      continue;
    }

    const modality = /^if\b/i.test(s.text)
      ? 'speculative'
      : modalityOf(s.text, tokens, trigger, triggerHits, c, date, refYear);
    const impacts = [...new Set(c.impacts.find(tokens).map((h) => h.value))].sort();
    // A protest about a killing: the deaths stated are the killing's, not the protest's.
    let fatalities = eventTrigger !== trigger.value ? null : statedFatalities(tokens, fold(s.text), ctx);
    // ACLED codes 0 for a non-violent event that happened; a forecast or a history has no count to state.
    if (
      fatalities === null &&
      !VIOLENT.has(eventTrigger.event_type) &&
      (modality === 'reported' || modality === 'claimed' || modality === 'alleged')
    ) {
      fatalities = 0;
    }
    const span = date ?? (input.published && modality === 'reported' ? onOrBefore(input.published) : null);

    for (const p of places) {
      const actors = actorsOf(
        actorsBySentence.get(s.index) ?? [],
        bySentence.get(s.index) ?? [],
        p.entry,
        ctx,
        text,
      );
      const event = eventFor(eventTrigger, actors, ctx, riot);
      claims.push({
        id: hashId(input.sourceId, s.start, s.end, p.entry.id),
        sourceId: input.sourceId,
        sentence: s.index,
        start: s.start,
        end: s.end,
        text: s.text,
        placeId: p.entry.id,
        geoPrecision: p.precision,
        actors,
        eventType: event.event_type,
        subEventType: event.sub_event_type,
        dateStart: span?.start ?? null,
        dateEnd: span?.end ?? null,
        timePrecision: span?.precision ?? null,
        fatalities,
        impacts,
        modality,
        unlocatedName: unknownHere[0]?.mention.surface ?? null,
      });
    }
  }
  return { claims, unlocated };
}

/** Resolved place mentions per country: what the document is about. */
function countryVotes(resolutions: Resolution[], g: PipelineContext['gazetteer']): Map<string, number> {
  const votes = new Map<string, number>();
  for (const r of resolutions) {
    if (r.status !== 'resolved' || !r.placeId) continue;
    const country = g.get(r.placeId)?.country;
    if (country) votes.set(country, (votes.get(country) ?? 0) + 1);
  }
  return votes;
}

/** Nouns "embassy" can modify: the event concerns them, not the embassy building. */
const EMBASSY_THINGS = new Set([
  'staff',
  'guard',
  'guards',
  'employee',
  'employees',
  'worker',
  'workers',
  'official',
  'officials',
  'vehicle',
  'vehicles',
  'car',
  'cars',
  'convoy',
  'driver',
  'drivers',
  'security',
]);

/** Words that make a mission the source of a report ("the US embassy said"), not where something happened. */
const ATTRIBUTION = new Set([
  'said',
  'says',
  'told',
  'according',
  'statement',
  'stated',
  'reported',
  'announced',
  'confirmed',
  'warned',
  'tweeted',
  'communique',
]);

/** An embassy the event concerns: near the event word, and not the source of the report ("the embassy said"). */
function missionNear(
  tokens: Token[],
  trigger: CueHit<Trigger>,
  missions: readonly CueHit<true>[],
): CueHit<true> | null {
  const mission = missions.find(
    (h) => Math.min(Math.abs(h.first - trigger.last), Math.abs(trigger.first - h.last)) <= 6,
  );
  if (!mission) return null;
  for (let i = Math.max(0, mission.first - 4); i <= Math.min(tokens.length - 1, mission.last + 4); i++)
    if (ATTRIBUTION.has((tokens[i] as Token).key)) return null;
  // "embassy guards", "an embassy vehicle": people or things of the embassy, which may be anywhere.
  if (EMBASSY_THINGS.has(tokens[mission.last + 1]?.key ?? '')) return null;
  return mission;
}

/**
 * Where an event at an embassy happened when the sentence names no place: the capital of the country the document
 * is about, the embassy's own country excluded ("the French embassy" in an article about France and Mali is in
 * Bamako). Only when the embassy is what the event concerns: near the event word, not the source of the report.
 * Null when the host is unclear (a tie, or only the embassy's own country) or its capital unknown.
 */
function embassyPlace(
  s: Sentence,
  tokens: Token[],
  mission: CueHit<true>,
  input: ClaimInput,
  votes: Map<string, number>,
  ctx: PipelineContext,
): GazetteerEntry | null {
  // The mission's own country: a name right before it ("US embassy", "France's embassy") or after "embassy of".
  const own = new Set<string>();
  const g = ctx.gazetteer;
  const owns = missionOwner(s, tokens, [mission], input.text);
  for (const r of input.resolutions) {
    if (r.mention.sentence !== s.index || !owns(r.mention.start, r.mention.end)) continue;
    for (const id of r.mention.candidates) {
      const country = g.get(id)?.country;
      if (country) own.add(country);
    }
  }
  for (const a of input.actors) {
    if (a.sentence !== s.index || !owns(a.start, a.end)) continue;
    const country = ctx.lexicons.actors.find((x) => x.name === a.actor)?.country;
    if (country) own.add(country);
  }
  const ranked = [...votes.entries()]
    .filter(([country]) => !own.has(country))
    .sort((a, b) => b[1] - a[1] || compareStrings(a[0], b[0]));
  const [first, second] = ranked;
  if (!first || (second && second[1] === first[1])) return null;
  return capitalOf(first[0], g);
}

/**
 * Is text[start, end) the country a mission belongs to: right before it ("US embassy", "Mali's embassy") or
 * after "embassy of"? Such a name says whose embassy it is, not where the event happened.
 */
function missionOwner(
  s: Sentence,
  tokens: Token[],
  missions: CueHit<true>[],
  text: string,
): (start: number, end: number) => boolean {
  const spans = missions.map((m) => ({
    at: s.start + (tokens[m.first] as Token).start,
    after: s.start + (tokens[m.last] as Token).end,
  }));
  return (start, end) =>
    spans.some(
      ({ at, after }) =>
        (end <= at && /^\s*(?:['’]s\s*)?$/.test(text.slice(end, at))) ||
        (start >= after && /^\s+of\s+(?:the\s+)?$/i.test(text.slice(after, start))),
    );
}

/**
 * Where a country's embassies are: its capital (GeoNames PPLC), except where they sit in another city (Côte
 * d'Ivoire's in Abidjan, Benin's in Cotonou). Names only; the coordinates come from the gazetteer.
 */
const EMBASSY_CITY: Record<string, string> = { CI: 'Abidjan', BJ: 'Cotonou' };

const capitals = new WeakMap<PipelineContext['gazetteer'], Map<string, GazetteerEntry>>();
function capitalOf(country: string, g: PipelineContext['gazetteer']): GazetteerEntry | null {
  let byCountry = capitals.get(g);
  if (!byCountry) {
    byCountry = new Map();
    // The most populous PPLC of a country: GeoNames marks one per country.
    for (const e of g.entries) {
      if (e.kind !== 'place' || e.featureCode !== 'PPLC' || !e.country) continue;
      const known = byCountry.get(e.country);
      if (!known || e.population > known.population) byCountry.set(e.country, e);
    }
    for (const [code, name] of Object.entries(EMBASSY_CITY)) {
      const city = g
        .byName(name)
        .filter((e) => e.kind === 'place' && e.country === code)
        .sort((a, b) => b.population - a.population)[0];
      if (city) byCountry.set(code, city);
    }
    capitals.set(g, byCountry);
  }
  return byCountry.get(country) ?? null;
}

const UNARMED = new Set(['Civilians', 'Protesters', 'Rioters']);

/**
 * ACLED's event type also depends on who is involved: a killing with civilians as the only other side is violence
 * against civilians, not a battle; a protest has protesters and a riot rioters even when the text names nobody.
 * Mutates `actors` to add the implied demonstrators.
 */
function eventFor(
  trigger: Trigger,
  actors: string[],
  ctx: PipelineContext,
  riot: boolean,
): { event_type: string; sub_event_type: string } {
  // A violent demonstration is a riot (ACLED): the demonstrators are then rioters.
  const t: Trigger = riot
    ? { ...trigger, event_type: 'Riots', sub_event_type: 'Violent demonstration' }
    : trigger;
  if (riot && actors.includes('Protesters')) actors.splice(actors.indexOf('Protesters'), 1);
  if (t.event_type === 'Protests' && !actors.includes('Protesters')) actors.push('Protesters');
  if (t.event_type === 'Riots' && !actors.includes('Rioters')) actors.push('Rioters');
  actors.sort();
  // Armed force used on demonstrators who did not start it (not a riot): ACLED's excessive force.
  if (t.event_type === 'Battles' && t.sub_event_type === 'Armed clash' && actors.includes('Protesters'))
    return { event_type: 'Protests', sub_event_type: 'Excessive force against protesters' };
  if (t.event_type === 'Battles' && t.sub_event_type === 'Armed clash' && actors.includes('Civilians')) {
    const types = compile(ctx).actorTypes;
    const armed = actors.filter((a) => !UNARMED.has(types.get(a) ?? ''));
    if (armed.length <= 1) return { event_type: 'Violence against civilians', sub_event_type: 'Attack' };
  }
  return t;
}

function geoPrecision(e: GazetteerEntry, r: Resolution, s: Sentence, c: Compiled): GeoPrecision {
  if (e.kind === 'country' || e.kind === 'continent' || (e.kind === 'vernacular' && !e.country)) return 3;
  if (e.kind !== 'place') return 2;
  // A qualifier within the four words before the name: "in the vicinity of Mopti", "near Gao".
  const before = s.text.slice(Math.max(0, r.mention.start - s.start - 40), r.mention.start - s.start);
  const toks = tokenize(fold(before)).slice(-5);
  return c.qualifiers.find(toks).length ? 2 : 1;
}

function modalityOf(
  raw: string,
  tokens: Token[],
  trigger: CueHit<Trigger>,
  events: readonly CueHit<Trigger>[],
  c: Compiled,
  date: DateSpan | null,
  refYear: number | null,
): Modality {
  const hits = c.modality.find(tokens).filter((h) => {
    // "May 2024", "12 May", a capital "May" mid-sentence: the month, not the modal.
    const tok = tokens[h.first];
    if (tok?.key !== 'may') return true;
    const next = tokens[h.last + 1];
    const prev = tokens[h.first - 1];
    const month =
      (next && /^\d/.test(next.key)) ||
      (prev && /^\d/.test(prev.key)) ||
      (tok.start > 0 && raw[tok.start] === 'M');
    return !month;
  });
  const before = (h: CueHit<ModalityCue>, within: number) =>
    h.first < trigger.first && trigger.first - h.last <= within;
  if (hits.some((h) => h.value === 'claimed' && before(h, 12))) return 'claimed';
  if (hits.some((h) => h.value === 'alleged' && before(h, 10))) return 'alleged';
  if (hits.some((h) => h.value === 'speculative' && before(h, 12))) return 'speculative';
  // "An attack on Gao would be a disaster", "a JNIM takeover could ...": an event named as a noun after "a",
  // "an" or "any" is hypothetical when a modal follows it closely, with no comma and no other event word between
  // ("a deadly attack hit Gao, which could ..." and "an ambush near Gao killed soldiers and may ..." happened).
  const nominal = tokens
    .slice(Math.max(0, trigger.first - 3), trigger.first)
    .some((t) => t.key === 'a' || t.key === 'an' || t.key === 'any');
  const closeModal = (h: CueHit<ModalityCue>) =>
    h.value === 'speculative' &&
    h.first > trigger.last &&
    h.first - trigger.last <= 6 &&
    !raw.slice((tokens[trigger.last] as Token).end, (tokens[h.first] as Token).start).includes(',') &&
    !events.some((e) => e.first > trigger.last && e.first < h.first);
  if (nominal && hits.some(closeModal)) return 'speculative';
  if (hits.some((h) => h.value === 'historical')) return 'historical';
  if (date && date.precision === 3 && refYear !== null && Number(date.end.slice(0, 4)) < refYear - 1)
    return 'historical';
  return 'reported';
}

/** "a resident said", "locals told AFP", "according to villagers": people quoted, not people the event hit. */
function quoted(a: ActorMention, text: string): boolean {
  return (
    // The speaker right before the verb, no comma between: "killed 20 civilians, said a source" names victims,
    // and "12 civilians reported dead" is a toll.
    /^\s+(?:(?:of|in|from)\s+[\p{L}-]+\s+)?(?:said|says|say|told|recounted|explained)\b/iu.test(
      text.slice(a.end, a.end + 40),
    ) ||
    /according\s+to\s+(?:a|the|some|several|local)?\s*$/i.test(text.slice(Math.max(0, a.start - 24), a.start))
  );
}

function actorsOf(
  mentions: ActorMention[],
  resolutions: Resolution[],
  place: GazetteerEntry,
  ctx: PipelineContext,
  text: string,
): string[] {
  const names = new Set<string>();
  for (const a of mentions) {
    if (a.actor === 'Civilians' && quoted(a, text)) continue;
    if (!a.generic) {
      names.add(a.actor);
      continue;
    }
    // "soldiers" belong to the country of the place, or to the one a demonym names.
    const code = place.country;
    const country = code ? ctx.gazetteer.country(code) : undefined;
    if (country) names.add(a.actor.replace('{country}', country.name));
  }
  for (const r of resolutions) if (r.mention.standsFor) names.add(r.mention.standsFor);
  // A named armed group makes the "militants" of the same sentence redundant.
  const named = ctx.lexicons.actors.filter(
    (a) => names.has(a.name) && a.type === 'Rebel groups' && a.name !== 'Islamist rebels',
  );
  if (named.length) names.delete('Unidentified armed group');
  return [...names].sort();
}

/** Rows of the document's tables: region-keyed rows are located, the others kept unlocated with their source. */
export function extractRiskRows(sourceId: string, seg: Segmented, ctx: PipelineContext): RiskRow[] {
  const g = ctx.gazetteer;
  const rows: RiskRow[] = [];
  for (const t of seg.tables) {
    const keyed = /^(region|country|countries|area|location|zone|state|province|place)s?$/i.test(
      (t.header[0] ?? '').trim(),
    );
    const candidatesOf = (cell: string) => g.byName(cell).filter((e) => e.kind !== 'continent');
    // The country most rows point to unambiguously: a "Sahel" row in a table of Burkina regions is Burkina's
    // Sahel region, not the belt across five countries.
    const votes = new Map<string, number>();
    for (const r of t.rows) {
      const countries = new Set(candidatesOf(r.cells[0] ?? '').map((e) => e.country));
      const only = countries.size === 1 ? [...countries][0] : null;
      if (only) votes.set(only, (votes.get(only) ?? 0) + 1);
    }
    const [tableCountry, n] = [...votes.entries()].sort(
      (a, b) => b[1] - a[1] || compareStrings(a[0], b[0]),
    )[0] ?? [null, 0];
    const home = n >= 2 ? tableCountry : null;
    const lookup = (cell: string) =>
      candidatesOf(cell).sort(
        (a, b) =>
          Number(b.country === home && b.kind !== 'country') -
            Number(a.country === home && a.kind !== 'country') ||
          KIND_RANK[b.kind] - KIND_RANK[a.kind] ||
          b.population - a.population ||
          (a.id < b.id ? -1 : 1),
      )[0];
    const allPlaces = t.rows.length > 0 && t.rows.every((r) => lookup(r.cells[0] ?? '') !== undefined);
    for (const r of t.rows) {
      const entry = keyed || allPlaces ? lookup(r.cells[0] ?? '') : undefined;
      rows.push({
        id: hashId(sourceId, 'risk', r.start, r.end),
        sourceId,
        table: t.index,
        start: r.start,
        end: r.end,
        placeId: entry?.id ?? null,
        regionId: entry?.regionId ?? null,
        header: t.header,
        cells: r.cells,
      });
    }
  }
  return rows;
}
