// What the map's components share (svelte-maplibre-gl's habit): the map instance in `$state.raw`, whether its style
// is in, the integer zoom, how points are drawn for this data size, and who answers a click. MapView sets it,
// the layers read it through getMapContext().

import type * as maplibregl from 'maplibre-gl';
import { getContext, setContext } from 'svelte';
import type { PointMode } from './point-mode.ts';

/** A layer that may take a click: asked by rank (lowest first), the first that returns true wins. */
export interface ClickTarget {
  rank: number;
  layers: readonly string[];
  take(features: maplibregl.MapGeoJSONFeature[], map: maplibregl.Map): boolean;
}

export class MapContext {
  map = $state.raw<maplibregl.Map | null>(null);
  styleLoaded = $state(false);
  /** Floor of the zoom: clusters and the point filters change per integer zoom, not per frame. */
  zoom = $state(0);
  /** Set once the data are handed to the map (the layers exist from then on). */
  mode = $state.raw<PointMode | null>(null);
  readonly clickTargets: ClickTarget[] = [];

  /** Adds a click target; the returned function removes it (call it from the layer's cleanup). */
  onClick(target: ClickTarget): () => void {
    this.clickTargets.push(target);
    this.clickTargets.sort((a, b) => a.rank - b.rank);
    return () => {
      const i = this.clickTargets.indexOf(target);
      if (i >= 0) this.clickTargets.splice(i, 1);
    };
  }
}

const KEY = Symbol('map-context');

export function setMapContext(ctx: MapContext): MapContext {
  return setContext(KEY, ctx);
}

export function getMapContext(): MapContext {
  const ctx = getContext<MapContext | undefined>(KEY);
  if (!ctx) throw new Error('map layers must be placed inside MapView');
  return ctx;
}
