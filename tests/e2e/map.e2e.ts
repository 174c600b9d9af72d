// The analyst map in Debian's Chromium against the production build, fully offline.
import { mkdirSync, readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { IncidentCollection } from '../../src/pipeline/contract.ts';
import {
  guardNetwork,
  launchChromium,
  renderedIncidents,
  waitMapIdle,
  waitRiskRows,
  type NetLog,
} from './helpers.ts';

// Screenshots of the main views go to .cache/screenshots (look at them after a run); SCREENSHOTS=docs/screenshots
// refreshes the ones the README shows. Pixels differ slightly run to run, so tests never write docs/ by default.
const SHOTS = process.env.SCREENSHOTS ?? '.cache/screenshots';
let browser: Browser;
let page: Page;
let log: NetLog;
const base = inject('baseUrl');
const incidents = JSON.parse(readFileSync('public/data/incidents.geojson', 'utf8')) as IncidentCollection;
/** A point incident at `place` that names an actor (falls back to any point incident with actors). */
function pointAt(place: string) {
  const withActors = incidents.features.filter((f) => f.geometry && f.properties.actors.length);
  return withActors.find((f) => f.properties.place_name === place) ?? withActors[0]!;
}

interface Hook {
  map: {
    getFeatureState(f: { source: string; id: number }): Record<string, unknown>;
    getCenter(): { lng: number; lat: number };
    getZoom(): number;
  };
  app: {
    region: string | null;
    incident: string | null;
    filtered: { count: number };
    filteredFeatures(): { properties: { id: string } }[];
    data: { rx: { byId: Map<string, number> } };
  };
}

const hook = <T>(p: Page, fn: (h: Hook) => T): Promise<T> =>
  p.evaluate(`(${fn.toString()})(window.__sahel)`) as Promise<T>;

async function open(url: string, viewport = { width: 1400, height: 860 }): Promise<Page> {
  const p = await browser.newPage({ viewport });
  log = await guardNetwork(p);
  await p.goto(url);
  await waitMapIdle(p);
  await waitRiskRows(p); // the table and screenshots with every row
  return p;
}

async function tableText(p: Page): Promise<string> {
  return p.locator('section.risk tbody').innerText();
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

describe('analyst map', () => {
  it('opens on the Sahel and reaches idle offline, with no failed request and none leaving 127.0.0.1', async () => {
    const t0 = Date.now();
    page = await open(base);
    const ms = Date.now() - t0;
    expect(log.external).toEqual([]);
    expect(log.failed).toEqual([]);
    expect(log.pageErrors).toEqual([]);
    expect(log.consoleErrors).toEqual([]);
    const { lng, lat } = await hook(page, (h) => h.map.getCenter());
    expect(lng).toBeGreaterThan(-18);
    expect(lng).toBeLessThan(25);
    expect(lat).toBeGreaterThan(5);
    expect(lat).toBeLessThan(25);
    await expect(page.getByTestId('count').innerText()).resolves.toBe(String(incidents.features.length));
    await page.screenshot({ path: `${SHOTS}/overview.png` });
    console.log(`[e2e] page load to map idle: ${ms} ms`);
  });

  it('renders the Bamako, Mopti and Gao incidents', async () => {
    const places = new Set((await renderedIncidents(page)).map((r) => r.place));
    for (const p of ['Bamako', 'Mopti', 'Gao']) expect(places).toContain(p);
  });

  it('filtering by an actor changes the rendered features and the table', async () => {
    const mopti = pointAt('Mopti');
    const actor = mopti.properties.actors[0]!;
    const before = await renderedIncidents(page);
    const tableBefore = await tableText(page);
    await page.locator(`input[data-actor="${actor}"]`).check();
    await waitMapIdle(page);
    const after = await renderedIncidents(page);
    expect(after.length).toBeLessThan(before.length);
    expect(after.map((r) => r.id)).toContain(mopti.properties.id);
    const byId = new Map(incidents.features.map((f) => [f.properties.id, f.properties]));
    for (const r of after) expect(byId.get(r.id)!.actors).toContain(actor);
    expect(await tableText(page)).not.toBe(tableBefore);
    expect(page.url()).toContain(`actor=${encodeURIComponent(actor).replaceAll('%20', '+')}`);
    await page.getByRole('button', { name: 'Clear all' }).click();
    await waitMapIdle(page);
    expect((await renderedIncidents(page)).length).toBe(before.length);
  });

  it('a filter changed in its values only (another actor, a moved date range) draws exactly the filtered points', async () => {
    // the map applies such a change through the style's global state, not new layer filters (IncidentsLayer)
    const all = (await renderedIncidents(page)).length;
    const expected = () =>
      page.evaluate(() => {
        const a = (
          window as unknown as {
            __sahel: {
              app: {
                filtered: { mask: Uint8Array };
                data: { ix: { n: number; lon: Float64Array; features: { properties: { id: string } }[] } };
              };
            };
          }
        ).__sahel.app;
        const ix = a.data.ix;
        const out: string[] = [];
        for (let i = 0; i < ix.n; i++)
          if (a.filtered.mask[i] && !Number.isNaN(ix.lon[i]!)) out.push(ix.features[i]!.properties.id);
        return out.sort();
      });
    const drawn = async () => (await renderedIncidents(page)).map((r) => r.id).sort();
    const set = (f: Record<string, unknown>) =>
      page.evaluate(
        (f) =>
          Object.assign(
            (window as unknown as { __sahel: { app: { filters: object } } }).__sahel.app.filters,
            f,
          ),
        f,
      );
    const points = incidents.features.filter((f) => f.geometry);
    const actors = [...new Set(points.flatMap((f) => f.properties.actors))];
    expect(actors.length).toBeGreaterThan(1);
    for (const actor of actors) {
      await set({ actors: [actor] });
      await waitMapIdle(page);
      const want = points.filter((f) => f.properties.actors.includes(actor)).map((f) => f.properties.id);
      expect(await expected()).toEqual(want.sort());
      expect(await drawn()).toEqual(want.sort());
    }
    const state = await page.evaluate(() =>
      (
        window as unknown as { __sahel: { map: { getGlobalState(): Record<string, unknown> } } }
      ).__sahel.map.getGlobalState(),
    );
    // the actor is a value of the global state the expressions read (with the other facets' switches)
    expect(Object.values(state)).toContainEqual(expect.arrayContaining([`|${actors.at(-1)}|`]));
    await set({ actors: [] });
    const days = [
      ...new Set(points.map((f) => f.properties.date_start).filter((d): d is string => !!d)),
    ].sort();
    for (const day of days) {
      await set({ dateFrom: day, dateTo: day });
      await waitMapIdle(page);
      const want = await expected();
      expect(want.length).toBeGreaterThan(0);
      expect(await drawn()).toEqual(want);
    }
    await page.getByRole('button', { name: 'Clear all' }).click();
    await waitMapIdle(page);
    expect((await renderedIncidents(page)).length).toBe(all);
  });

  it('clicking a risk-table row selects and highlights its region, and the table narrows to it', async () => {
    await page.locator('section.risk tbody th button', { hasText: /^Mali$/ }).click();
    await page.waitForFunction(
      () => (window as unknown as { __sahel: Hook }).__sahel.app.region === 'country:ML',
    );
    await waitMapIdle(page);
    const state = await hook(page, (h) =>
      h.map.getFeatureState({ source: 'regions', id: h.app.data.rx.byId.get('country:ML')! }),
    );
    expect(state.selected).toBe(true);
    expect(page.url()).toContain('region=country%3AML');
    const rows = await page
      .locator('section.risk tbody tr')
      .evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).dataset.region));
    expect(rows).toContain('country:ML');
    expect(rows).not.toContain('country:BF');
    await page.screenshot({ path: `${SHOTS}/region-selected.png` });
    await page.getByRole('button', { name: 'Show all regions' }).click();
  });

  it('the URL carries view, filters and selection; a link reproduces them; back/forward work', async () => {
    const gao = pointAt('Gao');
    const actor = gao.properties.actors[0]!;
    await page.locator(`input[data-actor="${actor}"]`).check();
    await page.getByLabel('Search text').fill(gao.properties.place_name);
    await page.locator('button[data-incident]').first().click();
    await waitMapIdle(page);
    const selected = await hook(page, (h) => h.app.incident);
    expect(selected).toBeTruthy();
    const count = await page.getByTestId('count').innerText();
    await page.waitForFunction(() => location.search.includes('map='));
    const url = page.url();
    const zoom = await hook(page, (h) => h.map.getZoom());
    await page.screenshot({ path: `${SHOTS}/incident-selected.png` });

    const other = await open(url);
    expect(await other.getByTestId('count').innerText()).toBe(count);
    expect(await hook(other, (h) => h.app.incident)).toBe(selected);
    expect(await other.locator(`input[data-actor="${actor}"]`).isChecked()).toBe(true);
    expect(await other.getByLabel('Search text').inputValue()).toBe(gao.properties.place_name);
    expect(Math.abs((await hook(other, (h) => h.map.getZoom())) - zoom)).toBeLessThan(0.05);
    await other.close();

    // back: the incident selection goes, then the actor filter
    await page.goBack();
    await page.waitForFunction(() => (window as unknown as { __sahel: Hook }).__sahel.app.incident === null);
    await page.goBack();
    await page.waitForFunction(() => !location.search.includes('actor='));
    expect(await page.locator(`input[data-actor="${actor}"]`).isChecked()).toBe(false);
    await page.goForward();
    await page.waitForFunction(() => location.search.includes('actor='));
    expect(await page.locator(`input[data-actor="${actor}"]`).isChecked()).toBe(true);
  });

  it('shows a claim in its source, highlighted, and says so when nothing matches', async () => {
    const mopti = incidents.features.find((f) => f.properties.place_name === 'Mopti');
    expect(mopti).toBeDefined();
    const p = await open(`${base}?incident=${mopti!.properties.id}`);
    expect(await hook(p, (h) => h.app.incident)).toBe(mopti!.properties.id);
    await p.getByRole('button', { name: 'Show in source' }).first().click();
    await expect(p.locator('.source mark').innerText()).resolves.toContain('Mopti');
    await p.screenshot({ path: `${SHOTS}/show-in-source.png` });
    await p.getByLabel('Search text').fill('zzzz no such words');
    await expect(p.getByText('No incident matches these filters.').first().isVisible()).resolves.toBe(true);
    await p.close();
  });

  it('lists the events the build could not place, as text, narrowed by the text filter', async () => {
    const unlocated = JSON.parse(readFileSync('public/data/unlocated.json', 'utf8')) as {
      sentence: string;
    }[];
    expect(unlocated.length).toBeGreaterThan(0);
    const p = await open(base);
    const summary = p.locator('details.unlocated summary');
    await expect(summary.innerText()).resolves.toContain(`(${unlocated.length})`);
    await summary.click();
    const first = unlocated[0]!.sentence;
    await expect(p.locator('details.unlocated q').first().innerText()).resolves.toBe(first);
    await p.screenshot({ path: `${SHOTS}/unlocated.png` });
    // A word of one sentence narrows the list to the sentences holding it.
    const word = first.split(/\s+/).find((w) => /^[A-Za-z]{6,}$/.test(w)) ?? first.split(/\s+/)[0]!;
    const expected = unlocated.filter((u) => u.sentence.toLowerCase().includes(word.toLowerCase())).length;
    await p.getByLabel('Search text').fill(word);
    await expect.poll(() => summary.innerText()).toContain(`(${expected})`);
    await p.close();
  });

  it('fits a laptop split screen and keeps keyboard focus visible', async () => {
    const p = await open(base, { width: 760, height: 900 });
    await p.keyboard.press('Tab');
    await p.keyboard.press('Tab');
    const outline = await p.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).not.toBe('none');
    const overflow = await p.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await p.screenshot({ path: `${SHOTS}/split-screen.png`, fullPage: false });
    await p.close();
  });
});
