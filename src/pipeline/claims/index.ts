// Stage 5: claims. Per sentence that reports an event at a resolved place: who, what, when, how many dead,
// what impacts, how certain, how precise. Per region-keyed table row: a risk row. One concern a file:
// place.ts (where; embassy.ts, carry-over.ts), event-type.ts, actors.ts, fatalities.ts, modality.ts, dating.ts,
// risk-rows.ts; compiled.ts holds the cue tables they match.

import type { PipelineContext } from '../context.ts';
import type { CueHit } from '../cues.ts';
import { hashId, type Token, type WordTokens } from '../text.ts';
import type { ActorMention, Claim, Resolution, Sentence, Span, UnlocatedEvent } from '../types.ts';
import { actorsOf, unlocatedType } from './actors.ts';
import { CarryOver } from './carry-over.ts';
import { DocumentDates } from './dating.ts';
import { addDays, onOrBefore, type DateSpan } from '../dates.ts';
import { earlierEvent } from './earlier-event.ts';
import { countryVotes } from './embassy.ts';
import { eventNounPlaces, priorEventPlaces } from './event-noun.ts';
import { eventFor, eventWords, type EventWords } from './event-type.ts';
import { claimFatalities } from './fatalities.ts';
import { modalityOf } from './modality.ts';
import { genericCue } from './generic.ts';
import { choosePlaces, scenePlaces } from './place.ts';
import { roleWords } from '../roles.ts';
import { sentenceWords } from './sentence-tokens.ts';
import type { Trigger } from './compiled.ts';

export { statedFatalities } from './fatalities.ts';
export { extractRiskRows } from './risk-rows.ts';

export interface ClaimInput {
  sourceId: string;
  /** The cleaned text sentence offsets point into (paragraph breaks stop discourse carry-over). */
  text: string;
  published: string | null;
  sentences: Sentence[];
  resolutions: Resolution[];
  actors: ActorMention[];
  /** The document's word tokens (the mentions stage's): each sentence's words are read from them. */
  tokens: WordTokens;
  /** The document is nothing but short unpunctuated lines: its "headings" are its text (the mentions stage's). */
  headingsAreText: boolean;
  /** Names the gazetteer lacks, and bracketed hierarchies (src/pipeline/unknown.ts). */
  unknown?: Resolution[];
  context?: Span[];
}

/** What the claims stage makes of one document. */
export interface ClaimsOut {
  claims: Claim[];
  /** Event sentences it could give no place; nothing is dropped silently. */
  unlocated: UnlocatedEvent[];
}

function bySentence<T>(items: T[], sentence: (x: T) => number): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const x of items) {
    const list = out.get(sentence(x)) ?? [];
    list.push(x);
    out.set(sentence(x), list);
  }
  return out;
}

const COMPARED =
  /\b(?:reminiscent of|similar to|as in|like in|recalling|echoing|comparable to)\s+(?:the\s+)?$/i;

/** Is the date text introduced by a comparison ("reminiscent of 2012 events")? */
function comparedDate(sentence: string, dateText: string): boolean {
  const at = sentence.indexOf(dateText);
  return at > 0 && COMPARED.test(sentence.slice(Math.max(0, at - 40), at));
}

/** A caption's date appended after its place, as picture agencies write it ("..., Mali, June 11 2019."). */
function photoDate(sentence: string, dateText: string): boolean {
  const at = sentence.indexOf(dateText.split('; ')[0] ?? dateText);
  return at > 0 && /,\s*$/.test(sentence.slice(Math.max(0, at - 3), at));
}

/** "The assailants ...", "The gunmen then ...": a sentence that goes on about the last event's perpetrators. */
const CODED_AS = /\bcoded\s+as\s+(?:the\s+)?$/iu;
const ANAPHOR =
  /^(?:the|these|those)\s+(?:assailants|attackers|gunmen|militants|jihadists|raiders|armed\s+men)\b/i;

/** "While there was no immediate claim for the attack in Burkina Faso's Sahel region, militants are increasingly
 * targeting ...": a concessive clause that opens the sentence. */
const CONCESSION = /^(?:while|although|though|whereas)\b[^,]{8,}?,/i;

/**
 * Is the event of this sentence told in its opening concessive clause, with every event place there, while the
 * main clause after the comma is the trend? Then the trend's cue does not make the clause's event generic.
 */
function concessionEvent(
  s: Sentence,
  tokens: Token[],
  triggerAt: number,
  here: Resolution[],
  ctx: PipelineContext,
): boolean {
  const m = CONCESSION.exec(s.text);
  if (!m) return false;
  const comma = m[0].length - 1;
  if ((tokens[triggerAt]?.start ?? Infinity) >= comma) return false;
  const places = here.filter((r) => r.status === 'resolved' && (!r.role || r.role.role === 'event'));
  const inClause = (r: Resolution) => r.mention.end - s.start <= comma;
  // After the comma only the wide frame of the trend may be named ("in the West African country").
  const wide = (r: Resolution) => {
    const kind = r.placeId ? ctx.gazetteer.get(r.placeId)?.kind : undefined;
    return kind === 'country' || kind === 'continent' || kind === 'vernacular';
  };
  return places.some(inClause) && places.every((r) => inClause(r) || wide(r));
}

