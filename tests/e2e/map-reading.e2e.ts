// Reading the map (issue 10.5) on a data folder written here, so the cases are there whatever the corpus holds:
// three incidents at one point (a count badge, a hover card listing all three, the filters change the count); one
// incident of each modality, told apart on the map's pixels and in the legend without relying on colour.
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  ClaimProps,
  IncidentCollection,
  IncidentFeature,
  Modality,
  RiskRowOut,
  SourceOut,
} from '../../src/pipeline/contract.ts';
import { OUTPUT_FILES } from '../../src/pipeline/contract.ts';
import { guardNetwork, launchChromium, servePreview, waitMapIdle } from './helpers.ts';

const DIR = '.cache/e2e-map-reading';
const SHOTS = process.env.SCREENSHOTS ?? '.cache/screenshots';
let server: PreviewServer;
let url: string;
let browser: Browser;

const TEXT = 'Gunmen attacked the town.';
const sources: SourceOut[] = [
  { id: 's', file: 's.txt', title: 'Report', publisher: null, published: '2025-03-20', text: TEXT },
];
const claim = (id: string, modality: Modality, date: string): ClaimProps => ({
  id,
  unlocated_name: null,
  source_id: 's',
  source_title: 'Report',
  publisher: null,
  published: '2025-03-20',
  sentence: TEXT,
  start: 0,
  end: TEXT.length,
  actors: ['JNIM'],
  fatalities: null,
  modality,
  date_start: date,
  date_end: date,
});
interface Opts {
  at: [number, number] | null;
  type?: string;
  modality?: Modality;
  date?: string;
  region?: string;
  admin1?: string;
}
function incident(id: string, place: string, o: Opts): IncidentFeature {
  const modality = o.modality ?? 'reported';
  const date = o.date ?? '2025-03-10';
  return {
    type: 'Feature',
    geometry: o.at ? { type: 'Point', coordinates: o.at } : null,
    properties: {
      id,
      place_id: `test:${place}`,
      place_name: place,
      country: 'ML',
      region_id: o.region ?? null,
      admin1: o.admin1 ?? null,
      admin2: null,
      fatalities_range: null,
      geo_precision: o.at ? 1 : 3,
      event_type: o.type ?? 'Battles',
      sub_event_type: null,
      date_start: date,
      date_end: date,
      time_precision: 1,
      actors: ['JNIM'],
      actor_types: ['Rebel groups'],
      fatalities: null,
      impacts: [],
      modality,
      n_sources: 1,
      claims: [claim(`c-${id}`, modality, date)],
    },
  };
}

const MODALITIES: Modality[] = ['reported', 'claimed', 'alleged', 'speculative', 'historical'];
/** One point per modality in a row across the empty north of Mali (no town label, border or river near). */
const modalityAt = (k: number): [number, number] => [-3.5 + 0.5 * k, 18.0];

/** Douentza: three incidents at one point. */
const STACK: [number, number] = [-2.95, 15.0];
const incidents: IncidentCollection = {
  type: 'FeatureCollection',
  features: [
    incident('st-1', 'Douentza', { at: STACK, date: '2025-03-01' }),
    incident('st-2', 'Douentza', { at: STACK, type: 'Violence against civilians', date: '2025-03-12' }),
    incident('st-3', 'Douentza', { at: STACK, type: 'Protests', date: '2025-03-05' }),
    incident('alone', 'Boni', { at: [-1.9, 15.05] }),
    ...MODALITIES.map((m, k) => incident(`mod-${m}`, `Desert ${m}`, { at: modalityAt(k), modality: m })),
  ],
};
const risk: RiskRowOut[] = [];

beforeAll(async () => {
  rmSync(DIR, { recursive: true, force: true });
  cpSync('dist', DIR, { recursive: true }); // the app, the regions and the basemap
  // a build's chunked map/ folder, where there is one, would be loaded instead of the files written here
  rmSync(join(DIR, 'data', 'map'), { recursive: true, force: true });
  const write = (rel: string, value: unknown) => writeFileSync(join(DIR, 'data', rel), JSON.stringify(value));
  write(OUTPUT_FILES.incidents, incidents);
  write(OUTPUT_FILES.sources, sources);
  write(OUTPUT_FILES.risk, risk);
  write(OUTPUT_FILES.unlocated, []);
  mkdirSync(SHOTS, { recursive: true });
  ({ server, url } = await servePreview(DIR));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(DIR, { recursive: true, force: true });
});

