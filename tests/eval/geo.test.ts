import { describe, expect, it } from 'vitest';
import { EARTH_RADIUS_KM, haversineKm, median, prf, ratio } from '../../src/eval/geo.ts';

describe('haversineKm', () => {
  it('uses R = 6371.009 km', () => {
    expect(EARTH_RADIUS_KM).toBe(6371.009);
    // One degree of a great circle.
    expect(haversineKm([0, 0], [0, 1])).toBeCloseTo((Math.PI / 180) * 6371.009, 6);
    expect(haversineKm([10, 0], [11, 0])).toBeCloseTo(111.1951, 3);
    // Antipodes: half the circumference.
    expect(haversineKm([0, 0], [180, 0])).toBeCloseTo(Math.PI * 6371.009, 6);
  });
  it('takes [lon, lat] and is symmetric', () => {
    const a: [number, number] = [-8.0, 12.65];
    const b: [number, number] = [-1.53, 12.37];
    expect(haversineKm(a, b)).toBeCloseTo(haversineKm(b, a), 9);
    expect(haversineKm(a, a)).toBe(0);
    // About 703 km between these two points of the Sahel (longitude difference dominates).
    expect(haversineKm(a, b)).toBeGreaterThan(690);
    expect(haversineKm(a, b)).toBeLessThan(715);
  });
});

describe('median, ratio, prf', () => {
  it('median of odd, even and empty lists', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });
  it('ratio and prf handle zeros', () => {
    expect(ratio(1, 0)).toBeNull();
    expect(prf(0, 0, 0)).toEqual({ precision: null, recall: null, f1: null });
    expect(prf(0, 1, 1)).toEqual({ precision: 0, recall: 0, f1: 0 });
    const s = prf(3, 1, 2);
    expect(s.precision).toBeCloseTo(0.75);
    expect(s.recall).toBeCloseTo(0.6);
    expect(s.f1).toBeCloseTo((2 * 0.75 * 0.6) / 1.35);
  });
});
