// The map loads what it draws (issue 12): the first load fetches the slim layer (map/, gzip-encoded), an incident's
// claims and a source's text come when they are opened, with a loading line and errors in words, and an export of
// a filtered set still holds every claim. Inconsistent slim data still raise the data-problems alert.
import { cpSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { IncidentCollection, RiskRowOut, SourceOut } from '../../src/pipeline/contract.ts';
import { writeMapFolder } from '../map-layer/corpus.ts';
import { guardNetwork, launchChromium, servePreview, waitMapIdle } from './helpers.ts';

const base = inject('baseUrl');
const incidents = JSON.parse(readFileSync('public/data/incidents.geojson', 'utf8')) as IncidentCollection;
const sources = JSON.parse(readFileSync('public/data/sources.json', 'utf8')) as SourceOut[];
let browser: Browser;

/** Data requests of a page, by path under data/, with their content encoding. */
function recordData(page: Page): { path: string; encoding: string | null }[] {
  const seen: { path: string; encoding: string | null }[] = [];
  page.on('response', (r) => {
    const p = new URL(r.url()).pathname;
    if (p.includes('/data/'))
      seen.push({
        path: p.slice(p.indexOf('/data/') + 6),
        encoding: r.headers()['content-encoding'] ?? null,
      });
  });
  return seen;
}

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('on-demand claims and texts', () => {
  const mopti = incidents.features.find((f) => f.properties.place_name === 'Mopti')!;

  it('first loads the slim layer, gzip-encoded, and no claim or article text', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
    const log = await guardNetwork(page);
    const seen = recordData(page);
    await page.goto(base);
    await waitMapIdle(page);
    const paths = seen.map((s) => s.path);
    // the columnar layer: binary columns (gzip sibling) and their strings, no per-incident JSON
    expect(paths).toContain('map/incidents.bin.gz');
    expect(paths).toContain('map/incidents.json');
    expect(paths).toContain('map/sources.json');
    expect(paths).not.toContain('map/incidents.geojson');
    expect(paths).not.toContain('incidents.geojson');
    expect(paths).not.toContain('sources.json');
    expect(paths.filter((p) => p.startsWith('map/claims/') || p.startsWith('map/texts/'))).toEqual([]);
    expect(seen.find((s) => s.path === 'map/incidents.json')?.encoding).toBe('gzip');
    await expect(page.getByTestId('count').innerText()).resolves.toBe(String(incidents.features.length));
    expect(log.pageErrors).toEqual([]);
    await page.close();
  });

  it('draws the map before the risk rows: the table says they are loading, then shows them', async () => {
    const risk = JSON.parse(readFileSync('public/data/risk.json', 'utf8')) as RiskRowOut[];
    const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
    const log = await guardNetwork(page);
    const seen = recordData(page);
    let release = () => {};
    const held = new Promise<void>((r) => (release = r));
    await page.route('**/data/risk.json', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${base}?measure=risk`);
    await waitMapIdle(page);
    await expect(page.getByTestId('count').innerText()).resolves.toBe(String(incidents.features.length));
    const status = page.getByTestId('risk-loading');
    await expect(status.innerText()).resolves.toBe('Loading the risk rows…');
    await expect(status.getAttribute('role')).resolves.toBe('status');
    await page.locator('section.legend').getByRole('button', { name: 'Show' }).click();
    await expect(page.locator('section.legend [role="status"]').innerText()).resolves.toBe(
      'Loading the risk rows…',
    );
    // the regions with incidents are in the table meanwhile
    await expect(page.locator('section.risk tbody tr[data-region]').count()).resolves.toBeGreaterThan(0);
    release();
    await status.waitFor({ state: 'detached' });
    await expect(page.locator('section.legend [role="status"]').count()).resolves.toBe(0);
    const located = risk.filter((r) => r.region_id);
    if (located.length)
      await expect(
        page.locator('section.risk tr.more', { hasText: 'Impact' }).count(),
      ).resolves.toBeGreaterThan(0);
    if (risk.some((r) => !r.region_id))
      await expect(page.locator('section.risk details summary').innerText()).resolves.toContain(
        `(${risk.filter((r) => !r.region_id).length})`,
      );
    expect(seen.filter((s) => s.path === 'risk.json')).toHaveLength(1);
    expect(log.pageErrors).toEqual([]);
    await page.close();
  });

  it('opens an incident: a loading line, then its claims after the fetch; show in source marks the sentence', async () => {
    expect(mopti).toBeDefined();
    const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
    const log = await guardNetwork(page);
    const seen = recordData(page);
    let release = () => {};
    const held = new Promise<void>((r) => (release = r));
    await page.route('**/data/map/claims/**', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${base}?incident=${mopti.properties.id}`);
    await waitMapIdle(page);
    await expect(page.locator('.incident h3').first().innerText()).resolves.toBe(
      `Claims (${mopti.properties.claims.length})`,
    );
    await page.getByText('Loading the claims…').waitFor();
    release();
    const first = mopti.properties.claims[0]!;
    await expect(page.locator('.incident .sentence').first().textContent()).resolves.toBe(first.sentence);
    expect(await page.locator('.incident .sentence').count()).toBe(mopti.properties.claims.length);
    expect(seen.filter((s) => s.path.startsWith('map/claims/'))).toHaveLength(1);
    await page.getByRole('button', { name: 'Show in source' }).first().click();
    await expect(page.locator('.source mark').innerText()).resolves.toBe(first.sentence);
    const src = sources.find((s) => s.id === first.source_id)!;
    await expect(page.locator('.source .text').textContent()).resolves.toBe(src.text);
    expect(seen.filter((s) => s.path.startsWith('map/texts/'))).toHaveLength(1);
    expect(log.pageErrors).toEqual([]);
    await page.close();
  });

  it('a link to a claim in its source loads the claims and the text first', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
    const c = mopti.properties.claims[0]!;
    await page.goto(`${base}?incident=${mopti.properties.id}&claim=${c.id}`);
    await waitMapIdle(page);
    await expect(page.locator('.source mark').innerText()).resolves.toBe(c.sentence);
    await page.close();
  });

  it('says in words when the claims cannot be fetched, and fetches them on "Try again"', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
    await page.route('**/data/map/claims/**', (route) => route.fulfill({ status: 503, body: 'busy' }));
    await page.goto(`${base}?incident=${mopti.properties.id}`);
    await waitMapIdle(page);
    const alert = page.locator('.incident [role="alert"]');
    await expect(alert.innerText()).resolves.toMatch(
      /The claims could not be loaded: map\/claims\/\d+\.json: HTTP 503/,
    );
    await page.unroute('**/data/map/claims/**');
    await page.getByRole('button', { name: 'Try again' }).click();
    await expect(page.locator('.incident .sentence').first().textContent()).resolves.toBe(
      mopti.properties.claims[0]!.sentence,
    );
    await page.close();
  });

  it('exports a filtered set with every claim of every incident', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
    await guardNetwork(page);
    await page.goto(base);
    await waitMapIdle(page);
    const actor = mopti.properties.actors[0]!;
    await page.locator(`input[data-actor="${actor}"]`).check();
    const want = incidents.features.filter((f) => f.properties.actors.includes(actor));
    await expect.poll(() => page.getByTestId('count').innerText()).toBe(String(want.length));
    const [dl] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export GeoJSON' }).click(),
    ]);
    const fc = JSON.parse(readFileSync((await dl.path())!, 'utf8')) as IncidentCollection;
    expect(fc.features.map((f) => f.properties.id).sort()).toEqual(want.map((f) => f.properties.id).sort());
    for (const f of fc.features) {
      const orig = want.find((g) => g.properties.id === f.properties.id)!;
      expect(f.properties.claims).toEqual(orig.properties.claims);
    }
    await page.close();
  });
});

describe('inconsistent slim data', () => {
  const DIR = '.cache/e2e-on-demand-bad';
  let server: PreviewServer;
  let url: string;
  beforeAll(async () => {
    rmSync(DIR, { recursive: true, force: true });
    cpSync('dist', DIR, { recursive: true });
    // a claim naming a source sources.json lacks, and one incident twice
    const bad = structuredClone(incidents.features);
    bad[0]!.properties.claims[0]!.source_id = 'no-such-source';
    bad.push(structuredClone(bad[1]!));
    writeMapFolder(join(DIR, 'data'), bad, sources);
    ({ server, url } = await servePreview(DIR));
  });
  afterAll(async () => {
    await server?.close();
    rmSync(DIR, { recursive: true, force: true });
  });

  it('raises the data-problems alert and still draws the rest', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
    const log = await guardNetwork(page);
    await page.goto(url);
    await waitMapIdle(page);
    const alert = page.getByTestId('data-problems');
    await expect(alert.innerText()).resolves.toContain('no-such-source');
    await expect(alert.innerText()).resolves.toContain('more than once');
    await expect(page.getByTestId('count').innerText()).resolves.toBe(String(incidents.features.length));
    expect(log.pageErrors).toEqual([]);
    await page.close();
  });
});