interface LastEvent {
  event: EventWords;
  sentence: number;
  end: number;
}

/** Claims of one document. */
export function extractClaims(input: ClaimInput, ctx: PipelineContext): ClaimsOut {
  const c = ctx.claims;
  const claims: Claim[] = [];
  const unlocated: UnlocatedEvent[] = [];
  const text = input.text;
  const placesBySentence = bySentence(input.resolutions, (r) => r.mention.sentence);
  const actorsBySentence = bySentence(input.actors, (a) => a.sentence);
  const dates = new DocumentDates(input.published, input.sentences, ctx.words.dates);
  const carry = new CarryOver(text);
  const votes = countryVotes(input.resolutions, ctx.gazetteer);

  let last: LastEvent | null = null;
  /** "... killed at least 21 people in central Mali. The assailants rode into Djiguibombo village on Monday":
   * a sentence on the same event's perpetrators, with no event word of its own, tells where it happened. */
  const continued = (s: Sentence, tokens: Token[], prev: LastEvent | null): EventWords | null => {
    if (!prev || s.index - prev.sentence > 2 || text.slice(prev.end, s.start).includes('\n\n')) return null;
    if (!ANAPHOR.test(s.text)) return null;
    const here = placesBySentence.get(s.index) ?? [];
    if (!here.some((r) => r.status === 'resolved' && (!r.role || r.role.role === 'event'))) return null;
    const at = tokens[1] ? 1 : 0;
    const trigger: CueHit<Trigger> = { first: at, last: at, value: prev.event.eventTrigger };
    return { hits: [trigger], trigger, riot: prev.event.riot, eventTrigger: prev.event.eventTrigger };
  };

  for (const s of input.sentences) {
    if (s.kind === 'table-row') continue;
    const { folded, tokens } = sentenceWords(s, text, input.tokens);
    // The date is read when a rule needs it (dating.ts reads it as if every sentence had been read in turn).
    dates.next(s);
    // "a coup reminiscent of 2012 events": a date a comparison names is not the claim's.
    const dateHere = () => {
      const stated = dates.date();
      if (stated && s.kind === 'caption' && stated.precision === 1 && photoDate(s.text, stated.text))
        // "A general view shows the damage ... Sobane Da, Mali, June 11 2019. REUTERS/...": the day the picture
        // was taken, on or after the event's ("clashes erupted in Gao on February 21, 2013" is the event's).
        return { ...onOrBefore(stated.end), text: `${stated.text} (the photograph's date)` };
      return stated && comparedDate(s.text, stated.text) ? null : stated;
    };
    // Titles restate the story; an unpunctuated line with its own date is a report (scrapes lose full stops),
    // and so is every line of a document that has nothing else.
    if (s.kind === 'heading' && !input.headingsAreText && !dateHere()) continue;

    const here = placesBySentence.get(s.index) ?? [];
    const actorsHere = actorsBySentence.get(s.index) ?? [];
    const event: EventWords | null = eventWords(s, tokens, actorsHere, ctx) ?? continued(s, tokens, last);
    if (!event) {
      carry.scene(s, scenePlaces(s, here, input, c, ctx));
      continue;
    }
    const date = dateHere();
    last = { event, sentence: s.index, end: s.end };
    const { trigger, hits, riot, eventTrigger } = event;
    // "attacks have soared since 2015": a trend is no incident; listed, with its cue, not drawn.
    const generic = concessionEvent(s, tokens, trigger.first, here, ctx)
      ? null
      : genericCue(folded, tokens, date, ctx.words.generic);
    // Nothing is dropped silently: a sentence that makes no claim is listed with the reason.
    const setApart = (why: string) =>
      unlocated.push({
        sourceId: input.sourceId,
        sentence: s.index,
        start: s.start,
        end: s.end,
        text: s.text,
        ...unlocatedType(eventTrigger, actorsHere, here, riot, ctx, text),
        why,
      });
    if (generic) {
      setApart(`a generic statement ("${generic}"), not one event`);
      continue;
    }
    // "buried in Dori after the attack in Seytenga": the event noun's own place, not the burial's.
    const nounPlaces = eventNounPlaces(s, tokens, hits, here);
    const prior = nounPlaces ? null : priorEventPlaces(s, tokens, hits, here);
    const placing = nounPlaces
      ? here.filter(
          (r) =>
            nounPlaces.has(r) ||
            r.status !== 'resolved' ||
            (r.role && r.role.role !== 'event') ||
            // (ACLED's notes: "an aerial operation in northern Burkina Faso ..., coded as Tin-Akoff".)
            CODED_AS.test(text.slice(Math.max(0, r.mention.start - 24), r.mention.start)),
        )
      : prior?.size
        ? here.filter((r) => !prior.has(r))
        : here;
    const { places, mission, unknownHere, setAside } = choosePlaces(
      s,
      tokens,
      trigger,
      placing,
      input,
      votes,
      carry,
      c,
      ctx,
    );
    if (!places.length) {
      const rejected = [...here.filter((r) => r.status !== 'resolved'), ...setAside];
      setApart(
        mission
          ? 'an embassy whose host is unclear (the article names no other country, or two equally) or whose capital is unknown'
          : rejected.length
            ? `no place: ${rejected.map((r) => `"${r.mention.surface}" ${r.role ? roleWords(r.role) : r.why}`).join('; ')}`
            : 'no place named in the sentence, nor in the two before it in its paragraph',
      );
      continue;
    }

    const modality = modalityOf(s.text, tokens, trigger, hits, c, date, dates.refYear, input.published);
    if (modality === 'historical' || modality === 'speculative') carry.forget(s);
    const aboutAnother = eventTrigger !== trigger.value;
    // "... came two days after another raid in the area killed seven police": that raid is a claim of its own
    // (below), and its toll is not this event's.
    const earlier = modality === 'historical' || modality === 'speculative' ? null : earlierEvent(s.text);
    const ownTokens = earlier ? tokens.filter((t) => t.start < earlier.at) : tokens;
    const fatalities = claimFatalities(
      ownTokens,
      folded,
      ctx,
      eventTrigger.event_type,
      aboutAnother,
      modality,
    );
    // A forecast is about what comes: a past year it names ("could follow Sudan's path after the 1989 coup") is
    // the analogy's, not the forecast's date.
    const span =
      modality === 'speculative' &&
      date &&
      dates.refYear !== null &&
      Number(date.end.slice(0, 4)) < dates.refYear
        ? null
        : ((date ? null : carry.carriedSpan(s)) ?? dates.span(date, modality));
    carry.dated(s, span);

    // One claim per place, of the whole sentence or of an earlier event's clause in it (from `start` to its end).
    const claimsFrom = (
      start: number,
      what: EventWords,
      who: ActorMention[],
      when: DateSpan | null,
      toll: number | null,
      ts: Token[],
      unlocatedName: string | null,
      near: boolean,
    ) => {
      for (const p of places) {
        const actors = actorsOf(who, here, p.entry, ctx, text, when?.start ?? null);
        const type = eventFor(what.eventTrigger, actors, ctx, what.riot);
        claims.push({
          id: hashId(input.sourceId, start, s.end, p.entry.id),
          sourceId: input.sourceId,
          sentence: s.index,
          start,
          end: s.end,
          text: start === s.start ? s.text : s.text.slice(start - s.start),
          placeId: p.entry.id,
          geoPrecision: near ? (Math.max(p.precision, 2) as Claim['geoPrecision']) : p.precision,
          actors,
          eventType: type.event_type,
          subEventType: type.sub_event_type,
          dateStart: when?.start ?? null,
          dateEnd: when?.end ?? null,
          timePrecision: when?.precision ?? null,
          fatalities: toll,
          impacts: [...new Set(c.impacts.find(ts).map((h) => h.value))].sort(),
          modality,
          unlocatedName,
          ...(p.offset ? { offset: p.offset } : {}),
        });
      }
    };
    claimsFrom(
      s.start,
      event,
      actorsHere,
      span,
      fatalities,
      tokens,
      unknownHere[0]?.mention.surface ?? null,
      false,
    );

    // The earlier event, told as "in the area" of this one's place: near it.
    const clauseStart = earlier ? s.start + earlier.at : Infinity;
    if (!earlier || here.some((r) => r.status === 'resolved' && r.mention.start >= clauseStart)) continue;
    const clauseTokens = tokens.filter((t) => t.start >= earlier.at);
    const before = eventWords(s, clauseTokens, actorsHere, ctx);
    if (!before) continue;
    const earlierSpan: DateSpan | null = !span
      ? null
      : span.precision === 1 && earlier.days !== null
        ? { ...span, start: addDays(span.start, -earlier.days), end: addDays(span.start, -earlier.days) }
        : { ...span, start: addDays(span.start, -14), end: addDays(span.start, -1), precision: 2 };
    const clauseActors = actorsHere.filter((a) => a.start >= clauseStart);
    const toll = claimFatalities(clauseTokens, folded, ctx, before.eventTrigger.event_type, false, modality);
    claimsFrom(clauseStart, before, clauseActors, earlierSpan, toll, clauseTokens, null, true);
  }
  return { claims, unlocated };
}
