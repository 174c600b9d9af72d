import { describe, expect, it } from 'vitest';
import {
  matchDoc,
  matchDocOverlap,
  summariseGeoparse,
  type GoldToponym,
  type PredictedToponym,
} from '../../src/eval/gritta.ts';

const P: [number, number] = [0, 0];
const gold = (start: number, surface: string, point: [number, number] | null = P): GoldToponym => ({
  start,
  end: start + surface.length,
  surface,
  point,
});
const pred = (start: number, surface: string, point: [number, number] = P): PredictedToponym => ({
  start,
  end: start + surface.length,
  surface,
  point,
});

describe('matchDoc (Gritta inexact match)', () => {
  it('matches equal lower-cased strings whose midpoints are fewer than 10 characters apart', () => {
    expect(matchDoc([gold(100, 'Gao')], [pred(109, 'gao')]).tp).toBe(1); // 9 apart
    expect(matchDoc([gold(100, 'Gao')], [pred(110, 'Gao')]).tp).toBe(0); // 10 apart: no
    expect(matchDoc([gold(100, 'Gao')], [pred(100, 'Gao ')]).tp).toBe(0); // different string
    // A longer predicted span ("Gao region") is a different string, even if it overlaps.
    const m = matchDoc([gold(100, 'Gao')], [pred(100, 'Gao region')]);
    expect([m.tp, m.fp, m.fn]).toEqual([0, 1, 1]);
  });

  it('takes one prediction per gold toponym, greedily in document order', () => {
    // Two gold "Mali" 6 characters apart, one prediction between them: the first gold takes it.
    const m = matchDoc([gold(16, 'Mali'), gold(10, 'Mali')], [pred(13, 'Mali')]);
    expect(m.tp).toBe(1);
    expect(m.matches[0]?.gold.start).toBe(10);
    expect(m.fn).toBe(1);
    expect(m.fp).toBe(0);
  });

  it('drops gold toponyms without coordinates; a prediction on one is a false positive', () => {
    const m = matchDoc([gold(0, 'Niger', null), gold(20, 'Gao')], [pred(0, 'Niger'), pred(20, 'Gao')]);
    expect([m.tp, m.fp, m.fn]).toEqual([1, 1, 0]);
  });

  it('scores resolution over matched toponyms only, a hit under 161 km', () => {
    const near: [number, number] = [0, 1.44]; // ~160.1 km north of [0,0]
    const far: [number, number] = [0, 1.45]; // ~161.2 km
    const m = matchDoc(
      [gold(0, 'A'), gold(20, 'B'), gold(40, 'C')],
      [pred(0, 'A', near), pred(20, 'B', far), pred(60, 'X')],
    );
    const s = summariseGeoparse([m]);
    expect(s).toMatchObject({ n: 3, tp: 2, fp: 1, fn: 1 });
    expect(s.precision).toBeCloseTo(2 / 3);
    expect(s.recall).toBeCloseTo(2 / 3);
    expect(s.acc161).toBe(0.5);
    expect(s.median_km).toBeCloseTo((m.matches[0]!.km + m.matches[1]!.km) / 2);
  });
});

describe('matchDocOverlap', () => {
  it('matches any overlap, one to one', () => {
    const m = matchDocOverlap([gold(100, 'Gao')], [pred(100, 'Gao region')]);
    expect([m.tp, m.fp, m.fn]).toEqual([1, 0, 0]);
  });
});
