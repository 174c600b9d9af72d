// An earlier event told in a clause ("came two days after another raid in the area killed seven police"):
// sentences written for this test.
import { describe, expect, it } from 'vitest';
import { earlierEvent } from '../../../src/pipeline/claims/earlier-event.ts';
import { ctx, run } from '../helpers.ts';

describe('an earlier event in a clause of the sentence', () => {
  it('finds the clause, its offset in days, and only when it is in the same area', () => {
    const s =
      'The attack took place on Sunday in Djibo and came two days after another raid in the area killed 7 police.';
    expect(earlierEvent(s)).toEqual({ at: s.indexOf('another'), days: 2 });
    expect(earlierEvent('The ambush in Djibo comes a week after an earlier attack nearby.')?.days).toBe(7);
    expect(earlierEvent('The ambush in Djibo came days after another attack nearby.')?.days).toBeNull();
    // Elsewhere, or no earlier event: nothing.
    expect(earlierEvent('The attack in Djibo came two days after another raid in Arbinda.')).toBeNull();
    expect(earlierEvent('Gunmen attacked Djibo on Sunday, killing 7 police.')).toBeNull();
  });

  it('makes a claim of its own: the same place (near), its own date and toll; the main claim keeps neither', () => {
    const text =
      'The attack took place on Sunday near a gold mine in Inata and came two days after another raid in the area killed seven police.';
    const claims = run(text, '2021-11-16').claims;
    expect(
      claims.map((c) => [ctx.gazetteer.get(c.placeId)?.name, c.dateStart, c.fatalities, c.geoPrecision]),
    ).toEqual([
      ['Inata', '2021-11-14', null, 2],
      ['Inata', '2021-11-12', 7, 2],
    ]);
    expect(new Set(claims.map((c) => c.id)).size).toBe(2);
    expect(claims[1]?.text).toBe('another raid in the area killed seven police.');
  });
});
