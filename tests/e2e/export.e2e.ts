// The exports read back by real readers: GDAL's ogrinfo (what QGIS uses underneath) and papaparse.
import { check } from '@placemarkio/check-geojson';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { strFromU8, unzipSync } from 'fflate';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ACLED_COLUMNS } from '../../src/app/lib/export.ts';
import type { IncidentCollection } from '../../src/pipeline/contract.ts';
import { guardNetwork, launchChromium, waitMapIdle } from './helpers.ts';

const base = inject('baseUrl');
const incidents = JSON.parse(readFileSync('public/data/incidents.geojson', 'utf8')) as IncidentCollection;
const dir = mkdtempSync(join(tmpdir(), 'sahel-export-'));
let browser: Browser;
let page: Page;

async function save(button: string, name: string): Promise<string> {
  const [dl] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ]);
  const file = join(dir, name);
  copyFileSync((await dl.path())!, file);
  return file;
}

const ogr = (...args: string[]) => execFileSync('ogrinfo', ['-ro', ...args], { encoding: 'utf8' });
const fieldType = (info: string, field: string) => new RegExp(`^${field}: (\\S+)`, 'm').exec(info)?.[1];

beforeAll(async () => {
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
  await guardNetwork(page);
  await page.goto(base);
  await waitMapIdle(page);
});

afterAll(async () => {
  await browser?.close();
});

describe('exports', () => {
  it('GeoJSON: GDAL sees every incident with a geometry and typed fields; the validator accepts it', async () => {
    const file = await save('Export GeoJSON', 'incidents.geojson');
    const text = readFileSync(file, 'utf8');
    expect(() => check(text)).not.toThrow();
    const n = incidents.features.length;
    const info = ogr('-so', '-al', file);
    expect(info).toContain(`Feature Count: ${n}`);
    expect(fieldType(info, 'fatalities')).toBe('Integer');
    expect(fieldType(info, 'geo_precision')).toBe('Integer');
    expect(fieldType(info, 'date_start')).toBe('Date');
    expect(fieldType(info, 'region_id')).toBe('String');
    const perFeature = ogr('-al', '-q', '-geom=SUMMARY', file);
    const geoms = perFeature.match(/^ {2}(POINT|POLYGON|MULTIPOLYGON)\b/gm) ?? [];
    expect(geoms).toHaveLength(n);
    // region-level incidents carry their polygon and say how exact they are
    const fc = JSON.parse(text) as GeoJSON.FeatureCollection;
    const regional = fc.features.filter((f) => (f.properties as { region_id: string | null }).region_id);
    expect(regional.length).toBeGreaterThan(0);
    expect(regional.every((f) => /Polygon/.test(f.geometry.type))).toBe(true);
    expect(regional.every((f) => (f.properties as { geo_precision: number }).geo_precision >= 2)).toBe(true);

    await page.getByLabel('Region-level incidents as').selectOption('point');
    const points = await save('Export GeoJSON', 'points.geojson');
    expect(ogr('-so', '-al', points)).toMatch(/Geometry: Point/);
    await page.getByLabel('Region-level incidents as').selectOption('polygon');
  });

  it('with regions and risk rows: a zip of separate files, each one layer GDAL reads', async () => {
    await page.getByLabel(/with regions and risk rows/).check();
    const zip = await save('Export GeoJSON', 'export.zip');
    const files = unzipSync(readFileSync(zip));
    expect(Object.keys(files).sort()).toEqual([
      'sahel-incidents.csv',
      'sahel-incidents.geojson',
      'sahel-regions.geojson',
      'sahel-risk-rows.csv',
    ]);
    const regions = ogr('-so', '-al', `/vsizip/${zip}/sahel-regions.geojson`);
    expect(regions).toMatch(/Geometry: (Multi Polygon|Polygon|Unknown \(any\))/);
    expect(Number(/Feature Count: (\d+)/.exec(regions)![1])).toBeGreaterThan(0);
    const risk = Papa.parse<Record<string, string>>(strFromU8(files['sahel-risk-rows.csv']!), {
      header: true,
      skipEmptyLines: true,
    });
    expect(risk.errors).toEqual([]);
    expect(risk.meta.fields).toContain('region_id');
    await page.getByLabel(/with regions and risk rows/).uncheck();
  });

  it("CSV: a CSV reader gets ACLED's 31 columns in order and coordinates on every row", async () => {
    const file = await save('Export CSV', 'incidents.csv');
    const csv = Papa.parse<Record<string, string>>(readFileSync(file, 'utf8'), {
      header: true,
      skipEmptyLines: true,
    });
    expect(csv.errors).toEqual([]);
    expect(csv.meta.fields!.slice(0, 31)).toEqual([...ACLED_COLUMNS]);
    expect(csv.data).toHaveLength(incidents.features.length);
    expect(csv.data.every((r) => r.latitude && r.longitude)).toBe(true);
    const regional = csv.data.filter((r) => r.region_id);
    expect(regional.every((r) => r.geo_precision === '3')).toBe(true);
    // admin names where the pipeline knows them
    const named = incidents.features.filter((f) => f.properties.admin1);
    for (const f of named) {
      expect(csv.data.find((r) => r.event_id_cnty === f.properties.id)!.admin1).toBe(f.properties.admin1);
    }
  });
});
