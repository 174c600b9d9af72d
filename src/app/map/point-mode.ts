// How the points go to the map for a given data size: all at once, with filtered clusters at low zoom, or (very
// large sets) only a window around the view that is refilled on pan. Pure, so the thresholds are testable.

/** Below this many points every incident is drawn; above it, low zooms show filtered clusters. */
export const CLUSTER_MIN_POINTS = 2000;
/** Above this many points the point source holds only a window around the view, refilled on pan. */
export const WINDOW_MIN_POINTS = 250_000;
export const WINDOW_MAX_FEATURES = 150_000;

export interface PointMode {
  clustering: boolean;
  windowed: boolean;
  /** Clusters below this zoom, points from it on. */
  clusterMaxZoom: number;
}

export function pointMode(pointCount: number): PointMode {
  const windowed = pointCount > WINDOW_MIN_POINTS;
  return { clustering: pointCount >= CLUSTER_MIN_POINTS, windowed, clusterMaxZoom: windowed ? 8 : 6 };
}

import type { Box } from '../lib/points-text.ts';

export type { Box };

/**
 * The next window for a view: null while the view stays inside the current window, else the view padded by its
 * own size on every side.
 */
export function nextWindow(view: Box, current: Box | null): Box | null {
  const [w, s, e, n] = view;
  if (current && w >= current[0] && s >= current[1] && e <= current[2] && n <= current[3]) return null;
  const dx = e - w;
  const dy = n - s;
  return [w - dx, s - dy, e + dx, n + dy];
}
