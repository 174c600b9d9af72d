// Inconsistent data (issue 11): duplicate incident, source, risk-row and no-place ids and a claim naming a missing
// source. The map must say so in words and still draw what it can, never throw Svelte's each_key_duplicate and
// leave a blank page. The test writes its own data folder beside a copy of the built app.
import { cpSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import type { PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  ClaimProps,
  IncidentCollection,
  IncidentFeature,
  RiskRowOut,
  SourceOut,
  UnlocatedOut,
} from '../../src/pipeline/contract.ts';
import { OUTPUT_FILES } from '../../src/pipeline/contract.ts';
import { writeMapFolder } from '../map-layer/corpus.ts';
import {
  guardNetwork,
  launchChromium,
  renderedIncidents,
  servePreview,
  waitMapIdle,
  waitRiskRows,
} from './helpers.ts';

const DIR = '.cache/e2e-inconsistent';
let server: PreviewServer;
let url: string;
let browser: Browser;

const GAO_TEXT = 'Gunmen attacked a market in Gao on Monday.';
const DUP_TEXT = 'Soldiers clashed with militants near Mopti.';
// Two files with one stem: one source id, two texts (dup.txt and dup.md).
const sources: SourceOut[] = [
  {
    id: 'gao',
    file: 'gao.txt',
    title: 'Gao report',
    publisher: null,
    published: '2025-03-03',
    text: GAO_TEXT,
  },
  {
    id: 'dup',
    file: 'dup.txt',
    title: 'Dup (txt)',
    publisher: null,
    published: '2025-03-04',
    text: DUP_TEXT,
  },
  {
    id: 'dup',
    file: 'dup.md',
    title: 'Dup (md)',
    publisher: null,
    published: '2025-03-04',
    text: 'Other text.',
  },
];

function claim(id: string, source_id: string, text: string): ClaimProps {
  return {
    id,
    unlocated_name: null,
    source_id,
    source_title: source_id,
    publisher: null,
    published: '2025-03-03',
    sentence: text,
    start: 0,
    end: text.length,
    actors: ['JNIM'],
    fatalities: null,
    modality: 'reported',
    date_start: '2025-03-03',
    date_end: '2025-03-03',
  };
}

function incident(
  id: string,
  place: string,
  at: [number, number] | null,
  claims: ClaimProps[],
): IncidentFeature {
  return {
    type: 'Feature',
    geometry: at ? { type: 'Point', coordinates: at } : null,
    properties: {
      id,
      place_id: `test:${place}`,
      place_name: place,
      country: 'ML',
      region_id: at ? null : 'country:ML',
      admin1: null,
      admin2: null,
      fatalities_range: null,
      geo_precision: at ? 1 : 3,
      event_type: 'Battles',
      sub_event_type: 'Armed clash',
      date_start: '2025-03-03',
      date_end: '2025-03-03',
      time_precision: 1,
      actors: ['JNIM'],
      actor_types: ['Rebel groups'],
      fatalities: null,
      impacts: [],
      modality: 'reported',
      n_sources: claims.length,
      claims,
    },
  };
}

const gao = incident('inc-gao', 'Gao', [-0.0417, 16.2667], [claim('c-gao', 'gao', GAO_TEXT)]);
const incidents: IncidentCollection = {
  type: 'FeatureCollection',
  features: [
    gao,
    structuredClone(gao), // the same incident twice (identical text under one source id)
    incident('inc-mopti', 'Mopti', [-4.1967, 14.4843], [claim('c-mopti', 'dup', DUP_TEXT)]),
    incident('inc-mali', 'Mali', null, [claim('c-mali', 'missing', 'Fighting spread across Mali.')]),
  ],
};
const riskRow = (id: string): RiskRowOut => ({
  id,
  source_id: 'gao',
  source_title: 'Gao report',
  table: 0,
  region_id: 'country:ML',
  place_id: null,
  region_name: 'Mali',
  header: ['Region', 'Impact', 'Risk'],
  cells: ['Mali', 'displacement', 'high'],
  start: 0,
  end: 4,
});
const noPlace: UnlocatedOut = {
  source_id: 'gao',
  start: 0,
  end: GAO_TEXT.length,
  sentence: GAO_TEXT,
  event_type: 'Battles',
  sub_event_type: 'Armed clash',
  why: 'no place named',
};

beforeAll(async () => {
  rmSync(DIR, { recursive: true, force: true });
  cpSync('dist', DIR, { recursive: true }); // the app, the regions and the basemap
  const write = (rel: string, value: unknown) => writeFileSync(join(DIR, 'data', rel), JSON.stringify(value));
  write(OUTPUT_FILES.incidents, incidents);
  write(OUTPUT_FILES.sources, sources);
  write(OUTPUT_FILES.risk, [riskRow('risk-1'), riskRow('risk-1')]);
  write(OUTPUT_FILES.unlocated, [noPlace, noPlace]);
  writeMapFolder(join(DIR, 'data'), incidents.features, sources); // the slim layer the map loads first
  ({ server, url } = await servePreview(DIR));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(DIR, { recursive: true, force: true });
});

describe('inconsistent data', () => {
  it('says what is wrong in words and still draws the map, the list and the table', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
    const log = await guardNetwork(page);
    await page.goto(url);
    await waitMapIdle(page);
    await waitRiskRows(page);
    const alert = page.getByTestId('data-problems');
    await expect(alert.isVisible()).resolves.toBe(true);
    const text = await alert.innerText();
    expect(text).toContain('The data are inconsistent');
    expect(text).toContain('"inc-gao"');
    expect(text).toContain('more than one article in sources.json ("dup")');
    expect(text).toContain('sources.json lacks ("missing")');
    expect(text).toContain('risk.json ("risk-1")');
    expect(text).toContain('unlocated.json');
    expect(log.pageErrors).toEqual([]);
    // what can be shown is shown: both points, three incidents listed, Mali in the table, the no-place event once
    await expect(page.getByTestId('count').innerText()).resolves.toBe('3');
    const places = (await renderedIncidents(page)).map((r) => r.place).sort();
    expect(places).toEqual(['Gao', 'Mopti']);
    await expect(page.locator('button[data-incident]').count()).resolves.toBe(3);
    await expect(page.locator('section.risk tbody tr[data-region="country:ML"]').count()).resolves.toBe(1);
    await expect(page.locator('details.unlocated summary').innerText()).resolves.toContain('(1)');
    // a claim whose article is missing still shows its sentence
    await page.locator('button[data-incident="inc-mali"]').click();
    await page.getByRole('button', { name: 'Show in source' }).click();
    await expect(page.locator('.source mark').innerText()).resolves.toBe('Fighting spread across Mali.');
    await page.screenshot({
      path: `${process.env.SCREENSHOTS ?? '.cache/screenshots'}/inconsistent-data.png`,
    });
    expect(log.pageErrors).toEqual([]);
    await page.close();
  });
});
