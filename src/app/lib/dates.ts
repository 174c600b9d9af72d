// Calendar days as integers (days since 1970-01-01, UTC) so filters compare numbers, not strings.

/** Marks an undated incident in typed arrays. */
export const NO_DAY = -2147483648;

const MS_PER_DAY = 86_400_000;

/**
 * Day number of an ISO date ("2025", "2025-09" or "2025-09-14"). A coarse date is a span: with `end`, the last day of
 * the year or month is returned, otherwise the first. Returns NO_DAY for null or unparsable input.
 */
export function toDay(iso: string | null | undefined, end = false): number {
  if (!iso) return NO_DAY;
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(iso);
  if (!m) return NO_DAY;
  const y = Number(m[1]);
  if (m[3] !== undefined) return Date.UTC(y, Number(m[2]) - 1, Number(m[3])) / MS_PER_DAY;
  if (m[2] !== undefined) {
    const month = Number(m[2]) - 1;
    return end ? Date.UTC(y, month + 1, 0) / MS_PER_DAY : Date.UTC(y, month, 1) / MS_PER_DAY;
  }
  return end ? Date.UTC(y, 11, 31) / MS_PER_DAY : Date.UTC(y, 0, 1) / MS_PER_DAY;
}

/** ISO date (YYYY-MM-DD) of a day number. */
export function fromDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Span of an incident in days: [start, end], both NO_DAY when undated. A missing end means the start's own span. */
export function incidentSpan(dateStart: string | null, dateEnd: string | null): [number, number] {
  const start = toDay(dateStart, false);
  if (start === NO_DAY) return [NO_DAY, NO_DAY];
  const end = toDay(dateEnd ?? dateStart, true);
  return [start, end === NO_DAY ? toDay(dateStart, true) : Math.max(start, end)];
}
