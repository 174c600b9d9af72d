// Dates of a claim, with precision and span (part of the claims stage; kept apart because it is the fiddliest).
// chrono-node reads the expressions; relative ones are anchored on the publication date, and when that is
// unknown they are left undated rather than anchored on the day the build runs (the build is deterministic).

import * as chrono from 'chrono-node';
import type { TimePrecision } from './types.ts';

export interface DateSpan {
  start: string;
  end: string;
  precision: TimePrecision;
  /** The words the date came from. */
  text: string;
}

/** geodata/lexicon/calendar.json: month and weekday names, folded, in calendar order. */
export interface CalendarLists {
  months: string[];
  /** Short forms accepted besides the full names ("sept", "jan"). */
  monthAbbreviations: string[];
  weekdays: string[];
}

/** The calendar's words as the date reader matches them, compiled once per context. */
export interface DateWords {
  /** A month name or abbreviation: the date is absolute. */
  months: RegExp;
  /** Could the sentence hold a date at all: a digit, a month's first three letters, a weekday, a relative word. */
  mayHoldDate: RegExp;
  /** "today", "on Monday": a report's day. */
  today: RegExp;
  /** A weekday name alone ("Sunday" of "Sunday's attack"). */
  weekday: RegExp;
}

export function compileDateWords(cal: CalendarLists): DateWords {
  const prefixes = [...new Set(cal.months.map((m) => m.slice(0, 3)))];
  const weekdays = cal.weekdays.join('|');
  return {
    months: new RegExp(`\\b(${[...cal.months, ...cal.monthAbbreviations].join('|')})\\b`, 'i'),
    mayHoldDate: new RegExp(
      `\\d|\\b(${prefixes.join('|')})[a-z]*\\b|\\b(yesterday|today|week|weeks|weekend|year|days|day|${weekdays}|shortly)\\b`,
      'i',
    ),
    today: new RegExp(`\\b(today|on (${weekdays}))\\b`, 'i'),
    weekday: new RegExp(`^(${weekdays})$`, 'i'),
  };
}

