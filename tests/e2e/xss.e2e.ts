// Article text is untrusted: a claim carrying markup must render as text and run nothing.
// A crafted incident and source are injected into a copy of the production build's data, then rendered for real.
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import type { PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IncidentCollection, IncidentFeature, SourceOut } from '../../src/pipeline/contract.ts';
import { writeMapFolder } from '../map-layer/corpus.ts';
import { guardNetwork, launchChromium, servePreview, waitMapIdle } from './helpers.ts';

const DIR = '.cache/e2e-xss';
const PAYLOAD =
  'Militants wrote <img src=x onerror="window.__xss=1"> and <script>window.__xss=2</script> near Gao.';
const TITLE = '<b onmouseover="window.__xss=3">Crafted</b> title';
let server: PreviewServer;
let url: string;
let browser: Browser;

beforeAll(async () => {
  rmSync(DIR, { recursive: true, force: true });
  cpSync('dist', DIR, { recursive: true });
  const incPath = join(DIR, 'data/incidents.geojson');
  const srcPath = join(DIR, 'data/sources.json');
  const incidents = JSON.parse(readFileSync(incPath, 'utf8')) as IncidentCollection;
  const sources = JSON.parse(readFileSync(srcPath, 'utf8')) as SourceOut[];
  const text = `Intro. ${PAYLOAD} Outro.`;
  sources.push({
    id: 'xss-source',
    file: 'xss.txt',
    title: TITLE,
    publisher: '<i>pub</i>',
    published: '2025-01-01',
    text,
  });
  const probe: IncidentFeature = {
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [-0.05, 16.3] },
    properties: {
      id: 'xss-probe',
      place_id: 'gn:xss',
      place_name: '<img src=x onerror="window.__xss=4">Gao',
      country: 'ML',
      region_id: null,
      admin1: null,
      admin2: null,
      fatalities_range: null,
      geo_precision: 1,
      event_type: 'Battles',
      sub_event_type: null,
      date_start: '2025-01-01',
      date_end: '2025-01-01',
      time_precision: 1,
      actors: ['<svg onload="window.__xss=5">'],
      actor_types: ['Rebel groups'],
      fatalities: 1,
      impacts: [],
      modality: 'reported',
      n_sources: 1,
      claims: [
        {
          id: 'xss-claim',
          unlocated_name: null,
          source_id: 'xss-source',
          source_title: TITLE,
          publisher: '<i>pub</i>',
          published: '2025-01-01',
          sentence: PAYLOAD,
          start: 7,
          end: 7 + PAYLOAD.length,
          actors: ['<svg onload="window.__xss=5">'],
          fatalities: 1,
          modality: 'reported',
          date_start: '2025-01-01',
          date_end: '2025-01-01',
        },
      ],
    },
  };
  incidents.features.push(probe);
  writeFileSync(incPath, JSON.stringify(incidents));
  writeFileSync(srcPath, JSON.stringify(sources));
  writeMapFolder(join(DIR, 'data'), incidents.features, sources); // the slim layer the map loads first
  ({ server, url } = await servePreview(DIR));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(DIR, { recursive: true, force: true });
});

describe('untrusted article text', () => {
  it('renders markup in claims, titles, places and actors as text and runs nothing', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
    const log = await guardNetwork(page);
    await page.goto(`${url}?incident=xss-probe`);
    await waitMapIdle(page);
    const sentence = await page.locator('.incident .sentence').first().textContent();
    expect(sentence).toBe(PAYLOAD);
    await expect(page.locator('.incident').innerText()).resolves.toContain(TITLE);
    await page.getByRole('button', { name: 'Show in source' }).click();
    await expect(page.locator('.source mark').textContent()).resolves.toBe(PAYLOAD);
    await expect(page.locator('.source h2').textContent()).resolves.toBe(TITLE);
    // the filter panel lists the crafted actor as text too
    await expect(page.getByText('<svg onload="window.__xss=5">').first().isVisible()).resolves.toBe(true);
    await page.waitForTimeout(300);
    const injected = await page.evaluate(() => ({
      xss: (window as unknown as { __xss?: number }).__xss ?? null,
      imgs: document.querySelectorAll('main ~ aside img, aside img, .source img, .incident img').length,
      scripts: [...document.querySelectorAll('script')].filter((s) => s.textContent?.includes('__xss'))
        .length,
      svgs: document.querySelectorAll('aside svg').length,
    }));
    expect(injected).toEqual({ xss: null, imgs: 0, scripts: 0, svgs: 0 });
    expect(log.failed.filter((f) => /\/x(\s|$)/.test(f))).toEqual([]);
    expect(log.external).toEqual([]);
    expect(log.pageErrors).toEqual([]);
    const shots = process.env.SCREENSHOTS ?? '.cache/screenshots';
    mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: `${shots}/xss-as-text.png` });
    await page.close();
  });
});