async function open(search: string): Promise<Page> {
  const p = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const log = await guardNetwork(p);
  p.on('close', () => expect(log.pageErrors).toEqual([]));
  await p.goto(`${url}${search}`);
  await waitMapIdle(p);
  return p;
}

/** Page coordinates of a longitude/latitude on the map. */
async function screenAt(p: Page, [lon, lat]: [number, number]): Promise<{ x: number; y: number }> {
  return (await p.evaluate(`(() => {
    const m = window.__sahel.map; const r = m.getCanvas().getBoundingClientRect();
    const q = m.project([${lon}, ${lat}]); return { x: r.left + q.x, y: r.top + q.y };
  })()`)) as { x: number; y: number };
}

/** The count badges drawn, as {here, lon} (rendered features, so only what MapLibre placed). */
async function badges(p: Page): Promise<{ here: number; label: string }[]> {
  await waitMapIdle(p);
  return (await p.evaluate(`window.__sahel.map.queryRenderedFeatures({ layers: ['stack-labels'] })
    .map((f) => ({ here: f.properties.here, label: f.properties.label }))`)) as {
    here: number;
    label: string;
  }[];
}

describe('several incidents at one point', () => {
  it('show their count on a badge, the hover card lists them all, a click opens the newest', async () => {
    const p = await open('?map=8.00/15.0000/-2.5000');
    expect(await badges(p)).toEqual([{ here: 3, label: '3' }]);
    const at = await screenAt(p, STACK);
    await p.mouse.move(at.x, at.y);
    const card = p.locator('.hover-card');
    await card.waitFor();
    const text = await card.innerText();
    expect(text).toContain('3 incidents at Douentza');
    // newest first
    const lines = await card.locator('li').allInnerTexts();
    expect(lines.map((l) => l.split(' · ')[0])).toEqual([
      'Violence against civilians',
      'Protests',
      'Battles',
    ]);
    await p.screenshot({ path: `${SHOTS}/stacked-incidents.png` });
    await p.mouse.click(at.x, at.y);
    await p.waitForFunction(() => location.search.includes('incident=st-2'));
    const panel = p.locator('section.incident');
    await expect(panel.getByRole('heading', { name: 'Also at this place (2)' }).count()).resolves.toBe(1);
    // the others are reachable from the panel by keyboard
    const other = panel.getByRole('button', { name: /^Protests/ });
    await other.focus();
    await p.keyboard.press('Enter');
    await p.waitForFunction(() => location.search.includes('incident=st-3'));
    await p.close();
  });

  it('the badge follows the filters: two left say 2, one left has no badge', async () => {
    const p = await open('?map=8.00/15.0000/-2.5000&type=Battles&type=Protests');
    expect(await badges(p)).toEqual([{ here: 2, label: '2' }]);
    await p.close();
    const q = await open('?map=8.00/15.0000/-2.5000&type=Battles');
    expect(await badges(q)).toEqual([]);
    const at = await screenAt(q, STACK);
    await q.mouse.move(at.x, at.y);
    const card = q.locator('.hover-card');
    await card.waitFor();
    expect(await card.innerText()).not.toContain('incidents at');
    await q.close();
  });
});

/** RGBA pixels of a page area (a screenshot decoded in the page). */
async function pixels(p: Page, x: number, y: number, size: number): Promise<number[]> {
  const png = await p.screenshot({ clip: { x, y, width: size, height: size } });
  return p.evaluate(async (b64) => {
    const blob = await (await fetch(`data:image/png;base64,${b64}`)).blob();
    const img = await createImageBitmap(blob);
    const c = new OffscreenCanvas(img.width, img.height);
    const g = c.getContext('2d')!;
    g.drawImage(img, 0, 0);
    return [...g.getImageData(0, 0, img.width, img.height).data];
  }, png.toString('base64'));
}

