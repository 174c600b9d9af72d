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
}

export interface GenericRules {
  cues: CueSet<string>;
  trends: CueSet<string>;
  reactions: CueSet<string>;
  sinceYear: boolean;
}

export function compileGeneric(lex: GenericLexicon): GenericRules {
  const set = (words: readonly string[]) => new CueSet(words.map((phrase) => ({ phrase, value: phrase })));
  return {
    cues: set(lex.cues),
    trends: set(lex.trends ?? []),
    reactions: set(lex.reactions ?? []),
    sinceYear: lex.sinceYear,
  };
}

const HOLDS_DEPLOYED =
  /\b(?:has|have)\s+(?:(?:some|about|around|nearly|over|more than)\s+)?(?:\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|dozens of|hundreds of|thousands of)\s+(?:[\w-]+\s+){0,10}?(?:deployed|stationed|based)\b/;
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
