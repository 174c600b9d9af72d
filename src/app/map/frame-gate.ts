// Fewer frames while tiles come back from the worker. MapLibre repaints as each tile arrives; on CPU rendering
// (SwiftShader, no GPU) every frame costs the whole map, 200-500 ms, and blocks the main thread while the canvas is
// read back, so a filter change that re-tiles one source drew 2-4 frames of partial results, and a first load
// 16-18. The gate holds a repaint while a source is loading and the camera is still, and lets it through once
// every source is loaded, or at the latest `maxHoldMs` after the first held one (so a slow source never freezes
// the view). Camera moves are never held. Tile loading itself does not need frames: MapLibre requests and
// reloads tiles from its data events, so holding a frame delays only the drawing.

import type * as maplibregl from 'maplibre-gl';

/** How long a repaint may wait for loading sources: about two frames of the map on a loaded CPU. */
export const MAX_HOLD_MS = 800;
/**
 * How long the first drawing of the data may wait for every source (`FrameGate.holdAll`): the regions, clusters
 * and label tiles come back from MapLibre's one worker one after another over 1-5 s on a loaded 2-core machine.
 */
export const FIRST_DRAW_MAX_MS = 4000;

export interface GateState {
  /** Some source is loading (data being parsed or tiles in flight). */
  loading: boolean;
  /** The camera is moving (drag, zoom, an animation): its frames are the movement. */
  moving: boolean;
  /** performance.now() of the first repaint held since the last frame; null when none is held. */
  heldSince: number | null;
  now: number;
  maxHoldMs: number;
  /** While set (`holdAll`): repaints wait until then, however long ago the first was held. */
  holdAllUntil?: number | null;
}

/** Whether a repaint asked for now should wait. Pure. */
export function holdRepaint(s: GateState): boolean {
  if (!s.loading || s.moving) return false;
  if (s.holdAllUntil != null) return s.now < s.holdAllUntil;
  return s.heldSince === null || s.now - s.heldSince < s.maxHoldMs;
}

export interface FrameGate {
  /** Draws a held repaint now if nothing is loading (call it when `pending` turns false). */
  settle(): void;
  /**
   * From now until every source is loaded (at most `ms`), holds every repaint while any source loads, whatever
   * `anySource` says: the data's first drawing goes in one frame (regions, clusters, labels and shading together)
   * instead of one per source as each comes back, and the frames a held repaint would have drawn while the main
   * thread was busy (its hold having expired meanwhile) wait too.
   */
  holdAll(ms?: number): void;
  remove(): void;
}

/**
 * Installs the gate on `map` (its own `triggerRepaint`, which MapLibre calls for every repaint it wants) for the
 * sources `sourceIds`. `pending`: the app knows of an update in flight that MapLibre does not report as loading
 * (a GeoJSON source reads as loaded between its `setData`'s metadata and content events, and a frame asked for
 * then would draw the old data). `anySource`: whether any loading source holds a repaint, or only `pending`.
 */
