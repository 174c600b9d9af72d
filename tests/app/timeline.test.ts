import { describe, expect, it } from 'vitest';
import { fromDay, toDay } from '../../src/app/lib/dates.ts';
import { addMonths, density, keyStep, parseTyped, playFrames, presets } from '../../src/app/lib/timeline.ts';

const d = (s: string) => toDay(s);
const range: [number, number] = [d('2012-01-01'), d('2025-06-30')];

describe('timeline', () => {
  it('presets: last 7/30/90 days of the data and calendar years, clamped to the data', () => {
    const p = presets(range, [2013, 2025]);
    expect(p.map((x) => x.label)).toEqual([
      'Last 7 days of the data',
      'Last 30 days of the data',
      'Last 90 days of the data',
      '2025',
      '2013',
    ]);
    expect([fromDay(p[0]!.from), fromDay(p[0]!.to)]).toEqual(['2025-06-24', '2025-06-30']);
    expect([fromDay(p[3]!.from), fromDay(p[3]!.to)]).toEqual(['2025-01-01', '2025-06-30']);
    expect([fromDay(p[4]!.from), fromDay(p[4]!.to)]).toEqual(['2013-01-01', '2013-12-31']);
  });

  it('keys: arrows a day, PageUp/PageDown a calendar month, clamped', () => {
    const x = d('2013-01-31');
    expect(fromDay(keyStep(x, 'ArrowRight', range)!)).toBe('2013-02-01');
    expect(fromDay(keyStep(x, 'ArrowLeft', range)!)).toBe('2013-01-30');
    expect(fromDay(keyStep(x, 'PageUp', range)!)).toBe('2013-02-28');
    expect(fromDay(keyStep(x, 'PageDown', range)!)).toBe('2012-12-31');
    expect(keyStep(range[1], 'PageUp', range)).toBe(range[1]);
    expect(keyStep(x, 'a', range)).toBeNull();
    expect(fromDay(addMonths(d('2024-03-31'), -1))).toBe('2024-02-29');
  });

  it('play frames hold data only: empty years are skipped', () => {
    const starts = [d('2013-02-21'), d('2013-02-22'), d('2021-07-10')];
    const ends = [d('2013-02-21'), d('2013-02-22'), d('2021-07-10')];
    const weeks = playFrames(starts, ends, 'week').map(([a, b]) => `${fromDay(a)}..${fromDay(b)}`);
    expect(weeks).toEqual(['2013-02-18..2013-02-24', '2021-07-05..2021-07-11']);
    const months = playFrames(starts, ends, 'month').map(([a, b]) => `${fromDay(a)}..${fromDay(b)}`);
    expect(months).toEqual(['2013-02-01..2013-02-28', '2021-07-01..2021-07-31']);
  });

  it('density counts a span in every bin it overlaps', () => {
    const r: [number, number] = [0, 99];
    expect(density([0, 10, 50], [0, 30, 50], r, 4)).toEqual([2, 1, 1, 0]);
  });

  it('typed dates: real dates only', () => {
    expect(parseTyped('2013-02-21')).toBe(d('2013-02-21'));
    expect(parseTyped('2013-02-30')).toBeNull();
    expect(parseTyped('21/02/2013')).toBeNull();
  });
});
