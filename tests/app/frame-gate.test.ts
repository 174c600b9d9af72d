// When the map's frame gate holds a repaint (src/app/map/frame-gate.ts): while sources load and the camera is
// still, for at most maxHoldMs from the first held repaint.
import { describe, expect, it } from 'vitest';
import { MAX_HOLD_MS, holdRepaint, type GateState } from '../../src/app/map/frame-gate.ts';

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
});
