// Incident grouping: which claims are one event. Claims written for this test, places from the real gazetteer.
import { describe, expect, it } from 'vitest';
import { groupClaims } from '../../src/pipeline/group.ts';
import type { Claim } from '../../src/pipeline/types.ts';
import { ctx } from './helpers.ts';

const entry = (id: string) => ctx.gazetteer.get(id);
const DJIBO = 'gn:2361177';
const FADA = 'gn:2360886';
const BF = 'country:BF';
const SAHEL_BF = 'admin1:BF-12';

let n = 0;
function claim(p: Partial<Claim> & { placeId: string }): Claim {
  n += 1;
  return {
    id: `c${String(n).padStart(3, '0')}`,
    sourceId: 'a',
    sentence: n,
    start: n * 100,
    end: n * 100 + 50,
    text: 'x',
    geoPrecision: 1,
    actors: [],
    eventType: 'Battles',
    subEventType: 'Armed clash',
    dateStart: '2024-05-12',
    dateEnd: '2024-05-12',
    timePrecision: 1,
    fatalities: null,
    impacts: [],
    modality: 'reported',
    unlocatedName: null,
    ...p,
  };
}
const ids = (groups: Claim[][]) => groups.map((g) => g.map((c) => c.id));

describe('incident grouping', () => {
  it('two days stated outright are two events, even with a vaguer span overlapping both', () => {
    const wide = claim({ placeId: DJIBO, dateStart: '2024-05-08', dateEnd: '2024-05-14' });
    const friday = claim({ placeId: DJIBO, dateStart: '2024-05-10', dateEnd: '2024-05-10' });
    const toll = claim({ placeId: DJIBO, dateStart: '2024-05-10', dateEnd: '2024-05-10', fatalities: 9 });
    const ied = claim({
      placeId: DJIBO,
      eventType: 'Explosions/Remote violence',
      subEventType: 'Remote explosive/landmine/IED',
      dateStart: '2024-05-11',
      dateEnd: '2024-05-11',
    });
    expect(ids(groupClaims([ied, toll, friday, wide], entry))).toEqual([
      [wide.id, friday.id, toll.id],
      [ied.id],
    ]);
  });

  it('the toll in the next sentence joins the attack (same place, family, date)', () => {
    const a = claim({ placeId: DJIBO });
    const b = claim({ placeId: DJIBO, eventType: 'Violence against civilians', fatalities: 12 });
    expect(ids(groupClaims([b, a], entry))).toEqual([[a.id, b.id]]);
  });

  it('a 7-day "on or before publication" span across a month end joins a dated report of another source', () => {
    const a = claim({ placeId: DJIBO, sourceId: 'a', dateStart: '2024-05-31', dateEnd: '2024-05-31' });
    const b = claim({
      placeId: DJIBO,
      sourceId: 'b',
      dateStart: '2024-05-28',
      dateEnd: '2024-06-03',
      timePrecision: 2,
    });
    expect(ids(groupClaims([a, b], entry))).toEqual([[a.id, b.id]]);
  });

  it('separate days, families, modalities or named perpetrators stay apart', () => {
    const base = claim({ placeId: DJIBO, actors: ['JNIM'] });
    const otherDay = claim({ placeId: DJIBO, dateStart: '2024-05-20', dateEnd: '2024-05-20' });
    const protest = claim({ placeId: DJIBO, eventType: 'Protests' });
    const forecast = claim({ placeId: DJIBO, modality: 'speculative' });
    const isgs = claim({ placeId: DJIBO, actors: ['Islamic State in the Greater Sahara'] });
    expect(groupClaims([base, otherDay, protest, forecast, isgs], entry)).toHaveLength(5);
  });

  it('a country- or region-level restatement joins the one finer incident of its article inside it', () => {
    const town = claim({ placeId: DJIBO, fatalities: 37 });
    const country = claim({ placeId: BF, geoPrecision: 3 });
    const region = claim({ placeId: SAHEL_BF, geoPrecision: 2 });
    const otherArticle = claim({ placeId: BF, sourceId: 'z', geoPrecision: 3 });
    expect(ids(groupClaims([country, town, region, otherArticle], entry))).toEqual([
      [town.id, country.id, region.id],
      [otherArticle.id],
    ]);
  });

  it('a restatement stays apart when its article has two finer incidents it could restate', () => {
    const djibo = claim({ placeId: DJIBO });
    const fada = claim({ placeId: FADA });
    const country = claim({ placeId: BF, geoPrecision: 3 });
    expect(groupClaims([djibo, fada, country], entry)).toHaveLength(3);
  });

  it('of two finer incidents, a restatement joins the one whose toll it states, and only one', () => {
    const djibo = claim({ placeId: DJIBO, fatalities: 17 });
    const fada = claim({ placeId: FADA });
    const country = claim({ placeId: BF, geoPrecision: 3, fatalities: 12 });
    expect(ids(groupClaims([djibo, fada, country], entry))).toEqual([[djibo.id], [fada.id, country.id]]);
    // Both tolls could be restated (none stated): it cannot be told which, it stays apart.
    const a = claim({ placeId: DJIBO });
    const b = claim({ placeId: FADA });
    const c = claim({ placeId: BF, geoPrecision: 3, fatalities: 12 });
    expect(groupClaims([a, b, c], entry)).toHaveLength(3);
  });

  it('a finer claim told as another event ("Another unit ... was also attacked") is not what the lead restates', () => {
    const djibo = claim({ placeId: DJIBO });
    const fada = claim({ placeId: FADA, text: 'Another police unit in Fada was also attacked on Sunday.' });
    const country = claim({ placeId: BF, geoPrecision: 3 });
    expect(ids(groupClaims([djibo, fada, country], entry))).toEqual([[djibo.id, country.id], [fada.id]]);
  });

  it('is deterministic whatever the input order', () => {
    const cs = [claim({ placeId: DJIBO }), claim({ placeId: BF }), claim({ placeId: FADA, sourceId: 'b' })];
    expect(ids(groupClaims([...cs].reverse(), entry))).toEqual(ids(groupClaims(cs, entry)));
  });
});