// A bare number is a year only where English puts a year: after in/since/the..., in a list or brackets, and not
// before a count noun ("some 2000 people fled").
const YEAR =
  /(?:\b(?:in|since|by|of|from|until|till|between|and|to|the|year|early|late|mid|circa|after|before)\s+|[(,]\s*)(19[5-9]\d|20[0-4]\d)\b(?!\s+(?:people|persons|soldiers|troops|civilians|men|women|children|fighters|militants|members|refugees|families|households|km|kilometres|kilometers|metres|meters|tonnes|tons|head|cattle|dollars|euros|francs|CFA))/gi;

/** Years a sentence names as years. */
export function yearsIn(sentence: string): number[] {
  return [...sentence.matchAll(YEAR)].map((m) => Number(m[1]));
}

/** Years that can date an event: "since 2015" starts a span of background, it dates nothing fresh. */
function eventYearsIn(sentence: string): number[] {
  return [...sentence.matchAll(YEAR)].filter((m) => !/^since\b/i.test(m[0])).map((m) => Number(m[1]));
}

/** "since November 2015", "since 2015": the start of a background span, not an event's date. */
const SINCE_BEFORE = /\bsince\s+(?:(?:early|late|mid|the\s+end\s+of|the\s+start\s+of)\s+)?$/i;

/** "government officials said on Wednesday": the day of the announcement (or a caption), not of the event. */
const SAID_BEFORE =
  /\b(?:said|says|told(?:\s+[\p{Lu}][\p{L}.]*)?|announced|reported|confirmed|stated|added|declared)\s+(?:in\s+a\s+(?:statement|communiqu[eé]|televised\s+address|press\s+release)\s+)?(?:on\s+)?$/iu;

/** "arrived by Monday", "as of Monday afternoon", "every Friday", "a Sunday market": a weekday without "on" that
 * is a deadline, a habit or an attribute, not the day something happened. */
const NOT_A_DAY_BEFORE = /\b(?:by|as\s+of|until|till|before|after|since|every|each|next|coming|a|an)\s+$/i;

function iso(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function utc(y: number, m: number, d: number): Date {
  return new Date(Date.UTC(y, m, d, 12));
}

export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return iso(d);
}

function monthSpan(
  y: number,
  m: number,
  modifier: string | null,
): { start: string; end: string; precision: TimePrecision } {
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  if (modifier === 'early') return { start: iso(utc(y, m, 1)), end: iso(utc(y, m, 10)), precision: 2 };
  if (modifier === 'mid') return { start: iso(utc(y, m, 11)), end: iso(utc(y, m, 20)), precision: 2 };
  if (modifier === 'late' || modifier === 'end')
    return { start: iso(utc(y, m, 21)), end: iso(utc(y, m, last)), precision: 2 };
  return { start: iso(utc(y, m, 1)), end: iso(utc(y, m, last)), precision: 3 };
}

function modifierBefore(sentence: string, index: number): string | null {
  const m = /\b(early|mid|late|end of|beginning of|start of)[\s-]*(?:of\s+)?$/i.exec(
    sentence.slice(Math.max(0, index - 16), index),
  );
  if (!m) return null;
  const w = (m[1] as string).toLowerCase();
  return w.startsWith('early') || w.startsWith('beginning') || w.startsWith('start')
    ? 'early'
    : w.startsWith('mid')
      ? 'mid'
      : 'late';
}

/**
 * The date of one sentence. `published` anchors relative dates; `previous` is the last absolute date seen earlier
 * in the document ("In several days ..." after "On August 15, 2025 ..."); `words` are the calendar's (the context's).
 */
export function sentenceDate(
  sentence: string,
  published: string | null,
  previous: DateSpan | null,
  words: DateWords,
): DateSpan | null {
  return readSentenceDate(sentence, published, words).resolve(previous);
}

/** "in several days", "the same year": the relative words that date a sentence from the previous date. */
const AFTER_PREVIOUS =
  /\b(in several days|within days|days later|the (next|following) day|a few days later|shortly after(wards)?)\b/;
/** "The attack came days after 17 soldiers were killed ...": the event the sentence tells is before the previous date. */
const BEFORE_PREVIOUS =
  /\b(?:came|comes|occurred|happened|followed|was)\s+(?:just\s+|only\s+)?(?:a\s+few\s+|two\s+|three\s+|several\s+)?(?:days|a\s+day)\s+after\b/;
const SAME_YEAR = /\b(that same year|the same year|later that year|earlier that year)\b/;

/** A sentence's date read up to the previous date it may lean on: `usesPrevious` false means `resolve` gives
 * the same answer whatever the previous date is (so a reader of dates can leave the previous one unknown). */
export interface SentenceDateReading {
  usesPrevious: boolean;
  resolve(previous: DateSpan | null): DateSpan | null;
}

const UNDATED: SentenceDateReading = { usesPrevious: false, resolve: () => null };

/** sentenceDate in two steps: chrono and the absolute dates now, the relative words when the previous is known. */
export function readSentenceDate(
  sentence: string,
  published: string | null,
  words: DateWords,
): SentenceDateReading {
  // chrono runs dozens of regular expressions: skip sentences with no digit, month, weekday or relative word.
  if (!words.mayHoldDate.test(sentence)) return UNDATED;
  const ref = published ? new Date(`${published}T12:00:00Z`) : utc(2000, 0, 1);
  const results = chrono.parse(sentence, { instant: ref, timezone: 0 }, { forwardDate: false });
  const spans: DateSpan[] = [];
  for (const r of results) {
    // "a march", "may" in lower case are a noun and a modal, not months.
    if (/^(march|may)$/.test(r.text.trim())) continue;
    // "since 2015", "since November 2015" start a background span; "since November 26" dates a recent run.
    if (!r.start.isCertain('day') && SINCE_BEFORE.test(sentence.slice(Math.max(0, r.index - 24), r.index)))
      continue;
    const absolute = /\d/.test(r.text) || words.months.test(r.text);
    const yearKnown = r.start.isCertain('year') && absolute && /\b(1[89]|20)\d{2}\b/.test(r.text);
    if (!absolute) continue; // relative words are handled below
    if (!yearKnown && !published) continue; // "late October" with no year and no publication date: undated
    const y = r.start.get('year') as number;
    const m = (r.start.get('month') as number) - 1;
    if (r.start.isCertain('day')) {
      const start = iso(utc(y, m, r.start.get('day') as number));
      const end = r.end?.isCertain('day')
        ? iso(
            utc(r.end.get('year') as number, (r.end.get('month') as number) - 1, r.end.get('day') as number),
          )
        : start;
      spans.push({ start, end, precision: start === end ? 1 : 2, text: r.text });
    } else if (r.start.isCertain('month')) {
      // "last December" in a November article is the December before: a month with no year stated is never
      // after publication (chrono may pick the coming one).
      const year =
        !yearKnown && published && `${y}-${String(m + 1).padStart(2, '0')}` > published.slice(0, 7)
          ? y - 1
          : y;
      const s = monthSpan(year, m, modifierBefore(sentence, r.index));
      spans.push({ ...s, text: r.text });
    }
  }
  // Bare years ("in 2012", "(2012, 2020, and 2021)") that chrono leaves alone.
  if (spans.length === 0) {
    const years = eventYearsIn(sentence);
    if (years.length) {
      const lo = Math.min(...years);
      const hi = Math.max(...years);
      spans.push({ start: `${lo}-01-01`, end: `${hi}-12-31`, precision: 3, text: years.join(', ') });
    }
  }
  if (spans.length) {
    const start = spans.map((s) => s.start).sort()[0] as string;
    const end = spans
      .map((s) => s.end)
      .sort()
      .at(-1) as string;
    const precision =
      spans.length === 1
        ? (spans[0] as DateSpan).precision
        : start === end
          ? 1
          : start.slice(0, 7) === end.slice(0, 7)
            ? 2
            : 3;
    const found: DateSpan = { start, end, precision, text: spans.map((s) => s.text).join('; ') };
    return { usesPrevious: false, resolve: () => found };
  }
  // Relative expressions.
  const lower = sentence.toLowerCase();
  const afterPrevious = AFTER_PREVIOUS.test(lower);
  const beforePrevious = !afterPrevious && BEFORE_PREVIOUS.test(lower);
  const sameYear = SAME_YEAR.test(lower);
  return {
    usesPrevious: afterPrevious || beforePrevious || sameYear,
    // A day the sentence names ("took place on Sunday ... and came two days after another raid") is its own.
    resolve: (previous) =>
      relativeDate(sentence, lower, results, published, previous, afterPrevious, sameYear, words) ??
      (previous && beforePrevious
        ? {
            start: addDays(previous.start, -14),
            end: addDays(previous.start, -1),
            precision: 2,
            text: 'days before the previous date',
          }
        : null),
  };
}

/** The relative part of sentenceDate: no absolute date was found in the sentence. */
function relativeDate(
  sentence: string,
  lower: string,
  results: chrono.ParsedResult[],
  published: string | null,
  previous: DateSpan | null,
  afterPrevious: boolean,
  sameYear: boolean,
  words: DateWords,
): DateSpan | null {
  if (previous && afterPrevious) {
    // "returned two days later": after the previous date, not on it (a second event, not a restatement).
    return {
      start: addDays(previous.end, 1),
      end: addDays(previous.end, 14),
      precision: 2,
      text: 'days after the previous date',
    };
  }
  if (previous && sameYear) {
    // The year the previous date starts in: "began in 2012 with ... (2012, 2020, and 2021). That same year, ..."
    const y = previous.start.slice(0, 4);
    return {
      start: `${y}-01-01`,
      end: `${y}-12-31`,
      precision: 3,
      text: 'the same year as the previous date',
    };
  }
  if (!published) return null;
  if (/\blast year\b/.test(lower)) {
    const y = Number(published.slice(0, 4)) - 1;
    return { start: `${y}-01-01`, end: `${y}-12-31`, precision: 3, text: 'last year' };
  }
  if (/\b(past|recent|last|previous) (few )?weeks\b/.test(lower))
    return { start: addDays(published, -30), end: published, precision: 2, text: 'past weeks' };
  if (/\b(?:over|at|during) the weekend\b|\blast weekend\b/.test(lower)) {
    // The last Saturday and Sunday on or before publication.
    const dow = new Date(`${published}T12:00:00Z`).getUTCDay();
    const start = addDays(published, -((dow + 1) % 7));
    const end = addDays(start, 1) > published ? start : addDays(start, 1);
    return { start, end, precision: 2, text: 'the weekend' };
  }
  if (/\blast week\b/.test(lower))
    return { start: addDays(published, -7), end: published, precision: 2, text: 'last week' };
  if (/\b(yesterday)\b/.test(lower)) {
    const d = addDays(published, -1);
    return { start: d, end: d, precision: 1, text: 'yesterday' };
  }
  for (const r of results) {
    // "Sunday's attack" names the day as "on Sunday" does, and so does the wire's bare weekday ("ambushed a
    // convoy Sunday evening", "stormed the barracks early Friday", "the Wednesday evening assault").
    const possessive = /^['’]s\b/.test(sentence.slice(r.index + r.text.length));
    const weekdayFirst = words.weekday.test(r.text.split(/[\s,]/)[0] ?? '');
    const bare =
      weekdayFirst &&
      /^\p{Lu}/u.test(r.text) &&
      !NOT_A_DAY_BEFORE.test(sentence.slice(Math.max(0, r.index - 12), r.index));
    if (words.today.test(r.text) || (possessive && weekdayFirst) || bare) {
      // "... said on Wednesday": the report's day, not the event's ("on or before publication" covers it).
      const before = sentence.slice(Math.max(0, r.index - 30), r.index);
      if (SAID_BEFORE.test(before) || SAID_BEFORE.test(`${before}${r.text.replace(/\s*\p{L}+$/u, '')} `))
        continue;
      // A report's weekday is the last one on or before publication (chrono may pick the coming one).
      let d = iso(r.start.date());
      if (d > published) d = addDays(d, -7);
      return { start: d, end: d, precision: 1, text: r.text };
    }
  }
  return null;
}

/** A claim with no date of its own in an article with a publication date happened on or before that date. */
export function onOrBefore(published: string): DateSpan {
  return { start: addDays(published, -7), end: published, precision: 2, text: 'on or before publication' };
}
