// Dates glue: which date each claim gets (its sentence's, the previous one's for "days later", else publication).
// Read lazily: chrono is the claims stage's dearest call, and only event sentences (and the anchors a relative
// date or a claim of responsibility leans on) need a date; the answers are those of reading every sentence in turn.

import { onOrBefore, readSentenceDate, yearsIn, type DateSpan, type DateWords } from '../dates.ts';
import type { SentenceDateReading } from '../dates.ts';
import type { Modality, Sentence } from '../types.ts';

/** "claimed responsibility for the attack", "... for these attacks": the attack told before. */
const REFERS_BACK = /\bresponsibility\s+for\s+(?:the|this|that|these|those|both|its)\b/i;

/** Does a sentence's date anchor the relative dates after it (an absolute date, or a report's day)? */
const anchors = (d: DateSpan | null): d is DateSpan =>
  d !== null &&
  !d.text.endsWith('the previous date') &&
  !/past weeks|last week|last year|yesterday/.test(d.text);

/** Not read yet. */
const UNREAD = undefined;

/** The dates of one document's sentences, read in order: relative dates lean on the last absolute one. */
export class DocumentDates {
  /** The document's reference year for "historical": publication year, else the latest year it names. */
  readonly refYear: number | null;
  /** The sentences given to next(), in order; the current one is the last. */
  private readonly seen: Sentence[] = [];
  private readonly readings: (SentenceDateReading | undefined)[] = [];
  /** Each seen sentence's date (UNREAD until asked for). */
  private readonly dates: (DateSpan | null | undefined)[] = [];
  /** The anchor after each seen sentence (`last` once it is read: its date if it anchors, else the one before). */
  private readonly after: (DateSpan | null | undefined)[] = [];

  constructor(
    private readonly published: string | null,
    sentences: readonly Sentence[],
    private readonly words: DateWords,
  ) {
    const years = sentences.flatMap((s) => yearsIn(s.text));
    this.refYear = published ? Number(published.slice(0, 4)) : years.length ? Math.max(...years) : null;
  }

  /** The next sentence in order becomes the current one; its date is read when asked for (date()). */
  next(s: Sentence): void {
    this.seen.push(s);
  }

  private reading(i: number): SentenceDateReading {
    let r = this.readings[i];
    if (!r) {
      r = readSentenceDate((this.seen[i] as Sentence).text, this.published, this.words);
      this.readings[i] = r;
    }
    return r;
  }

  /** The anchor after sentence i (null before the first): walks back to the nearest sentence whose date is known
   * to anchor (or whose anchor is known), then reads forward, so each sentence is read at most once. */
  private anchorAfter(i: number): DateSpan | null {
    const chain: number[] = [];
    let base: DateSpan | null = null;
    for (let j = i; j >= 0; j--) {
      const known = this.after[j];
      if (known !== UNREAD) {
        base = known;
        break;
      }
      const r = this.reading(j);
      if (!r.usesPrevious) {
        const d = (this.dates[j] ??= r.resolve(null));
        if (anchors(d)) {
          this.after[j] = d;
          base = d;
          break;
        }
      }
      chain.push(j);
    }
    let prev = base;
    for (let k = chain.length - 1; k >= 0; k--) {
      const j = chain[k] as number;
      const d = this.dateWith(j, prev);
      if (anchors(d)) prev = d;
      this.after[j] = prev;
    }
    return prev;
  }

  /** Sentence j's date, `previous` being the anchor before it. */
  private dateWith(j: number, previous: DateSpan | null): DateSpan | null {
    const had = this.dates[j];
    if (had !== UNREAD) return had;
    const d = this.reading(j).resolve(previous);
    this.dates[j] = d;
    return d;
  }

  /** The date the current sentence states. */
  date(): DateSpan | null {
    const i = this.seen.length - 1;
    const had = this.dates[i];
    if (had !== UNREAD) return had;
    const r = this.reading(i);
    return this.dateWith(i, r.usesPrevious ? this.anchorBefore(i) : null);
  }

  private anchorBefore(i: number): DateSpan | null {
    return i > 0 ? this.anchorAfter(i - 1) : null;
  }

  /**
   * A claim's span: its sentence's date; for a claim of responsibility that refers back to an attack ("claimed
   * responsibility for the attack") the date of the last dated sentence; else "on or before publication" for a
   * report or a claim in a dated article.
   */
  span(date: DateSpan | null, modality: Modality): DateSpan | null {
    if (date) return date;
    const i = this.seen.length - 1;
    if (modality === 'claimed' && i >= 0 && REFERS_BACK.test((this.seen[i] as Sentence).text)) {
      const before = this.anchorBefore(i);
      if (before) return before;
    }
    return this.published && (modality === 'reported' || modality === 'claimed')
      ? onOrBefore(this.published)
      : null;
  }
}
