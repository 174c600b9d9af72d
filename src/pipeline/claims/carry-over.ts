// Discourse carry-over: an event sentence with no place takes the place of the one or two sentences before it.

import type { Sentence } from '../types.ts';
import type { Place } from './place.ts';

const ELSEWHERE =
  /\b(?:also|elsewhere|another|separately|meanwhile)\b|\bin the (?:north|south|east|west|centre|center|north-?east|north-?west|south-?east|south-?west)(?:ern part)? of the country\b/i;

/** The last sentence that named places, within one document read in order. */
export class CarryOver {
  private last: { sentence: number; end: number; places: Place[] } | null = null;

  /** `text` is the cleaned text: a paragraph break stops the carry-over. */
  constructor(private readonly text: string) {}

  /** A sentence named its places: the next two sentences of its paragraph may take them. */
  named(s: Sentence, places: Place[]): void {
    this.last = { sentence: s.index, end: s.end, places };
  }

  /** A sentence's event was a history or a forecast ("since the 2016 Grand-Bassam attack"): the next sentence's
   * event is not there. */
  forget(s: Sentence): void {
    if (this.last?.sentence === s.index) this.last = null;
  }

  /**
   * The places an event sentence with none of its own takes, or null ("... siege of Bamako. The fuel blockade
   * forced school closures ..."). Never finer than "near" since the place was not named.
   */
  carried(s: Sentence): Place[] | null {
    const last = this.last;
    if (!last || s.index - last.sentence > 2 || this.text.slice(last.end, s.start).includes('\n'))
      return null;
    // "Also on Friday, armed men attacked a UN convoy", "was also attacked ... in the north of the country": another
    // event, elsewhere.
    if (ELSEWHERE.test(s.text)) return null;
    // The chain stays anchored on the sentence that named the place: at most two sentences carry it.
    this.last = { sentence: last.sentence, end: s.end, places: last.places };
    return last.places.map((p) => ({
      entry: p.entry,
      precision: Math.max(p.precision, 2) as Place['precision'],
    }));
  }
}
