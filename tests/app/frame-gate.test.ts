// When the map's frame gate holds a repaint (src/app/map/frame-gate.ts): while sources load and the camera is
// still, for at most maxHoldMs from the first held repaint.
import { describe, expect, it } from 'vitest';
import {
  MAX_HOLD_MS,
  holdRepaint,
  skipStalePlacementFrame,
  type GateState,
} from '../../src/app/map/frame-gate.ts';

const base: GateState = { loading: true, moving: false, heldSince: null, now: 1000, maxHoldMs: MAX_HOLD_MS };

describe('frame gate', () => {
  it('holds a repaint while a source loads and the camera is still', () => {
    expect(holdRepaint(base)).toBe(true);
    expect(holdRepaint({ ...base, heldSince: 900 })).toBe(true);
  });

  it('never holds with nothing loading, or while the camera moves', () => {
    expect(holdRepaint({ ...base, loading: false })).toBe(false);
    expect(holdRepaint({ ...base, moving: true })).toBe(false);
    expect(holdRepaint({ ...base, loading: false, heldSince: 900 })).toBe(false);
  });

  it('lets a held repaint through once it has waited maxHoldMs, loading or not', () => {
    expect(holdRepaint({ ...base, heldSince: 1000 - MAX_HOLD_MS + 1 })).toBe(true);
    expect(holdRepaint({ ...base, heldSince: 1000 - MAX_HOLD_MS })).toBe(false);
  });

  it('while everything is held (the first drawing of the data), waits past maxHoldMs until the deadline', () => {
    const all = { ...base, heldSince: 1000 - 3 * MAX_HOLD_MS, holdAllUntil: 1000 + 1 };
    expect(holdRepaint(all)).toBe(true);
    expect(holdRepaint({ ...all, holdAllUntil: 1000 })).toBe(false);
    expect(holdRepaint({ ...all, loading: false })).toBe(false);
    expect(holdRepaint({ ...all, moving: true })).toBe(false);
  });
});

/** A stand-in for MapLibre's style: `_updatePlacement` answers whether another frame is needed. */
function fakeStyle(dirty: boolean, stale: boolean, done: boolean) {
  const style = {
    calls: 0,
    placement: { stale: false },
    pauseablePlacement: { isDone: () => done },
    _updatePlacement(_t: unknown, _boxes: boolean, _fade: number): boolean {
      style.calls++;
      style.placement.stale = stale;
      return dirty;
    },
  };
  return style;
}

describe('skipStalePlacementFrame', () => {
  it('ends the render loop after a full placement with no fade that is stale only', () => {
    const s = fakeStyle(true, true, true);
    expect(skipStalePlacementFrame(s)).toBe(true);
    expect(s._updatePlacement({}, false, 0)).toBe(false);
    expect(s.placement.stale).toBe(false);
    expect(s.calls).toBe(1);
  });

  it('keeps the next frame while placement is unfinished, fading, or dirty for another reason', () => {
    const fading = fakeStyle(true, true, true);
    skipStalePlacementFrame(fading);
    expect(fading._updatePlacement({}, false, 300)).toBe(true);
    const unfinished = fakeStyle(true, true, false);
    skipStalePlacementFrame(unfinished);
    expect(unfinished._updatePlacement({}, false, 0)).toBe(true);
    const notStale = fakeStyle(true, false, true);
    skipStalePlacementFrame(notStale);
    expect(notStale._updatePlacement({}, false, 0)).toBe(true);
    const clean = fakeStyle(false, false, true);
    skipStalePlacementFrame(clean);
    expect(clean._updatePlacement({}, false, 0)).toBe(false);
  });

  it('leaves a style without those internals alone', () => {
    expect(skipStalePlacementFrame(null)).toBe(false);
    expect(skipStalePlacementFrame({})).toBe(false);
  });
});
