// What the map's components share (svelte-maplibre-gl's habit): the map instance in `$state.raw`, whether its style
// is in, the integer zoom, how points are drawn for this data size, and who answers a click. MapView sets it,
// the layers read it through getMapContext().

import type * as maplibregl from 'maplibre-gl';
import { getContext, setContext } from 'svelte';
import type { RegionCollection } from '../../pipeline/contract.ts';

type RegionFeature = RegionCollection['features'][number];
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
  /** The region polygons the regions source holds (sent early, while the incidents load; see sendRegionsFile). */
  regionsSent: readonly RegionFeature[] | null = null;

  /**
   * Puts the regions file in the regions source by its URL: MapLibre's worker fetches and parses it, so the
   * polygons (2 MB at 20k articles) are not serialized on the main thread. `features`: what the app parsed from
   * the same file (feature id = index, the style's generateId, as with sendRegions).
   */
  sendRegionsFile(url: string, features: readonly RegionFeature[]): void {
    const m = this.map;
    if (!m || this.regionsSent) return;
    this.regionsSent = features;
    void (m.getSource('regions') as maplibregl.GeoJSONSource).setData(url);
  }

  /** Puts polygons in the regions source, feature id = index, unless it holds these already. */
  sendRegions(features: readonly RegionFeature[]): void {
    const m = this.map;
    const sent = this.regionsSent;
    if (!m || (sent && sent.length === features.length && sent.every((f, i) => f === features[i]))) return;
    this.regionsSent = features;
    (m.getSource('regions') as maplibregl.GeoJSONSource).setData({
      type: 'FeatureCollection',
      features: [...features],
    });
  }

  /** Sources being re-tiled after a filter change, and what waits for them (see `afterReload`). */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- not reactive on purpose: only event handlers read it
  private readonly reloading = new Set<string>();
  private waiting: (() => void)[] = [];
  /** Told when the last marked source is re-tiled (MapView: the frame gate draws then). */
  onSettled: (() => void) | null = null;

  /** Some source marked by `markReloading` is still being re-tiled. */
  get reloadingAny(): boolean {
    return this.reloading.size > 0;
  }
  private watching = false;
  private timer: ReturnType<typeof setTimeout> | undefined;

  /**
   * Marks a source as being re-tiled after a filter change (call it right after `setData` or the filter state).
   * On CPU rendering every frame costs the whole map, so what `afterReload` holds lands in the frame that draws the
   * new tiles instead of a frame of its own.
   */
  markReloading(id: string): void {
    const m = this.map;
    if (!m || m.isSourceLoaded(id)) return;
    this.reloading.add(id);
    if (!this.watching) {
      this.watching = true;
      m.on('sourcedata', this.onSourceData);
    }
    clearTimeout(this.timer);
    // never hold an update for long, whatever the sources do
    this.timer = setTimeout(() => this.flush(), 1500);
  }

  /** Runs `fn` once no source is being re-tiled (at once when none is); held calls run in order. */
  afterReload(fn: () => void): void {
    if (!this.reloading.size) fn();
    else this.waiting.push(fn);
  }

  private readonly onSourceData = (e: maplibregl.MapSourceDataEvent): void => {
    // 'metadata' comes before the tiles are reloaded; tile events and 'content' come after
    if (!this.reloading.has(e.sourceId) || e.sourceDataType === 'metadata') return;
    if (!this.map?.isSourceLoaded(e.sourceId)) return;
    this.reloading.delete(e.sourceId);
    if (!this.reloading.size) this.flush();
  };

  private flush(): void {
    clearTimeout(this.timer);
    this.reloading.clear();
    const fns = this.waiting;
    this.waiting = [];
    for (const f of fns) f();
    this.onSettled?.();
  }

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
