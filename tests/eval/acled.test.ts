import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildActorIndex, IS_SAHEL } from '../../src/eval/actors.ts';
import {
  acledRowToDoc,
  dateMatches,
  eventTypeMatches,
  parseAcledCsv,
  pickMainClaim,
  scoreAcledRow,
  summariseAcled,
  type AcledScoringContext,
  type DocOutput,
} from '../../src/eval/acled.ts';

const csv = readFileSync(new URL('../fixtures/eval/acled_tiny.csv', import.meta.url), 'utf8');

type ClaimOut = DocOutput['claims'][number];
const claim = (over: Partial<ClaimOut>): ClaimOut => ({
  placeId: 'gn:1',
  geoPrecision: 1,
  actors: [],
  eventType: 'Battles',
  dateStart: null,
  dateEnd: null,
  fatalities: null,
  modality: 'reported',
  sentence: 0,
  start: 0,
  ...over,
});

// An invented gazetteer: ids -> [lon, lat].
const places: Record<string, [number, number]> = {
  'gn:boni': [-1.96, 15.05],
  'gn:douentza': [-2.95, 15.0],
  'country:ML': [-2.0, 17.5],
  'gn:ouaga': [-1.53, 12.37],
  'gn:gao': [-0.04, 16.27],
  'gn:bol': [14.71, 13.46],
};
const ctx: AcledScoringContext = {
  place: (id) => (places[id] ? { point: places[id] } : undefined),
  actorIndex: buildActorIndex([
    { name: 'JNIM', aliases: ['JNIM'] },
    { name: IS_SAHEL, aliases: ['ISGS'] },
    { name: 'Islamic State West Africa Province', aliases: ['ISWAP'] },
  ]),
  placesNamed: (name) =>
    ['boni', 'ouagadougou', 'gao', 'bol'].includes(name.toLowerCase()) ? [{ point: [0, 0] }] : [],
};

describe('parseAcledCsv', () => {
  it('reads the fixture with quoted notes', () => {
    const { rows, problems } = parseAcledCsv(csv);
    expect(problems).toEqual([]);
    expect(rows.map((r) => r.event_id)).toEqual(['FIX1', 'FIX2', 'FIX3', 'FIX4', 'FIX5']);
    const r1 = rows[0]!;
    expect(r1).toMatchObject({
      latitude: 15.05,
      longitude: -1.95,
      geo_precision: 1,
      fatalities: 3,
      location_in_notes: true,
    });
    expect(r1.notes).toContain('Boni (Douentza, Mopti)');
    expect(rows[2]!.event_type_norm).toBe('Protests/Riots (pre-2019, not split)');
    expect(rows[3]!.location_in_notes).toBe(false);
    expect(acledRowToDoc(r1)).toMatchObject({ id: 'FIX1', format: 'txt', meta: { published: '2021-03-04' } });
  });

  it('reports a file without the required columns', () => {
    expect(parseAcledCsv('a,b\n1,2\n').problems[0]?.why).toMatch(/missing column/);
  });
});

describe('pickMainClaim', () => {
  it('prefers event claims, then the most specific precision, then the first in the text', () => {
    const a = claim({ placeId: 'country:ML', geoPrecision: 3, sentence: 0 });
    const b = claim({ placeId: 'gn:douentza', geoPrecision: 1, sentence: 1, start: 50 });
    const c = claim({ placeId: 'gn:boni', geoPrecision: 1, sentence: 1, start: 40 });
    const d = claim({ placeId: 'gn:gao', geoPrecision: 1, sentence: 0, modality: 'speculative' });
    expect(pickMainClaim([a, b, c, d])?.placeId).toBe('gn:boni');
    expect(pickMainClaim([d])?.placeId).toBe('gn:gao');
    expect(pickMainClaim([])).toBeNull();
  });
});

describe('event type and date', () => {
  it('uses event_type_norm and accepts either half of the pre-2019 Riots/Protests', () => {
    expect(
      eventTypeMatches(
        { event_type: 'Battle-No change of territory', event_type_norm: 'Battles' },
        'Battles',
      ),
    ).toBe(true);
    expect(
      eventTypeMatches(
        { event_type: 'Riots/Protests', event_type_norm: 'Protests/Riots (pre-2019, not split)' },
        'Riots',
      ),
    ).toBe(true);
    expect(eventTypeMatches({ event_type: 'Protests', event_type_norm: null }, 'protests')).toBe(true);
    expect(eventTypeMatches({ event_type: 'Protests', event_type_norm: null }, null)).toBe(false);
  });
  it('matches a date inside the predicted span', () => {
    expect(dateMatches('2021-03-04', '2021-03-04', null)).toBe(true);
    expect(dateMatches('2021-03-04', '2021-03-01', '2021-03-07')).toBe(true);
    expect(dateMatches('2021-03-08', '2021-03-01', '2021-03-07')).toBe(false);
    expect(dateMatches('2021-03-04', null, null)).toBe(false);
  });
});

