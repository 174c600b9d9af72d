// Modality: how certain a claim is (reported, claimed, alleged, speculative, historical).

import type { CueHit } from '../cues.ts';
import type { DateSpan } from '../dates.ts';
import type { Token } from '../text.ts';
import type { Modality } from '../types.ts';
import type { ClaimTables, ModalityCue, Trigger } from './compiled.ts';

const CALL: ReadonlySet<string> = new Set(['call', 'calls', 'called', 'calling']);
const NOTICE: ReadonlySet<string> = new Set(['alert', 'alerts', 'warning', 'advisory']);
/** After the event word (and a place): "... are planned", "... scheduled for Friday", "an attack on Djibo is
 * expected" ("the attack was planned" happened: no past tense). */
const AHEAD_AFTER =
  /^(?:\s+(?:on|in|at|against|near|of)\s+\p{Lu}[\p{L}'’-]*)?(?:\s+(?:is|are|has\s+been|have\s+been))?\s+(?:planned|scheduled|expected|feared)\b/iu;

/** How many months before the publication a month- or week-precise date ends for its event to be history ("the
 * attack which left 19 people dead in March 2016", told in January 2017). */
const HISTORY_MONTHS = 6;

/** The month `months` before an ISO date, as "YYYY-MM". */
function monthsBefore(iso: string, months: number): string {
  const total = Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1 - months;
  return `${String(Math.floor(total / 12)).padStart(4, '0')}-${String((total % 12) + 1).padStart(2, '0')}`;
}

/** The modality of an event sentence; `refYear` is the document's year, before which a dated event is history;
 * `published` its publication date, HISTORY_MONTHS before which an event dated to the month or week is. */
export function modalityOf(
  raw: string,
  tokens: Token[],
  trigger: CueHit<Trigger>,
  events: readonly CueHit<Trigger>[],
  c: ClaimTables,
  date: DateSpan | null,
  refYear: number | null,
  published: string | null = null,
): Modality {
  if (/^if\b/i.test(raw)) return 'speculative';
  // "groups call for a protest march", "calling for a new strike": a call is not the event. "Demonstration
  // Alert", "protest warning": an embassy's notice of one to come.
  const close = tokens.slice(Math.max(0, trigger.first - 4), trigger.first).map((t) => t.key);
  const call = close.findIndex((k) => CALL.has(k));
  if (call >= 0 && close[call + 1] === 'for') return 'speculative';
  if (NOTICE.has(tokens[trigger.last + 1]?.key ?? '')) return 'speculative';
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
    .some((t) => t.key === 'a' || t.key === 'an' || t.key === 'any' || t.key === 'another');
  const closeModal = (h: CueHit<ModalityCue>) =>
    h.value === 'speculative' &&
    h.first > trigger.last &&
    h.first - trigger.last <= 6 &&
    !raw.slice((tokens[trigger.last] as Token).end, (tokens[h.first] as Token).start).includes(',') &&
    !events.some((e) => e.first > trigger.last && e.first < h.first);
  if (nominal && hits.some(closeModal)) return 'speculative';
  // "jihadists will attack Djibo", "are set to march", "preparing an offensive": the future, right before the
  // event word ("locals preparing a ritual destroyed bulbs" did destroy). "Protests are planned in Niamey",
  // "a march scheduled for Friday": the event word, then the word that puts it ahead.
  const lead = tokens.slice(Math.max(0, trigger.first - 2), trigger.first).map((t) => t.key);
  if (
    lead.includes('will') ||
    lead.includes('preparing') ||
    /\b(?:going|set|about) to\s+$/iu.test(raw.slice(0, (tokens[trigger.first] as Token).start))
  )
    return 'speculative';
  if (
    AHEAD_AFTER.test(raw.slice((tokens[trigger.last] as Token).end, (tokens[trigger.last] as Token).end + 40))
  )
    return 'speculative';
  if (hits.some((h) => h.value === 'historical')) return 'historical';
  if (date && date.precision === 3 && refYear !== null && Number(date.end.slice(0, 4)) < refYear - 1)
    return 'historical';
  // A day-precise date stays the event's (the seed gold keeps "clashes erupted in Gao on February 21, 2013" in a
  // 2025 photo caption as reported).
  if (
    date &&
    date.precision >= 2 &&
    published &&
    /^\d{4}-\d{2}/.test(published) &&
    date.end.slice(0, 7) < monthsBefore(published, HISTORY_MONTHS)
  )
    return 'historical';
  return 'reported';
}
