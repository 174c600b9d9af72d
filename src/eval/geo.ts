// Distances and summary statistics for scoring. Pure functions, no I/O.

/** Mean Earth radius used by the geoparsing literature (Gritta et al.; geopy's great_circle). */
export const EARTH_RADIUS_KM = 6371.009;

/** Great-circle distance in km between two [lon, lat] points (haversine, R = 6371.009 km). */
export function haversineKm(a: readonly [number, number], b: readonly [number, number]): number {
  const toRad = Math.PI / 180;
  const lat1 = a[1] * toRad;
  const lat2 = b[1] * toRad;
  const dLat = lat2 - lat1;
  const dLon = (b[0] - a[0]) * toRad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1) * Math.cos(lat2) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

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
