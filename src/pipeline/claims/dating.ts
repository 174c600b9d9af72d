// Dates glue: which date each claim gets (its sentence's, the previous one's for "days later", else publication).

import { onOrBefore, sentenceDate, yearsIn, type DateSpan, type DateWords } from '../dates.ts';
import type { Modality, Sentence } from '../types.ts';

/** "claimed responsibility for the attack", "... for these attacks": the attack told before. */
const REFERS_BACK = /\bresponsibility\s+for\s+(?:the|this|that|these|those|both|its)\b/i;

/** The dates of one document's sentences, read in order: relative dates lean on the last absolute one. */
export class DocumentDates {
  /** The document's reference year for "historical": publication year, else the latest year it names. */
  readonly refYear: number | null;
  private last: DateSpan | null = null;
  /** The anchor before the current sentence: a claim of responsibility that refers back takes its date. */
  private before: DateSpan | null = null;
  private current = '';

  constructor(
    private readonly published: string | null,
    sentences: readonly Sentence[],
    private readonly words: DateWords,
  ) {
    const years = sentences.flatMap((s) => yearsIn(s.text));
    this.refYear = published ? Number(published.slice(0, 4)) : years.length ? Math.max(...years) : null;
  }

  /** The date a sentence states; an absolute one becomes the anchor of the relative dates after it. */
  next(s: Sentence): DateSpan | null {
    const date = sentenceDate(s.text, this.published, this.last, this.words);
    this.before = this.last;
    this.current = s.text;
    if (
      date &&
      !date.text.endsWith('the previous date') &&
      !/past weeks|last week|last year|yesterday/.test(date.text)
    )
      this.last = date;
    return date;
  }

  /**
   * A claim's span: its sentence's date; for a claim of responsibility that refers back to an attack ("claimed
   * responsibility for the attack") the date of the last dated sentence; else "on or before publication" for a
   * report or a claim in a dated article.
   */
  span(date: DateSpan | null, modality: Modality): DateSpan | null {
    if (date) return date;
    if (modality === 'claimed' && this.before && REFERS_BACK.test(this.current)) return this.before;
    return this.published && (modality === 'reported' || modality === 'claimed')
      ? onOrBefore(this.published)
      : null;
  }
}
