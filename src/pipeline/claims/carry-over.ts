// Discourse carry-over: an event sentence with no place takes the place of the one or two sentences before it.

import type { DateSpan } from '../dates.ts';
import type { Sentence } from '../types.ts';
import type { Place } from './place.ts';

const ELSEWHERE =
  /\b(?:also|elsewhere|another|separately|meanwhile)\b|\bin the (?:north|south|east|west|centre|center|north-?east|north-?west|south-?east|south-?west)(?:ern part)? of the country\b/i;

/** "leaving no one at the security post when armed men returned": words that point back at the place just told,
 * so the carry-over may cross one paragraph break (wire copy makes every sentence a paragraph). */
const BACK_THERE =
  /\b(?:returned|came back|the same (?:village|town|area|place|locality|camp|post)|(?:at|in|on|near|into) the (?:security |military |police |army |gendarmerie )?(?:post|camp|base|village|town|locality|barracks))\b/i;

/** The last sentence that named places, within one document read in order. */
export class CarryOver {
  private last: {
    sentence: number;
    end: number;
    places: Place[];
    span?: DateSpan | null;
    /** Set by scene(): named by a sentence with no event. */
    scene?: boolean;
  } | null = null;
  /** The sentence the last carried() call placed. */
  private carriedTo = -1;

  /** `text` is the cleaned text: a paragraph break stops the carry-over. */
  constructor(private readonly text: string) {}

  /** A sentence named its places: the next two sentences of its paragraph may take them. */
  named(s: Sentence, places: Place[]): void {
    this.last = { sentence: s.index, end: s.end, places };
  }

  /** A sentence with no event named places: they set the scene for the next two sentences of its paragraph, unless
   * an event sentence's places are still in reach (the event, not the background, is what goes on). */
  scene(s: Sentence, places: Place[]): void {
    if (!places.length) return;
    const last = this.last;
    if (
      last &&
      !last.scene &&
      s.index - last.sentence <= 2 &&
      !this.text.slice(last.end, s.start).includes('\n')
    )
      return;
    this.last = { sentence: s.index, end: s.end, places, scene: true };
  }

  /** A sentence's event was a history or a forecast ("since the 2016 Grand-Bassam attack"): the next sentence's
   * event is not there. */
  forget(s: Sentence): void {
    if (this.last?.sentence === s.index) this.last = null;
  }

  /** The claim date of the sentence that named the places (called once its claims are dated). */
  dated(s: Sentence, span: DateSpan | null): void {
    if (this.last?.sentence === s.index) this.last.span = span;
  }

  /** For a sentence carried() placed and that states no date of its own: the date of the sentence it goes on from
   * ("... on Thursday evening, killing 11 gendarmes. It said that gendarmes fought back"), else null. */
  carriedSpan(s: Sentence): DateSpan | null {
    return this.carriedTo === s.index ? (this.last?.span ?? null) : null;
  }

  /**
   * The places an event sentence with none of its own takes, or null ("... siege of Bamako. The fuel blockade
   * forced school closures ..."). Never finer than "near" since the place was not named.
   */
  carried(s: Sentence): Place[] | null {
    const last = this.last;
    if (!last || s.index - last.sentence > 2) return null;
    const between = this.text.slice(last.end, s.start);
    // One paragraph break at most, and only for a sentence that points back at the place.
    if (between.includes('\n') && (!BACK_THERE.test(s.text) || /\n[^\n]*\S[^\n]*\n/.test(between)))
      return null;
    // "Also on Friday, armed men attacked a UN convoy", "was also attacked ... in the north of the country": another
    // event, elsewhere.
    if (ELSEWHERE.test(s.text)) return null;
    // The chain stays anchored on the sentence that named the place: at most two sentences carry it.
    this.last = {
      sentence: last.sentence,
      end: s.end,
      places: last.places,
      span: last.span ?? null,
      scene: last.scene,
    };
    this.carriedTo = s.index;
    return last.places.map((p) => ({
      entry: p.entry,
      precision: Math.max(p.precision, 2) as Place['precision'],
    }));
  }
}