describe('modality on the map and in the legend', () => {
  it('claimed, alleged, reported, forecast and historical points differ in fill and rings, not only colour', async () => {
    const p = await open('?map=7.50/18.0000/-2.5000');
    // no stack, nothing hovered: each point as the style draws it at zoom 7.5 (radius ~4.9 px)
    const R = 3 + (3 * 4.5) / 7;
    const S = 40;
    const look: Record<string, { centre: number; outerRing: number; ring: number }> = {};
    for (const [k, m] of MODALITIES.entries()) {
      const at = await screenAt(p, modalityAt(k));
      const x0 = Math.round(at.x) - S / 2;
      const y0 = Math.round(at.y) - S / 2;
      const px = await pixels(p, x0, y0, S);
      const bg = px.slice(0, 3); // a corner, far from the point
      const diff = (i: number) =>
        Math.abs(px[i]! - bg[0]!) + Math.abs(px[i + 1]! - bg[1]!) + Math.abs(px[i + 2]! - bg[2]!);
      let outerRing = 0;
      let ring = 0;
      for (let yy = 0; yy < S; yy++)
        for (let xx = 0; xx < S; xx++) {
          const d = Math.hypot(xx + x0 + 0.5 - at.x, yy + y0 + 0.5 - at.y);
          const i = (yy * S + xx) * 4;
          if (d >= R + 2.2 && d <= R + 4.2 && diff(i) > 60) outerRing++;
          if (d >= R - 1 && d <= R + 1 && diff(i) > 60) ring++;
        }
      const ci = ((S / 2) * S + S / 2) * 4;
      look[m] = { centre: diff(ci), outerRing, ring };
    }
    console.log('[e2e] modality pixels', JSON.stringify(look));
    // an allegation has the second ring, nothing else does
    expect(look.alleged!.outerRing).toBeGreaterThan(30);
    for (const m of ['reported', 'claimed', 'speculative', 'historical'])
      expect(look[m]!.outerRing).toBeLessThan(10);
    // a forecast is hollow, a report solid, a claim and a history in between
    expect(look.speculative!.centre).toBeLessThan(40);
    expect(look.reported!.centre).toBeGreaterThan(look.historical!.centre + 40);
    expect(look.historical!.centre).toBeGreaterThan(look.speculative!.centre + 40);
    // a claim's thick ring covers more of the rim than an allegation's thin one
    expect(look.claimed!.ring).toBeGreaterThan(look.alleged!.ring);

    // the legend says the same, with the same marks
    await p.getByRole('button', { name: 'Show' }).click();
    const swatch = (m: string) =>
      p.locator(`.legend li[data-modality="${m}"] .dot`).evaluate((e) => {
        const cs = getComputedStyle(e);
        return `${cs.borderTopWidth} ${cs.boxShadow} ${cs.backgroundColor}`;
      });
    const sw = await Promise.all(MODALITIES.map(swatch));
    expect(new Set(sw).size).toBe(MODALITIES.length);
    const legend = await p.locator('.legend').innerText();
    expect(legend).toContain('Alleged (pale, double ring)');
    expect(legend).toContain('Claimed by an actor (pale, thick ring)');
    await p.screenshot({ path: `${SHOTS}/modalities.png` });
    await p.close();
  });
});

describe('region table', () => {
  it('says which rows overlap, so one incident counted in several rows does not read as several', async () => {
    const p = await open('');
    await expect(p.getByTestId('overlap-note').innerText()).resolves.toContain('Rows overlap');
    // Douentza (admin-2) lies in Mali and shares all its incidents with it
    const target = p.locator('section.risk tr[data-region="admin2:ML0504"]');
    const n = Number(await target.locator('td.num').first().innerText());
    expect(n).toBeGreaterThan(0);
    const more = target.locator('xpath=following-sibling::tr[1]');
    const text = await more.innerText();
    expect(text).toContain('Overlaps');
    expect(text).toMatch(new RegExp(`Mali \\(country, ${n} in both\\)`));
    await p.close();
  });
});

describe('town labels by importance', () => {
  const labelled = async (p: Page) => {
    await waitMapIdle(p);
    return (await p.evaluate(`window.__sahel.map.queryRenderedFeatures({ layers: ['town-labels'] })
      .map((f) => ({ name: f.properties.name, rank: f.properties.rank }))`)) as {
      name: string;
      rank: number;
    }[];
  };
  it('the overview names capitals and cities only; zoomed in, the smaller towns come in', async () => {
    const p = await open('');
    const zoom = (await p.evaluate('window.__sahel.map.getZoom()')) as number;
    expect(zoom).toBeLessThan(5.5);
    const wide = await labelled(p);
    expect(wide.map((l) => l.name)).toEqual(expect.arrayContaining(['Bamako', 'Niamey', 'Ouagadougou']));
    expect(wide.every((l) => l.rank <= 2)).toBe(true);
    await p.close();
    const q = await open('?map=7.00/14.0000/-3.5000');
    const close = await labelled(q);
    expect(close.map((l) => l.name)).toEqual(expect.arrayContaining(['Mopti', 'Ouahigouya']));
    await q.screenshot({ path: `${SHOTS}/town-labels-zoom7.png` });
    await q.close();
  });
});
