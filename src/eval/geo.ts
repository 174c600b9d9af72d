// Distances and summary statistics for scoring. Pure functions, no I/O.

// Distance lives with the other shared primitives; re-exported so scorers and tests import from one place.
export { EARTH_RADIUS_KM, haversineKm } from '../common/geo.ts';

/** Median of a list of numbers (mean of the two middle values for even lengths); null when empty. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((x, y) => x - y);
  const mid = s.length >> 1;
  if (s.length % 2 === 1) return s[mid] ?? null;
  const lo = s[mid - 1];
  const hi = s[mid];
  return lo === undefined || hi === undefined ? null : (lo + hi) / 2;
}

/** n / d, or null when d is 0 (so an empty split prints "-" instead of NaN). */
export function ratio(n: number, d: number): number | null {
  return d === 0 ? null : n / d;
}

/** Precision, recall and F1 from counts; each null when undefined (0/0). */
export function prf(
  tp: number,
  fp: number,
  fn: number,
): { precision: number | null; recall: number | null; f1: number | null } {
  const precision = ratio(tp, tp + fp);
  const recall = ratio(tp, tp + fn);
  const f1 =
    precision === null || recall === null
      ? null
      : precision + recall === 0
        ? 0
        : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}
