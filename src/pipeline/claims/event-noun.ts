// Event nouns with their own place: "the victims were buried in Dori after the attack in Seytenga".

import type { CueHit } from '../cues.ts';
import type { Token } from '../text.ts';
import type { Resolution, Sentence } from '../types.ts';
import type { Trigger } from './compiled.ts';
import { SAME_AREA } from './earlier-event.ts';

const ARTICLE = new Set(['the', 'a', 'an', 'this', 'that']);
/** "two days after the attack on X", "a week after an ambush near X": an earlier event ("killed following an
 * attack in X", "called for calm after an attack on Gao killed five" are the same event). */
const PRIOR_SPANS = new Set(['day', 'days', 'week', 'weeks', 'month', 'months']);
/** From the end of the event noun to its place: "attack in", "ambush near the town of". */
const ATTACHED = /^\s+(?:in|at|on|near|against)\s+(?:the\s+(?:village|town|city|locality)\s+of\s+)?$/iu;

/**
 * When every event word of the sentence is a noun with its own place ("after the attack in Seytenga"), those
 * places are the sentence's event places, and the others (where the victims were buried, where a minister
 * went) are not. Null when some event word is a verb or has no place of its own ("soldiers killed 5 militants
 * in Djibo after the attack in Arbinda" tells two events).
 */
/** The places attached to event noun `h` ("the attack in Burkina Faso's Sahel region"), or null if it has none. */
function attachedTo(
  s: Sentence,
  tokens: Token[],
  h: CueHit<Trigger>,
  here: readonly Resolution[],
): Resolution[] | null {
  const end = s.start + (tokens[h.last] as Token).end;
  const place = here.find(
    (r) =>
      r.status === 'resolved' &&
      r.mention.start > end &&
      r.mention.start - end < 40 &&
      ATTACHED.test(s.text.slice(end - s.start, r.mention.start - s.start)),
  );
  if (!place) return null;
  const out = [place];
  // ... and the names that go on from it: "the attack in Burkina Faso's Sahel region", "in Seytenga, Seno".
  for (let last = place; ;) {
    const next = here.find(
      (r) =>
        r.mention.start >= last.mention.end &&
        /^(?:['’]s\s+|,\s*|\s+)$/u.test(s.text.slice(last.mention.end - s.start, r.mention.start - s.start)),
    );
    if (!next) break;
    out.push(next);
    last = next;
  }
  return out;
}

/**
 * When every event word of the sentence is a noun with its own place ("after the attack in Seytenga"), those
 * places are the sentence's event places, and the others (where the victims were buried, where a minister
 * went) are not. Null when some event word is a verb or has no place of its own ("soldiers killed 5 militants
 * in Djibo after the attack in Arbinda" tells two events).
 */
export function eventNounPlaces(
  s: Sentence,
  tokens: Token[],
  hits: readonly CueHit<Trigger>[],
  here: readonly Resolution[],
): Set<Resolution> | null {
  const attached = new Set<Resolution>();
  for (const h of hits) {
    const before = tokens[h.first - 1];
    if (!before || !ARTICLE.has(before.key)) return null;
    const places = attachedTo(s, tokens, h, here);
    if (!places) return null;
    for (const r of places) attached.add(r);
  }
  return attached.size ? attached : null;
}

/**
 * "Two days after the attack on Djibo, gunmen killed four herders near Arbinda": the place of an event noun
 * some days or weeks "after" which this one came is an earlier event's, not this sentence's event (its toll and
 * date are not Djibo's). Only when the sentence tells its own event with another word.
 */
export function priorEventPlaces(
  s: Sentence,
  tokens: Token[],
  hits: readonly CueHit<Trigger>[],
  here: readonly Resolution[],
): Set<Resolution> {
  const prior = new Set<Resolution>();
  const own: CueHit<Trigger>[] = [];
  for (const h of hits) {
    const article = tokens[h.first - 1];
    const span = tokens[h.first - 3];
    const earlier = tokens[h.first - 2]?.key === 'after' && !!span && PRIOR_SPANS.has(span.key);
    const places = article && ARTICLE.has(article.key) && earlier ? attachedTo(s, tokens, h, here) : null;
    if (places) for (const r of places) prior.add(r);
    else own.push(h);
  }
  // ("Following the attack on Djibo, soldiers killed 20 militants in the area": the same place.)
  return own.length && !SAME_AREA.test(s.text) ? prior : new Set();
}
