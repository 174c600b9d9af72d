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

export interface GateState {
  /** Some source is loading (data being parsed or tiles in flight). */
  loading: boolean;
  /** The camera is moving (drag, zoom, an animation): its frames are the movement. */
  moving: boolean;
  /** performance.now() of the first repaint held since the last frame; null when none is held. */
  heldSince: number | null;
  now: number;
  maxHoldMs: number;
}

/** Whether a repaint asked for now should wait. Pure. */
export function holdRepaint(s: GateState): boolean {
  if (!s.loading || s.moving) return false;
  return s.heldSince === null || s.now - s.heldSince < s.maxHoldMs;
}

export interface FrameGate {
  /** Draws a held repaint now if nothing is loading (call it when `pending` turns false). */
  settle(): void;
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
  let timer: ReturnType<typeof setTimeout> | undefined;
  const loading = () =>
    pending() ||
    (anySource() && sourceIds.some((id) => map.getSource(id) !== undefined && !map.isSourceLoaded(id)));
  const release = () => {
    clearTimeout(timer);
    timer = undefined;
    if (heldSince === null) return;
    heldSince = null;
    repaint();
  };
  map.triggerRepaint = () => {
    const now = performance.now();
    if (!holdRepaint({ loading: loading(), moving: map.isMoving(), heldSince, now, maxHoldMs })) {
      // a held repaint goes in this frame
      clearTimeout(timer);
      timer = undefined;
      heldSince = null;
      repaint();
      return;
    }
    if (heldSince === null) {
      heldSince = now;
      timer = setTimeout(release, maxHoldMs);
    }
  };
  // a source's data or tile arrived (these events do not wait for a frame): draw once nothing is loading
  const onData = () => {
    if (heldSince !== null && !loading()) release();
  };
  map.on('sourcedata', onData);
  map.on('error', onData);
  return {
    settle: onData,
    remove: () => {
      map.off('sourcedata', onData);
      map.off('error', onData);
      delete (map as { triggerRepaint?: unknown }).triggerRepaint;
      release();
    },
  };
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
