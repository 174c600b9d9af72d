// One test per entry of the hand-checked seed gold (tests/fixtures/seed-gold.json, copied from the team's spec).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { haversineKm } from '../../src/common/geo.ts';
import type { IncidentFeature } from '../../src/pipeline/contract.ts';
import { ctx, sampleBuild } from './helpers.ts';

interface GoldPlace {
  name: string;
  kind: string;
  country?: string;
  lon?: number;
  lat?: number;
  aliases?: string[];
}
interface GoldIncident {
  doc: string;
  what: string;
  place: string;
  geo_precision?: number;
  date: string | null;
  actors: string[];
  event_type: string;
  fatalities?: number;
  modality: string;
}
const gold = JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/seed-gold.json'), 'utf8')) as {
  places: GoldPlace[];
  incidents: GoldIncident[];
  not_locations: { doc: string; word: string }[];
  metonymy: { word: string; example: string; means: string }[];
  risk_rows: { doc: string; region: string; impact: string; global_risk: string }[];
};
const docId = (file: string) => file.replace(/\.txt$/, '');
const placeOf = (name: string) => gold.places.find((p) => p.name === name);

/** Incidents with a claim from the document, at the gold place (25 km for towns, same country for countries). */
function candidates(g: GoldIncident): IncidentFeature[] {
  const names = g.place.split(' / ');
  return sampleBuild().incidents.features.filter((f) => {
    if (!f.properties.claims.some((c) => c.source_id === docId(g.doc))) return false;
    return names.some((n) => {
      // Places the gold names without listing them ("France") are countries of the gazetteer.
      const p: GoldPlace = placeOf(n) ?? {
        name: n,
        kind: 'country',
        country: ctx.gazetteer.byName(n).find((e) => e.kind === 'country')?.country ?? undefined,
      };
      if (p.kind === 'city' && p.lon !== undefined && p.lat !== undefined) {
        return (
          f.geometry !== null && haversineKm(f.geometry.coordinates as [number, number], [p.lon, p.lat]) < 25
        );
      }
      return f.properties.place_id === `country:${p.country}`;
    });
  });
}

function matches(f: IncidentFeature, g: GoldIncident): string[] {
  const p = f.properties;
  const problems: string[] = [];
  const types = g.event_type.split(' / ').map((t) => t.replace('Explosions-Remote', 'Explosions/Remote'));
  if (!types.some((t) => p.event_type.startsWith(t.split(' ')[0] as string)))
    problems.push(`event ${p.event_type}`);
  for (const a of g.actors)
    if (!p.actors.includes(a)) problems.push(`actor ${a} missing from ${p.actors.join(',')}`);
  if (g.fatalities !== undefined && p.fatalities !== g.fatalities)
    problems.push(`fatalities ${p.fatalities}`);
  if (g.date && /^\d{4}-\d{2}(-\d{2})?$/.test(g.date) && !(p.date_start ?? '').startsWith(g.date))
    problems.push(`date ${p.date_start}`);
  if (!g.modality.startsWith(p.modality)) problems.push(`modality ${p.modality}`);
  if (g.geo_precision && p.geo_precision !== g.geo_precision)
    problems.push(`geo_precision ${p.geo_precision}`);
  return problems;
}

describe('seed gold: incidents', () => {
  for (const g of gold.incidents) {
    const title = `${docId(g.doc)}: ${g.what}`;
    it(title, () => {
      const found = candidates(g);
      expect(found.length, `no incident at ${g.place} from ${g.doc}`).toBeGreaterThan(0);
      const best = found
        .map((f) => ({ f, problems: matches(f, g) }))
        .sort((a, b) => a.problems.length - b.problems.length)[0]!;
      expect(best.problems).toEqual([]);
    });
  }

  it('the siege of Bamako carries its impacts but no invented year (article 002 has no publication date)', () => {
    const siege = sampleBuild().incidents.features.find(
      (f) =>
        f.properties.place_name === 'Bamako' &&
        f.properties.claims.some((c) => c.sentence.includes('siege of Bamako')),
    );
    expect(siege?.properties.impacts).toEqual(expect.arrayContaining(['fuel crisis', 'school closures']));
    expect(siege?.properties.actors).toContain('JNIM');
    expect(siege?.properties.date_start).toBeNull();
  });
});

