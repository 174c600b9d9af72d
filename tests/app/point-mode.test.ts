// How points go to the map by data size, and the pan window of very large sets.
import { describe, expect, it } from 'vitest';
import {
  CLUSTER_MIN_POINTS,
  WINDOW_MIN_POINTS,
  nextWindow,
  pointMode,
} from '../../src/app/map/point-mode.ts';
import { incidentAndClusterLayers, setPointZoomRanges } from '../../src/app/map/style/incidents.ts';

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

describe('layer zoom ranges per mode', () => {
  /** A stand-in for the map: the style's layers with their zoom ranges (incidentAndClusterLayers(0)). */
  function fakeMap() {
    const layers = new Map<string, { minzoom?: number; maxzoom?: number }>(
      incidentAndClusterLayers(0).map((l) => [l.id, { minzoom: l.minzoom, maxzoom: l.maxzoom }]),
    );
    const calls: string[] = [];
    return {
      calls,
      layers,
      getLayer: (id: string) => layers.get(id),
      setLayerZoomRange(id: string, minzoom: number, maxzoom: number) {
        calls.push(id);
        layers.set(id, { minzoom, maxzoom });
      },
    };
  }

  it('clusters below clusterMaxZoom and points from it, set once: a second call changes nothing', () => {
    const m = fakeMap();
    expect(setPointZoomRanges(m, true, 8)).toBe(true);
    expect(m.layers.get('cluster-labels')).toEqual({ minzoom: 0, maxzoom: 8 });
    expect(m.layers.get('incident-points')).toEqual({ minzoom: 8, maxzoom: 24 });
    expect(m.layers.get('stack-labels')).toEqual({ minzoom: 8, maxzoom: 24 });
    const n = m.calls.length;
    expect(setPointZoomRanges(m, true, 8)).toBe(false);
    expect(m.calls.length).toBe(n);
  });

  it('without clustering leaves the style as it is, and puts a wrong guess back', () => {
    const m = fakeMap();
    expect(setPointZoomRanges(m, false, 6)).toBe(false);
    expect(m.calls).toEqual([]);
    setPointZoomRanges(m, true, 8);
    expect(setPointZoomRanges(m, false, 6)).toBe(true);
    expect(m.layers.get('incident-points')).toEqual({ minzoom: 0, maxzoom: 24 });
    expect(m.layers.get('cluster-points')?.maxzoom).toBe(0);
  });
});
