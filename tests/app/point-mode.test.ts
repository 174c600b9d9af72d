// How points go to the map by data size, and the pan window of very large sets.
import { describe, expect, it } from 'vitest';
import {
  CLUSTER_MIN_POINTS,
  WINDOW_MIN_POINTS,
  nextWindow,
  pointMode,
} from '../../src/app/map/point-mode.ts';

describe('point mode', () => {
  it('draws every point below the cluster threshold, clusters above it, windows the largest sets', () => {
    expect(pointMode(CLUSTER_MIN_POINTS - 1)).toEqual({
      clustering: false,
      windowed: false,
      clusterMaxZoom: 6,
    });
    expect(pointMode(CLUSTER_MIN_POINTS)).toEqual({ clustering: true, windowed: false, clusterMaxZoom: 6 });
    expect(pointMode(WINDOW_MIN_POINTS + 1)).toEqual({ clustering: true, windowed: true, clusterMaxZoom: 8 });
  });
});

describe('pan window', () => {
  it('pads the view by its own size, and keeps the window while the view stays inside', () => {
    const w = nextWindow([0, 10, 2, 11], null);
    expect(w).toEqual([-2, 9, 4, 12]);
    expect(nextWindow([1, 10, 3, 11.5], w)).toBeNull();
    expect(nextWindow([3, 10, 5, 11], w)).toEqual([1, 9, 7, 12]);
  });
});
