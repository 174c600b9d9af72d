// An earlier event told in a clause of the sentence: "The attack ... came two days after another raid in the area
// killed seven police." Wire copy ties a new attack to the last one this way; the earlier one is an event of its
// own, at the same place when the clause says "in the area", on its own date and with its own toll.

const NUMBERS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
};

const EARLIER =
  /\b(?:came|comes|follows|followed)\s+(?:(?:just|only|barely)\s+)?(?:(a|an|one|two|three|four|five|six|seven|\d{1,2})\s+(days?|weeks?)|days|weeks)\s+after\s+(?:another|an earlier|a previous|a separate)\b/iu;
/** "another raid in the area", "nearby", "in the same area": the earlier event's place is this one's. */
export const SAME_AREA =
  /\b(?:in the (?:same )?area|nearby|in the vicinity|in the same (?:town|village|locality))\b/iu;

export interface EarlierEvent {
  /** Offset in the sentence where the earlier event's clause starts ("another raid ..."). */
  at: number;
  /** How many days before this sentence's event, when the clause says ("two days after"); null for "days after". */
  days: number | null;
}

/** The earlier event a sentence ties its own to, when the clause puts it in the same area; else null. */
export function earlierEvent(sentence: string): EarlierEvent | null {
  const m = EARLIER.exec(sentence);
  if (!m) return null;
  const at = m.index + m[0].search(/\b(?:another|an earlier|a previous|a separate)\b/iu);
  if (!SAME_AREA.test(sentence.slice(at))) return null;
  const count = m[1] ? (NUMBERS[m[1].toLowerCase()] ?? Number(m[1])) : null;
  const unit = m[2] && /^week/iu.test(m[2]) ? 7 : 1;
  return { at, days: count === null || !Number.isFinite(count) ? null : count * unit };
}
