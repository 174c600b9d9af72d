// The first load draws the map first (issue 12): the side panels come after the map's first drawing, each saying
// meanwhile that it is being drawn, and a long actor list draws a first screen with a find box and "Show more"
// (every actor reachable by keyboard), the chosen actors always among those drawn.
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import type { PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IncidentCollection, IncidentFeature, SourceOut } from '../../src/pipeline/contract.ts';
import { writeMapFolder } from '../map-layer/corpus.ts';
import { guardNetwork, launchChromium, servePreview, waitMapIdle } from './helpers.ts';

const DIR = '.cache/e2e-first-screen';
/** More actors than a facet draws at once (FilterPanel's FACET_STEP, 50). */
const ACTORS = 80;
const actor = (k: number) => `Militia ${String(k).padStart(2, '0')}`;
let server: PreviewServer;
let url: string;
let browser: Browser;

beforeAll(async () => {
  rmSync(DIR, { recursive: true, force: true });
  cpSync('dist', DIR, { recursive: true });
  const incidents = JSON.parse(
    readFileSync(join(DIR, 'data/incidents.geojson'), 'utf8'),
  ) as IncidentCollection;
  const sources = JSON.parse(readFileSync(join(DIR, 'data/sources.json'), 'utf8')) as SourceOut[];
  const model = incidents.features.find((f) => f.geometry)!;
  for (let k = 0; k < ACTORS; k++) {
    const f = structuredClone(model) as IncidentFeature;
    f.properties.id = `many-${k}`;
    f.properties.actors = [actor(k)];
    f.properties.actor_types = ['Identity militias'];
    f.properties.claims = f.properties.claims.map((c) => ({
      ...c,
      id: `many-${k}-${c.id}`,
      actors: [actor(k)],
    }));
    incidents.features.push(f);
  }
  writeFileSync(join(DIR, 'data/incidents.geojson'), JSON.stringify(incidents));
  writeMapFolder(join(DIR, 'data'), incidents.features, sources); // the slim layer the map loads first
  ({ server, url } = await servePreview(DIR));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(DIR, { recursive: true, force: true });
});

describe('the first screen', () => {
  it('draws the panels after the map, saying so meanwhile', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
    const log = await guardNetwork(page);
    // the state the page is in when the data are ready, before the map's first drawing
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __seen: string[] }).__seen = seen;
      // called after the DOM change that marks the app ready, before any other task runs
      const o = new MutationObserver(() => {
        if (!document.querySelector('.app[data-status="ready"]')) return;
        o.disconnect();
        seen.push(
          ...[...document.querySelectorAll('aside [role="status"]')].map((e) => e.textContent ?? ''),
          `filters ${document.querySelectorAll('section.filters').length}`,
        );
      });
      o.observe(document, { subtree: true, attributes: true, attributeFilter: ['data-status'] });
    });
    await page.goto(url);
    await waitMapIdle(page);
    const seen = await page.evaluate(() => (window as unknown as { __seen: string[] }).__seen);
    expect(seen).toEqual([
      'Drawing the filters…',
      'Drawing the incident list and the region table…',
      'filters 0',
    ]);
    await expect(page.locator('section.filters').count()).resolves.toBe(1);
    await expect(page.locator('aside [role="status"]').count()).resolves.toBe(0);
    expect(log.pageErrors).toEqual([]);
    await page.close();
  });

  it('a long actor list: a first screen, a find box, "Show more", chosen actors always drawn', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
    const log = await guardNetwork(page);
    await page.goto(`${url}?actor=${encodeURIComponent(actor(79))}`);
    await waitMapIdle(page);
    const boxes = page.locator('input[data-actor]');
    const total = await page.evaluate(
      () =>
        (window as unknown as { __sahel: { app: { data: { ix: { dicts: { actor: { size: number } } } } } } })
          .__sahel.app.data.ix.dicts.actor.size,
    );
    expect(total).toBeGreaterThan(ACTORS);
    // the chosen one and 50 others
    await expect(boxes.count()).resolves.toBe(51);
    await expect(page.locator(`input[data-actor="${actor(79)}"]`).isChecked()).resolves.toBe(true);
    const more = page.getByRole('button', { name: /^Show \d+ more of \d+ actors$/ });
    await expect(more.innerText()).resolves.toBe(
      `Show ${Math.min(50, total - 51)} more of ${total - 51} actors`,
    );
    // the find box narrows to matching actors, one keystroke away from any of them
    const find = page.getByLabel(`Find an actor (${total})`);
    await find.fill('militia 4');
    await expect(boxes.count()).resolves.toBe(11); // Militia 40-49 and the chosen one
    await page.locator(`input[data-actor="${actor(42)}"]`).focus();
    await page.keyboard.press('Space');
    await expect(page.locator(`input[data-actor="${actor(42)}"]`).isChecked()).resolves.toBe(true);
    await expect(page.getByTestId('count').innerText()).resolves.toBe('2');
    await find.fill('');
    await expect(boxes.count()).resolves.toBe(52);
    // "Show more" until every actor is drawn
    while (await page.getByRole('button', { name: /^Show \d+ more of \d+ actors$/ }).count())
      await page.getByRole('button', { name: /^Show \d+ more of \d+ actors$/ }).click();
    await expect(boxes.count()).resolves.toBe(total);
    expect(log.pageErrors).toEqual([]);
    await page.close();
  });
});
