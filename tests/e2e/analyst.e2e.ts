// What an analyst does all day, in Chromium: typed dates and presets, slider keys, play over stretches with data,
// links that fail in words, skip links and Escape.
import { mkdirSync, readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { fromDay, toDay } from '../../src/app/lib/dates.ts';
import { emptyFilters, matchesIncident } from '../../src/app/lib/filters.ts';
import type { IncidentCollection } from '../../src/pipeline/contract.ts';
import { guardNetwork, launchChromium, waitMapIdle, waitRiskRows } from './helpers.ts';

const base = inject('baseUrl');
const SHOTS = process.env.SCREENSHOTS ?? '.cache/screenshots';
const incidents = JSON.parse(readFileSync('public/data/incidents.geojson', 'utf8')) as IncidentCollection;
const dated = incidents.features.filter((f) => f.properties.date_start);
let browser: Browser;

async function open(url: string, viewport = { width: 1440, height: 900 }): Promise<Page> {
  const p = await browser.newPage({ viewport });
  await guardNetwork(p);
  await p.goto(url);
  await waitMapIdle(p);
  await waitRiskRows(p); // the table and screenshots with every row
  return p;
}
const count = async (p: Page) => Number(await p.getByTestId('count').innerText());
const expected = (from: string | null, to: string | null) =>
  incidents.features.filter((f) =>
    matchesIncident(f.properties, { ...emptyFilters(), dateFrom: from, dateTo: to }),
  ).length;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('dates an analyst can query', () => {
  it('typed from/to dates filter the map and go into the URL', async () => {
    const p = await open(base);
    const days = dated.map((f) => f.properties.date_start!).sort();
    const from = days[Math.floor(days.length / 3)]!.slice(0, 10);
    const to = days.at(-1)!.slice(0, 10);
    await p.getByLabel('From date').fill(from);
    await p.waitForFunction((f) => location.search.includes(`from=${f}`), from);
    expect(await count(p)).toBe(expected(from, null));
    await p.getByLabel('To date').fill(to);
    expect(await count(p)).toBe(expected(from, p.url().includes('to=') ? to : null));
    await p.getByRole('button', { name: 'All dates' }).click();
    expect(await count(p)).toBe(incidents.features.length);
    await p.close();
  });

  it('presets: the last 90 days of the data; slider keys step a day and a month', async () => {
    const p = await open(base);
    const last = Math.max(...dated.map((f) => toDay(f.properties.date_end ?? f.properties.date_start, true)));
    await p.getByLabel('Date preset').selectOption('Last 90 days of the data');
    await p.waitForFunction(() => location.search.includes('from='));
    const from = fromDay(last - 89);
    expect(p.url()).toContain(`from=${from}`);
    expect(await count(p)).toBe(expected(from, null));
    const slider = p.getByRole('slider', { name: 'From' });
    await slider.focus();
    await p.keyboard.press('ArrowLeft');
    await p.waitForFunction((f) => location.search.includes(`from=${f}`), fromDay(last - 90));
    await p.keyboard.press('PageDown');
    const month = new Date((last - 90) * 86_400_000);
    month.setUTCMonth(month.getUTCMonth() - 1);
    const back = month.toISOString().slice(0, 10);
    // PageDown is a calendar month back (the day clamped to the month's length)
    await p.waitForFunction((b) => {
      const f = new URLSearchParams(location.search).get('from') ?? '';
      return f.slice(0, 7) === b.slice(0, 7);
    }, back);
    expect(await p.locator('[data-testid="density"] .bar').count()).toBeGreaterThan(1);
    await p.close();
  });

  it('play steps through months that hold incidents, never showing an empty map', async () => {
    const p = await open(base);
    await p.getByLabel('Play by').selectOption('month');
    await p.getByRole('button', { name: 'Play' }).click();
    const seen: number[] = [];
    for (let i = 0; i < 3; i++) {
      await p.waitForTimeout(750);
      seen.push(await count(p));
    }
    await p.getByRole('button', { name: 'Pause' }).click();
    expect(seen.every((n) => n > 0)).toBe(true);
    await p.close();
  });
});

describe('links that fail in words', () => {
  it('an unknown incident id says so and keeps the rest of the view', async () => {
    const p = await open(`${base}?incident=deadbeef&q=Mali`);
    await expect(p.getByText('This incident is not in the current data').isVisible()).resolves.toBe(true);
    expect(await p.getByLabel('Search text').inputValue()).toBe('Mali');
    expect(await p.locator('button[data-incident]').count()).toBeGreaterThan(0);
    await p.getByRole('button', { name: 'Dismiss' }).click();
    await p.waitForFunction(() => !location.search.includes('incident='));
    await p.close();
  });

  it('an unknown actor in the URL is a removable chip "not in this data"', async () => {
    const p = await open(`${base}?actor=${encodeURIComponent('No Such Brigade')}`);
    const chip = p.locator('.chip', { hasText: 'No Such Brigade' });
    await expect(chip.innerText()).resolves.toContain('not in this data');
    await p.getByRole('button', { name: 'Remove actor No Such Brigade' }).click();
    await p.waitForFunction(() => !location.search.includes('actor='));
    expect(await count(p)).toBe(incidents.features.length);
    await p.close();
  });
});

describe('keyboard', () => {
  it('skip links reach the filters, the map and the incident list in one Tab each', async () => {
    const p = await open(base);
    await p.keyboard.press('Tab');
    expect(await p.evaluate(() => document.activeElement?.textContent)).toBe('Skip to filters');
    await p.keyboard.press('Enter');
    expect(await p.evaluate(() => (document.activeElement as HTMLInputElement).type)).toBe('search');
    await p.locator('body').focus();
    await p.getByRole('link', { name: 'Skip to map' }).focus();
    await p.keyboard.press('Enter');
    expect(await p.evaluate(() => document.activeElement?.classList.contains('maplibregl-canvas'))).toBe(
      true,
    );
    await p.getByRole('link', { name: 'Skip to incident list' }).focus();
    await p.keyboard.press('Enter');
    expect(await p.evaluate(() => document.activeElement?.hasAttribute('data-incident'))).toBe(true);
    await p.close();
  });

  it('Escape closes the source view, then the incident panel, returning focus to what opened each', async () => {
    const p = await open(base);
    const row = p.locator('button[data-incident]').first();
    const id = await row.getAttribute('data-incident');
    await row.focus();
    await p.keyboard.press('Enter');
    await p.waitForFunction((i) => location.search.includes(`incident=${i}`), id);
    const show = p.getByRole('button', { name: 'Show in source' }).first();
    await show.focus();
    await p.keyboard.press('Enter');
    await p.locator('.source').waitFor();
    await p.keyboard.press('Escape');
    await p.locator('.source').waitFor({ state: 'detached' });
    expect(await p.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Show in source');
    await p.keyboard.press('Escape');
    await p.waitForFunction(() => !location.search.includes('incident='));
    await p.waitForFunction((i) => document.activeElement?.getAttribute('data-incident') === i, id);
    await p.close();
  });
});

describe('layout at 1440x900 and 1024x700', () => {
  it('1440: the region table fits its pane; the legend starts collapsed', async () => {
    const p = await open(base);
    await p.screenshot({ path: `${SHOTS}/overview-1440.png` });
    const fit = await p.evaluate(`(() => {
      const t = document.querySelector('section.risk table');
      const pane = document.querySelector('.side-right .table');
      return { table: t.getBoundingClientRect().width, pane: pane.clientWidth, scroll: t.parentElement.scrollWidth - t.parentElement.clientWidth };
    })()`);
    expect(fit).toMatchObject({ scroll: 0 });
    expect((fit as { table: number; pane: number }).table).toBeLessThanOrEqual(
      (fit as { pane: number }).pane,
    );
    await expect(p.getByRole('button', { name: 'Show' }).getAttribute('aria-expanded')).resolves.toBe(
      'false',
    );
    await p.close();
  });

  it('1024: opening an incident brings its panel into view', async () => {
    const p = await open(base, { width: 1024, height: 700 });
    await p.locator('button[data-incident]').first().click();
    await p.locator('#incident-h').waitFor();
    await p.waitForTimeout(200);
    const top = await p.evaluate(`document.querySelector('#incident-h').getBoundingClientRect().top`);
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(700 / 2);
    await p.screenshot({ path: `${SHOTS}/incident-1024.png` });
    await p.close();
  });
});

describe('reading incidents', () => {
  it('a hover card gives type, place, date, toll and claim count; the list sorts', async () => {
    const p = await open(base);
    // a point alone at its place (a stack's card lists its incidents instead: map-reading.e2e.ts)
    const key = (x: (typeof incidents.features)[number]) => x.geometry?.coordinates.join() ?? '';
    const f = incidents.features.find(
      (x) => x.geometry && incidents.features.filter((y) => key(y) === key(x)).length === 1,
    )!;
    const [lon, lat] = f.geometry!.coordinates;
    const at = (await p.evaluate(`(() => {
      const m = window.__sahel.map; const r = m.getCanvas().getBoundingClientRect();
      const q = m.project([${lon}, ${lat}]); return { x: r.left + q.x, y: r.top + q.y };
    })()`)) as { x: number; y: number };
    await p.mouse.move(at.x, at.y);
    const card = p.locator('.hover-card');
    await card.waitFor();
    const text = await card.innerText();
    expect(text).toContain(f.properties.event_type);
    expect(text).toMatch(/claims?/);
    expect(text).toMatch(/killed|fatalities not stated/);

    const ids = async () =>
      p.locator('button[data-incident]').evaluateAll((bs) => bs.map((b) => b.getAttribute('data-incident')));
    const byDate = [...incidents.features]
      .filter((x) => x.properties.date_start)
      .sort((a, b) => (b.properties.date_start! < a.properties.date_start! ? -1 : 1));
    const firstId = (await ids())[0];
    const first = incidents.features.find((x) => x.properties.id === firstId)!;
    expect(first.properties.date_start).toBe(byDate[0]!.properties.date_start);
    await p.getByLabel('Sort incidents').selectOption('toll');
    const topId = (await ids())[0];
    const top = incidents.features.find((x) => x.properties.id === topId)!;
    const maxToll = Math.max(
      ...incidents.features.map((x) => x.properties.fatalities_range?.[1] ?? x.properties.fatalities ?? -1),
    );
    expect(top.properties.fatalities_range?.[1] ?? top.properties.fatalities ?? -1).toBe(maxToll);
    await p.close();
  });
});