describe('seed gold: places resolve', () => {
  const mentions = () => sampleBuild().report.mentions;
  for (const p of gold.places) {
    it(`${p.name} (${p.kind})`, () => {
      const names = [p.name, ...(p.aliases ?? [])].map((n) => n.toLowerCase());
      const resolved = mentions().filter(
        (m) =>
          m.status === 'resolved' &&
          (names.includes(m.surface.toLowerCase()) ||
            (p.kind !== 'city' &&
              ctx.gazetteer.get(m.place_id!)?.name.toLowerCase() === p.name.toLowerCase())),
      );
      expect(resolved.length, `${p.name} never resolved`).toBeGreaterThan(0);
      for (const m of resolved) {
        const e = ctx.gazetteer.get(m.place_id!)!;
        if (p.kind === 'city') expect(haversineKm(e.point, [p.lon!, p.lat!])).toBeLessThan(25);
        else if (p.kind === 'country') expect(e.id).toBe(`country:${p.country}`);
        else expect(e.kind).toBe('vernacular');
      }
    });
  }
  it('Nigeria is never resolved to Niger, nor Niger to Nigeria', () => {
    for (const m of mentions()) {
      if (m.surface === 'Nigeria' && m.place_id) expect(m.place_id).toBe('country:NG');
      if (m.surface === 'Niger' && m.place_id) expect(m.place_id).toBe('country:NE');
    }
  });
});

describe('seed gold: traps are not locations', () => {
  for (const n of gold.not_locations) {
    for (const word of n.word.split(', ')) {
      it(`${docId(n.doc)}: ${word}`, () => {
        const b = sampleBuild();
        const located = b.incidents.features.filter(
          (f) =>
            f.properties.place_name === word && f.properties.claims.some((c) => c.source_id === docId(n.doc)),
        );
        expect(located).toEqual([]);
        // Where the word is still in the cleaned text, its mention is reported with a reason, never resolved.
        for (const m of b.report.mentions.filter((x) => x.source_id === docId(n.doc) && x.surface === word)) {
          expect(m.status).not.toBe('resolved');
          expect(m.why).toMatch(/rejected/);
        }
      });
    }
  }
});

describe('seed gold: metonymy', () => {
  for (const m of gold.metonymy) {
    it(`${m.word} in "${m.example}"`, () => {
      const b = sampleBuild();
      // The articles write a typographic apostrophe.
      const example = m.example.replace(/'/g, '’');
      const src = b.sources.find((s) => s.text.includes(example))!;
      const at = src.text.indexOf(example) + example.indexOf(m.word);
      const mention = b.report.mentions.find((x) => x.source_id === src.id && x.start === at);
      expect(mention?.status).toBe('rejected');
      expect(mention?.why).toMatch(/metonymy/);
    });
  }
});

describe('seed gold: risk rows', () => {
  for (const r of gold.risk_rows) {
    it(`${r.region}: ${r.impact}`, () => {
      const rows = sampleBuild().risk.filter((x) => x.source_id === docId(r.doc) && x.cells[0] === r.region);
      expect(rows).toHaveLength(1); // the repeated table is kept once
      expect(rows[0]!.region_id).toBe(
        ctx.gazetteer.byName(r.region).find((e) => e.kind === 'country')!.regionId,
      );
      expect(rows[0]!.cells.slice(1)).toEqual([r.impact, r.global_risk]);
    });
  }
  it('tables without a region column are kept as unlocated rows with their source', () => {
    const unlocated = sampleBuild().risk.filter((x) => x.place_id === null);
    expect(unlocated.length).toBeGreaterThan(0);
    expect(unlocated.every((x) => x.source_id && x.cells.length === x.header.length)).toBe(true);
  });
});
