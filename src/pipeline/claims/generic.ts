// Generic statements: a trend, a habit or a total over many events ("attacks have soared since 2015", "troops are
// regularly targeted") is no incident. Such a sentence is listed in the report, not drawn on the map.

import { CueSet } from '../cues.ts';
import type { DateSpan } from '../dates.ts';
import type { Token } from '../text.ts';

/** geodata/lexicon/generic.json */
export interface GenericLexicon {
  cues: string[];
  /** Cues that make a sentence generic whatever date it states ("have increased in the past weeks"). */
  trends?: string[];
  /** "since 2015": a span running from a year to now is a total, not an event. */
  sinceYear: boolean;
  /** A reaction to events told elsewhere ("We convey our condolences ... and wish the injured a speedy recovery"):
   * no event of its own, whatever date it states. */
  reactions?: string[];
  /** "the deadliest", "the worst attack": cues, except in a comma clause that sums up the sentence's own event
   * ("..., marking the deadliest attack on the nation's forces"). */
  superlatives?: string[];
}

export interface GenericRules {
  cues: CueSet<string>;
  trends: CueSet<string>;
  reactions: CueSet<string>;
  superlatives: CueSet<string>;
  sinceYear: boolean;
}

export function compileGeneric(lex: GenericLexicon): GenericRules {
  const set = (words: readonly string[]) => new CueSet(words.map((phrase) => ({ phrase, value: phrase })));
  return {
    cues: set(lex.cues),
    trends: set(lex.trends ?? []),
    reactions: set(lex.reactions ?? []),
    superlatives: set(lex.superlatives ?? []),
    sinceYear: lex.sinceYear,
  };
}

const HOLDS_DEPLOYED =
  /\b(?:has|have)\s+(?:(?:some|about|around|nearly|over|more than)\s+)?(?:\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|dozens of|hundreds of|thousands of)\s+(?:[\w-]+\s+){0,10}?(?:deployed|stationed|based)\b/;
/** "..., marking the deadliest", "..., making it one of the worst", "..., in what was the deadliest": a clause that
 * sums up the event the sentence has just told. */
const SUMS_UP = /,\s*(?:marking|making(?:\s+it|\s+this)?|in what (?:was|is|has been|had been))\s+$/;
const SINCE_YEAR = /\bsince (?:(?:early|late|mid|the end of|the start of) )?(?:1[89]|20)\d\d\b/;

/**
 * The cue that makes a sentence generic, or null. A day- or week-precise date of its own ("on Sunday", "last
 * week") makes it one event whatever its wording ("Since Sunday, jihadists have repeatedly attacked Djibo").
 */
export function genericCue(
  folded: string,
  tokens: Token[],
  date: DateSpan | null,
  rules: GenericRules,
): string | null {
  const trend = rules.trends.find(tokens)[0] ?? rules.reactions.find(tokens)[0];
  if (trend) return trend.value;
  if (date && date.precision <= 2 && !SINCE_YEAR.test(date.text)) return null;
  const hit = rules.cues.find(tokens)[0];
  if (hit) return hit.value;
  // "marking one of the deadliest": "the deadliest" inside it is the same superlative.
  let summed = -1;
  for (const h of rules.superlatives.find(tokens)) {
    if (h.first <= summed) continue;
    const at = tokens[h.first]?.start ?? 0;
    if (!SUMS_UP.test(folded.slice(Math.max(0, at - 40), at))) return h.value;
    summed = h.last;
  }
  // "France has three Reaper drones and four jets deployed to the Sahel": what a force holds, not an event.
  const holds = HOLDS_DEPLOYED.exec(folded);
  if (holds) return holds[0];
  if (rules.sinceYear) {
    // "have left 1,000 dead since 2015" is a total; "detained since 2019, was released" is one event.
    const since = SINCE_YEAR.exec(folded);
    if (since && /\b(?:has|have)\b/.test(folded)) return since[0];
  }
  return null;
}
