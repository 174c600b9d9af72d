// Event nouns with their own place: "the victims were buried in Dori after the attack in Seytenga".

import type { CueHit } from '../cues.ts';
import type { Token } from '../text.ts';
import type { Resolution, Sentence } from '../types.ts';
import type { Trigger } from './compiled.ts';

const ARTICLE = new Set(['the', 'a', 'an', 'this', 'that', 'last', "sunday's", "monday's"]);
/** From the end of the event noun to its place: "attack in", "ambush near the town of". */
const ATTACHED = /^\s+(?:in|at|on|near|against)\s+(?:the\s+(?:village|town|city|locality)\s+of\s+)?$/iu;

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
    const end = s.start + (tokens[h.last] as Token).end;
    const place = here.find(
      (r) =>
        r.status === 'resolved' &&
        r.mention.start > end &&
        r.mention.start - end < 40 &&
        ATTACHED.test(s.text.slice(end - s.start, r.mention.start - s.start)),
    );
    if (!place) return null;
    attached.add(place);
    // ... and the names that go on from it: "the attack in Burkina Faso's Sahel region", "in Seytenga, Seno".
    for (let last = place; ;) {
      const next = here.find(
        (r) =>
          r.mention.start >= last.mention.end &&
          /^(?:['’]s\s+|,\s*|\s+)$/u.test(
            s.text.slice(last.mention.end - s.start, r.mention.start - s.start),
          ),
      );
      if (!next) break;
      attached.add(next);
      last = next;
    }
  }
  return attached.size ? attached : null;
}
