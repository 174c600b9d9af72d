// End to end on invented articles: a dateline, a border reference, a person named like a place, a distance
// reference and two reports of one event. Only the event places are drawn; one event is one incident.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BuildReport, IncidentCollection } from '../../src/pipeline/contract.ts';
import { haversineKm } from '../../src/common/geo.ts';
import { ROOT } from '../../scripts/lib/load.ts';
import { buildFolder, ctx } from './helpers.ts';

const IN = join(ROOT, 'tests/fixtures/pipeline/one-event');
let incidents: IncidentCollection;
let report: BuildReport;
let gaoPoint: [number, number];

// Built in this process as the CLI builds it (helpers.ts buildFolder), with the shared context.
beforeAll(() => {
  const built = buildFolder(IN);
  incidents = built.incidents;
  report = built.report;
  expect(report.documents.map((d) => [d.file, d.status])).toEqual([
    ['a_wire.txt', 'ok'],
    ['b_radio.txt', 'ok'],
  ]);
  gaoPoint = ctx.gazetteer.get('gn:2457163')!.point;
});

const named = (name: string) => incidents.features.filter((f) => f.properties.place_name === name);

describe('one event, its places and its references', () => {
  it('two reports of the Douentza attack are one incident with both sources, dated Sunday, 12 dead', () => {
    const [douentza, ...more] = named('Douentza');
    expect(more).toHaveLength(0);
    const p = douentza!.properties;
    expect(new Set(p.claims.map((c) => c.source_id))).toEqual(new Set(['a_wire', 'b_radio']));
    expect(p.fatalities).toBe(12);
    expect([p.date_start, p.date_end]).toEqual(['2024-03-03', '2024-03-03']);
  });

  it('no pin at the dateline, the border country, the person or the reference town', () => {
    for (const name of ['Bamako', 'Mali', 'Burkina Faso', 'Keïta', 'Keita', 'Gao'])
      expect(named(name), name).toHaveLength(0);
  });

  it('"150 km north of Gao" is an estimated point 150 km north of Gao, not Gao', () => {
    const [far] = named('150 km N of Gao');
    expect(far?.geometry?.type).toBe('Point');
    expect(far?.properties.geo_precision).toBe(3);
    const gao = gaoPoint;
    const at = far!.geometry!.coordinates as [number, number];
    expect(haversineKm(gao, at)).toBeGreaterThan(140);
    expect(at[1]).toBeGreaterThan(gao[1]);
  });

  it('the report gives each set-aside mention its role and cue', () => {
    const role = (surface: string) => report.mentions.find((m) => m.surface === surface);
    expect(role('BAMAKO')).toMatchObject({ role: 'dateline' });
    expect(role('Burkina Faso')).toMatchObject({ role: 'reference', role_cue: 'border with' });
    // A person's name: rejected as a place by the spotter, or resolved and then read as inside a name.
    const keita = role('Keita');
    expect(keita?.status !== 'resolved' || keita.role === 'inside-name', JSON.stringify(keita)).toBe(true);
    expect(role('Gao')).toMatchObject({ role: 'reference', role_cue: '150 km north of' });
    expect(role('Douentza')?.role).toBe('event');
  });
});
