// The time slider's arithmetic, on day numbers (lib/dates.ts): presets, key steps, play frames that skip empty
// stretches, and the density strip. Pure, so the unit tests pin it down.

import { NO_DAY, fromDay, toDay } from './dates.ts';

export type Range = [number, number];

export interface Preset {
  label: string;
  from: number;
  to: number;
}

/** The last 7, 30 and 90 days of the data, then each calendar year that holds data (newest first). */
export function presets(range: Range, years: readonly number[]): Preset[] {
  const [lo, hi] = range;
  const last = [7, 30, 90].map((n) => ({
    label: `Last ${n} days of the data`,
    from: Math.max(lo, hi - n + 1),
    to: hi,
  }));
  const cal = [...years]
    .sort((a, b) => b - a)
    .map((y) => ({
      label: String(y),
      from: Math.max(lo, toDay(String(y))),
      to: Math.min(hi, toDay(String(y), true)),
    }));
  return [...last, ...cal];
}

/** The same day one calendar month later (or earlier), clamped to the month's length. */
export function addMonths(day: number, months: number): number {
  const d = new Date(day * 86_400_000);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + months;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return Date.UTC(y, m, Math.min(d.getUTCDate(), last)) / 86_400_000;
}

/** Where a slider key moves a day: arrows a day, PageUp/PageDown a month, Home/End the ends; null for other keys. */
export function keyStep(day: number, key: string, range: Range): number | null {
  const clamp = (x: number) => Math.max(range[0], Math.min(range[1], x));
  switch (key) {
    case 'ArrowRight':
    case 'ArrowUp':
      return clamp(day + 1);
    case 'ArrowLeft':
    case 'ArrowDown':
      return clamp(day - 1);
    case 'PageUp':
      return clamp(addMonths(day, 1));
    case 'PageDown':
      return clamp(addMonths(day, -1));
    case 'Home':
      return range[0];
    case 'End':
      return range[1];
    default:
      return null;
  }
}

/** Start of the week (Monday) or month holding a day. */
function periodStart(day: number, unit: 'week' | 'month'): number {
  if (unit === 'week') return day - ((((day + 3) % 7) + 7) % 7); // 1970-01-01 was a Thursday
  const d = fromDay(day);
  return toDay(d.slice(0, 7));
}

function periodEnd(start: number, unit: 'week' | 'month'): number {
  return unit === 'week' ? start + 6 : addMonths(start, 1) - 1;
}

/** Play frames: each week or month that some incident's span overlaps, in order; empty stretches are skipped. */
export function playFrames(
  starts: ArrayLike<number>,
  ends: ArrayLike<number>,
  unit: 'week' | 'month',
): Range[] {
  const periods = new Set<number>();
  for (let i = 0; i < starts.length; i++) {
    const s = starts[i]!;
    if (s === NO_DAY) continue;
    // A long span (a whole year) marks only its first and last period, so a year-precision claim does not
    // make every week of its year a frame.
    periods.add(periodStart(s, unit));
    periods.add(periodStart(ends[i]!, unit));
  }
  return [...periods].sort((a, b) => a - b).map((p) => [p, periodEnd(p, unit)]);
}

/** Incidents per bin over the range, a span counted in every bin it overlaps. */
export function density(
  starts: ArrayLike<number>,
  ends: ArrayLike<number>,
  range: Range,
  bins: number,
): number[] {
  const out = new Array<number>(bins).fill(0);
  const width = (range[1] - range[0] + 1) / bins;
  for (let i = 0; i < starts.length; i++) {
    const s = starts[i]!;
    if (s === NO_DAY) continue;
    const a = Math.max(0, Math.floor((s - range[0]) / width));
    const b = Math.min(bins - 1, Math.floor((ends[i]! - range[0]) / width));
    for (let k = a; k <= b; k++) out[k]!++;
  }
  return out;
}

/** A typed date (YYYY-MM-DD) as a day, or null when it is not a real date. */
export function parseTyped(s: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return null;
  const d = toDay(s);
  return d !== NO_DAY && fromDay(d) === s ? d : null;
}

/** Calendar years in which some dated incident starts. */
export function yearsWithData(starts: ArrayLike<number>): number[] {
  // distinct days first: a large corpus has 100k+ incidents on a few thousand days
  const days = new Set<number>();
  for (let i = 0; i < starts.length; i++) if (starts[i] !== NO_DAY) days.add(starts[i]!);
  const ys = new Set<number>();
  for (const d of days) ys.add(Number(fromDay(d).slice(0, 4)));
  return [...ys].sort((a, b) => a - b);
}