describe('scoreAcledRow and summariseAcled', () => {
  const rows = parseAcledCsv(csv).rows;
  const outputs: DocOutput[] = [
    // FIX1: right place, actors, type, fatalities and date.
    {
      claims: [
        claim({ placeId: 'country:ML', geoPrecision: 3, actors: ['Military Forces of Mali'] }),
        claim({
          placeId: 'gn:boni',
          sentence: 0,
          start: 30,
          actors: ['JNIM', 'Military Forces of Mali'],
          fatalities: 3,
          dateStart: '2021-03-04',
          dateEnd: '2021-03-04',
        }),
      ],
      resolutions: [],
    },
    // FIX2: right place, one actor too many, wrong type.
    {
      claims: [
        claim({
          placeId: 'gn:ouaga',
          actors: ['Protesters', 'Government of Burkina Faso'],
          eventType: 'Riots',
        }),
      ],
      resolutions: [],
    },
    // FIX3: nothing found, though "Gao" was spotted.
    {
      claims: [],
      resolutions: [{ placeId: 'gn:gao', status: 'resolved', mention: mention('Gao') }],
    },
    // FIX4: a place far away; the gold place is not in the notes.
    {
      claims: [claim({ placeId: 'gn:bol', eventType: 'Violence against civilians', fatalities: 5 })],
      resolutions: [],
    },
    // FIX5: a coarser place (the country) while Bol was not spotted.
    {
      claims: [
        claim({ placeId: 'country:ML', geoPrecision: 3, actors: ['Islamic State West Africa Province'] }),
      ],
      resolutions: [],
    },
  ];
  const scores = rows.map((r, i) => scoreAcledRow(r, outputs[i]!, ctx));

  it('scores each row', () => {
    expect(scores[0]).toMatchObject({ located: true, eventTypeOk: true, fatalitiesOk: true, dateOk: true });
    expect(scores[0]!.km).toBeLessThan(5);
    expect(scores[0]!.actors).toEqual({ tp: 2, fp: 0, fn: 0 });
    expect(scores[1]!.actors).toEqual({ tp: 1, fp: 1, fn: 0 });
    expect(scores[1]!.eventTypeOk).toBe(false);
    // No claim: a miss everywhere, fatalities included (even though gold is 0).
    expect(scores[2]).toMatchObject({
      located: false,
      km: null,
      fatalitiesOk: false,
      errorClass: 'no place; gold name spotted, no claim',
    });
    expect(scores[3]).toMatchObject({
      errorClass: 'far; gold place not in notes',
      fatalitiesOk: true,
      eventTypeOk: true,
    });
    expect(scores[4]).toMatchObject({ errorClass: 'far; coarser precision chosen' });
    expect(scores[4]!.actors).toEqual({ tp: 1, fp: 0, fn: 1 });
  });

  it('summarises: misses count against acc, the median is over located rows', () => {
    const s = summariseAcled(scores);
    expect(s.n).toBe(5);
    expect(s.located).toBe(4);
    expect(s.acc25).toBeCloseTo(2 / 5);
    expect(s.acc161).toBeCloseTo(2 / 5);
    expect(s.median_km).not.toBeNull();
    expect(s.byPrecision['2'].n).toBe(1);
    expect(s.byLocationInNotes.false.n).toBe(1);
    expect(s.byLocationInNotes.true.n).toBe(4);
    // actors: tp 2+1+0+0+1 = 4, fp 0+1+0+0+0 = 1, fn 0+0+2+2+1 = 5
    expect(s.actor_precision).toBeCloseTo(4 / 5);
    expect(s.actor_recall).toBeCloseTo(4 / 9);
    expect(s.event_type_acc).toBeCloseTo(2 / 5);
    expect(s.errorClasses[0]).toEqual(['ok (<= 25 km)', 2]);
  });
});

function mention(surface: string): DocOutput['resolutions'][number]['mention'] {
  return {
    start: 0,
    end: surface.length,
    surface,
    sentence: 0,
    candidates: [],
    via: 'name',
    rejected: null,
    standsFor: null,
  };
}
