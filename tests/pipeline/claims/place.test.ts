// Place choice (src/pipeline/claims/place.ts): the finest place the sentence names, with its precision; an event
// sentence given no place is listed in the report, not dropped.
import { describe, expect, it } from 'vitest';
import { buildCorpus } from '../../../src/pipeline/build.ts';
import type { GeoPrecision } from '../../../src/pipeline/types.ts';
import { ctx, doc, run, sampleBuild } from '../helpers.ts';

describe('precision: a town, "near" a town, a region', () => {
  const cases: { text: string; expect: GeoPrecision }[] = [
    { text: 'Gunmen attacked Gao on 2 May 2024.', expect: 1 },
    { text: 'Gunmen attacked a convoy near Gao on 2 May 2024.', expect: 2 },
    { text: 'Gunmen attacked a convoy in the vicinity of Mopti on 2 May 2024.', expect: 2 },
    { text: 'Gunmen attacked a convoy in Mali on 2 May 2024.', expect: 3 },
  ];
  it.each(cases)('"$text" has precision $expect', (c) =>
    expect(run(c.text).claims[0]?.geoPrecision).toBe(c.expect),
  );
});

describe('the finest place named', () => {
  it('a town named with its country is the town', () => {
    const c = run('Gunmen attacked Gao in Mali on 2 May 2024.').claims;
    expect(c.map((x) => ctx.gazetteer.get(x.placeId)?.name)).toEqual(['Gao']);
  });
});

describe('event sentences with no place', () => {
  it('are listed in the report with the reason, not dropped', () => {
    const b = buildCorpus(
      [
        doc(
          'Gunmen attacked a convoy near Gao on 2 May 2024.\n\nSoldiers were killed in an ambush on 3 May 2024.',
        ),
      ],
      ctx,
    );
    expect(b.incidents.features.flatMap((f) => f.properties.claims)).toHaveLength(1);
    expect(b.report.unlocated).toHaveLength(1);
    expect(b.report.unlocated[0]).toMatchObject({
      sentence: 'Soldiers were killed in an ambush on 3 May 2024.',
      event_type: 'Battles',
    });
    expect(b.report.unlocated[0]?.why).toMatch(/no place named/);
    expect(b.report.counts.events_unlocated).toBe(1);
  });
  it('say which mentions were set aside: the bundled build lists Moscow as metonymy', () => {
    const u = sampleBuild().report.unlocated;
    expect(u.length).toBeGreaterThan(0);
    expect(u.some((x) => /"Moscow" rejected: metonymy/.test(x.why))).toBe(true);
  });
});
