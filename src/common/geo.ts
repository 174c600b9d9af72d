import { destination } from '@turf/turf';

// Distance and rounding: the one copy used by the pipeline, the evaluation, the scripts and the app.

/** Mean Earth radius used by the geoparsing literature (Gritta et al.; geopy's great_circle). */
export const EARTH_RADIUS_KM = 6371.009;

/** Kilometres per degree of latitude (and of longitude at the equator). */
export const KM_PER_DEGREE = (EARTH_RADIUS_KM * Math.PI) / 180;

/** Great-circle distance in km between two [lon, lat] points (haversine). */
export function haversineKm(a: readonly [number, number], b: readonly [number, number]): number {
  const toRad = Math.PI / 180;
  const dLat = (b[1] - a[1]) * toRad;
  const dLon = (b[0] - a[0]) * toRad;
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * toRad) * Math.cos(b[1] * toRad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Round to `digits` decimals (6 = about 11 cm); `+ 0` turns -0 into 0 so bytes never depend on a zero's sign. */
export function round(x: number, digits = 6): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f + 0;
}

/** Round to 6 decimals: deterministic coordinates. */
export function round6(x: number): number {
  return round(x, 6);
}

/** The point `km` away from `from` [lon, lat] on compass bearing `bearing` (degrees): turf's destination. */
export function offsetPoint(
  from: readonly [number, number],
  offset: { km: number; bearing: number },
): [number, number] {
  return destination([from[0], from[1]], offset.km, offset.bearing, { units: 'kilometers' }).geometry
    .coordinates as [number, number];
}
