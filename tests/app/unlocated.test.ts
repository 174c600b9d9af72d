import { describe, expect, it } from 'vitest';
import { filterUnlocated } from '../../src/app/lib/regions.ts';
import type { UnlocatedOut } from '../../src/pipeline/types.ts';

const row = (source_id: string, sentence: string, event_type = 'Battles'): UnlocatedOut => ({
  source_id,
  start: 0,
  end: sentence.length,
  sentence,
  event_type,
  sub_event_type: 'Armed clash',
  why: 'no place named',
});

describe('events with no place in the map', () => {
  const rows = [row('a', 'Soldiers were killed in an ambush.'), row('b', 'Protesters gathered.', 'Protests')];
  it('follow the source and event-type filters and every word of the text filter', () => {
    expect(filterUnlocated(rows, [], ['Protests'], '').map((r) => r.source_id)).toEqual(['b']);
    expect(filterUnlocated(rows, [], [], '')).toHaveLength(2);
    expect(filterUnlocated(rows, ['b'], [], '').map((r) => r.source_id)).toEqual(['b']);
    expect(filterUnlocated(rows, [], [], 'ambush soldiers')).toHaveLength(1);
    expect(filterUnlocated(rows, [], [], 'protests')).toHaveLength(1);
    expect(filterUnlocated(rows, [], [], 'ambush protesters')).toHaveLength(0);
  });
});
