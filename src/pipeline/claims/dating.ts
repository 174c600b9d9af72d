// Dates glue: which date each claim gets (its sentence's, the previous one's for "days later", else publication).

import { onOrBefore, sentenceDate, yearsIn, type DateSpan, type DateWords } from '../dates.ts';
import type { Modality, Sentence } from '../types.ts';

/** The dates of one document's sentences, read in order: relative dates lean on the last absolute one. */
export class DocumentDates {
  /** The document's reference year for "historical": publication year, else the latest year it names. */
  readonly refYear: number | null;
  private last: DateSpan | null = null;

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
    if (
      date &&
      !date.text.endsWith('the previous date') &&
      !/past weeks|last week|last year|yesterday/.test(date.text)
    )
      this.last = date;
    return date;
  }

  /** A claim's span: its sentence's date, else "on or before publication" for a report in a dated article. */
  span(date: DateSpan | null, modality: Modality): DateSpan | null {
    return date ?? (this.published && modality === 'reported' ? onOrBefore(this.published) : null);
  }
}