export function gateFrames(
  map: maplibregl.Map,
  sourceIds: readonly string[],
  pending: () => boolean = () => false,
  anySource: () => boolean = () => true,
  maxHoldMs = MAX_HOLD_MS,
): FrameGate {
  const repaint = map.triggerRepaint.bind(map);
  let heldSince: number | null = null;
  let holdAllUntil: number | null = null;
  let holdAllTimer: ReturnType<typeof setTimeout> | undefined;
  /** holdAll's task is still running: the data it announces are not handed over yet, so nothing reads as loading. */
  let handingOver = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const loading = () =>
    handingOver ||
    pending() ||
    ((holdAllUntil !== null || anySource()) &&
      sourceIds.some((id) => map.getSource(id) !== undefined && !map.isSourceLoaded(id)));
  // a layer changed (filter, zoom range) holds its source's tiles until the next frame sends it to the worker:
  // while everything is held, such a source would wait for the deadline, so it gets its frame
  const needsFrame = () =>
    !handingOver && holdAllUntil !== null && sourceIds.some((id) => sourcePaused(map, id));
  const endHoldAll = () => {
    clearTimeout(holdAllTimer);
    holdAllUntil = null;
  };
  const release = () => {
    clearTimeout(timer);
    timer = undefined;
    if (heldSince === null) return;
    heldSince = null;
    repaint();
  };
  map.triggerRepaint = () => {
    const now = performance.now();
    const isLoading = loading();
    // holdAll ends with the first repaint asked for with nothing loading
    if (holdAllUntil !== null && !isLoading) endHoldAll();
    const s = { loading: isLoading, moving: map.isMoving(), heldSince, now, maxHoldMs, holdAllUntil };
    if (!holdRepaint(s) || needsFrame()) {
      // a held repaint goes in this frame
      heldSince = now; // (release draws)
      release();
      return;
    }
    if (heldSince === null) {
      heldSince = now;
      if (holdAllUntil === null) timer = setTimeout(release, maxHoldMs);
    }
  };
  // a source's data or tile arrived (these events do not wait for a frame): draw once nothing is loading
  const onData = () => {
    if (heldSince === null) return;
    if (!loading()) {
      endHoldAll();
      release();
    } else if (needsFrame()) release();
  };
  // a source whose data came in after the last frame has asked for no tiles yet (MapLibre asks in a frame, which
  // the gate may hold, or the main thread be too busy to draw) and reads as loading until it has: ask now
  const onSourceData = (e: maplibregl.MapSourceDataEvent) => {
    if (e.sourceDataType === 'content') requestTiles(map);
    onData();
  };
  map.on('sourcedata', onSourceData);
  map.on('error', onData);
  return {
    settle: onData,
    holdAll: (ms = FIRST_DRAW_MAX_MS) => {
      clearTimeout(timer);
      timer = undefined;
      endHoldAll();
      holdAllUntil = performance.now() + ms;
      holdAllTimer = setTimeout(() => {
        endHoldAll();
        release();
      }, ms);
      if (heldSince !== null) heldSince = performance.now();
      // a frame asked for before (MapLibre's pending animation frame, due as soon as the main thread is free)
      // would draw the map half handed over: cancel it and hold it with the rest
      const pendingFrame = map as unknown as { _frameRequest?: AbortController | null };
      if (pendingFrame._frameRequest) {
        pendingFrame._frameRequest.abort();
        pendingFrame._frameRequest = null;
        heldSince ??= performance.now();
      }
      handingOver = true;
      setTimeout(() => {
        handingOver = false;
        requestTiles(map);
        onData();
      }, 0);
    },
    remove: () => {
      map.off('sourcedata', onSourceData);
      map.off('error', onData);
      delete (map as { triggerRepaint?: unknown }).triggerRepaint;
      endHoldAll();
      release();
    },
  };
}

/** Whether MapLibre holds the source's tiles until its next frame (internal; false when it is not there). */
function sourcePaused(map: maplibregl.Map, id: string): boolean {
  const style = (
    map as unknown as { style?: Record<string, Record<string, { _paused?: boolean }> | undefined> }
  ).style;
  return (style?.tileManagers ?? style?.sourceCaches)?.[id]?._paused === true;
}

/**
 * Has every source ask for the tiles the view needs, as the next frame would, without drawing it (MapLibre's
 * internal `style._updateSources`; nothing when it is not there: the frame then asks, at the latest when the
 * hold ends).
 */
function requestTiles(map: maplibregl.Map): void {
  const m = map as unknown as {
    style?: { _updateSources?(transform: unknown): void };
    _camera?: { transform?: unknown };
  };
  const transform = m._camera?.transform;
  if (typeof m.style?._updateSources === 'function' && transform) m.style._updateSources(transform);
}

/** The parts of MapLibre's style that `skipStalePlacementFrame` reads (internal; checked before use). */
export interface PlacementStyle {
  _updatePlacement(
    transform: unknown,
    showCollisionBoxes: boolean,
    fadeDuration: number,
    ...rest: unknown[]
  ): boolean;
  placement?: { stale: boolean };
  pauseablePlacement?: { isDone(): boolean };
}

/**
 * No second frame for symbol placement after new symbol tiles (cluster counts, badge counts, basemap labels).
 * With `fadeDuration: 0` MapLibre places every symbol in full in the frame that draws new symbol buckets, yet marks
 * that placement stale because the buckets changed, and draws the whole map once more to place them again, with
 * the same result (on CPU rendering a frame of 200-500 ms). This clears the flag once a full placement is done with
 * no fade, so that frame ends the render loop (or goes idle). A style without those internals is left as it is.
 * Returns whether it was installed.
 */
export function skipStalePlacementFrame(style: unknown): boolean {
  const s = style as Partial<PlacementStyle> | null;
  if (!s || typeof s._updatePlacement !== 'function') return false;
  const update = s._updatePlacement.bind(s);
  s._updatePlacement = (transform, showCollisionBoxes, fadeDuration, ...rest) => {
    const dirty = update(transform, showCollisionBoxes, fadeDuration, ...rest);
    if (!dirty || fadeDuration !== 0 || !s.pauseablePlacement?.isDone() || !s.placement?.stale) return dirty;
    s.placement.stale = false;
    return false;
  };
  return true;
}
