// Shared by the e2e suite and the map benchmark: Debian's Chromium through playwright-core, the production build
// served by Vite's preview API on 127.0.0.1, and a guard that fails on any request leaving 127.0.0.1.

import { chromium, type Browser, type Page } from 'playwright-core';
import { preview, type PreviewServer } from 'vite';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
}

/** Serve a built folder (default dist/) on 127.0.0.1, on a free port. */
export async function servePreview(outDir = 'dist'): Promise<{ server: PreviewServer; url: string }> {
  const server = await preview({
    configFile: 'vite.config.ts',
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('preview server has no local URL');
  return { server, url };
}

export interface NetLog {
  failed: string[];
  external: string[];
  consoleErrors: string[];
  pageErrors: string[];
}

/** Record failed requests, requests to anything but 127.0.0.1 (they are aborted), console and page errors. */
export async function guardNetwork(page: Page): Promise<NetLog> {
  const log: NetLog = { failed: [], external: [], consoleErrors: [], pageErrors: [] };
  await page.route('**/*', (route) => {
    const u = new URL(route.request().url());
    if (u.protocol === 'data:' || u.protocol === 'blob:' || u.hostname === '127.0.0.1')
      return route.continue();
    log.external.push(route.request().url());
    return route.abort();
  });
  page.on('requestfailed', (r) => log.failed.push(`${r.url()} ${r.failure()?.errorText ?? ''}`));
  page.on('response', (r) => {
    if (r.status() >= 400) log.failed.push(`${r.url()} HTTP ${r.status()}`);
  });
  page.on('console', (m) => {
    if (m.type() === 'error') log.consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => log.pageErrors.push(e.message));
  return log;
}

/** The risk rows are in (with the slim layer they load after the map's first drawing). */
export async function waitRiskRows(page: Page, timeout = 30_000): Promise<void> {
  await page.waitForFunction(
    () =>
      (window as unknown as { __sahel?: { app: { riskStatus: string } } }).__sahel?.app.riskStatus !==
      'loading',
    undefined,
    { timeout },
  );
}

/** Wait until the app has data and the map has rendered everything (MapLibre's `idle`), and the panels are drawn. */
export async function waitMapIdle(page: Page, timeout = 30_000): Promise<number> {
  await page.waitForFunction(
    () => {
      const w = window as unknown as { __sahel?: { attached?: boolean; map: { loaded(): boolean } } };
      return !!w.__sahel?.attached && w.__sahel.map.loaded();
    },
    undefined,
    { timeout },
  );
  const idle = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const t0 = performance.now();
        const m = (
          window as unknown as {
            __sahel: { map: { once(e: string, f: () => void): void; triggerRepaint(): void } };
          }
        ).__sahel.map;
        m.once('idle', () => resolve(performance.now() - t0));
        m.triggerRepaint();
      }),
  );
  // the panels are drawn after the map's first drawing (AppState.afterFirstDraw)
  await page.waitForFunction(() => !!document.querySelector('.app[data-panels]'), undefined, { timeout });
  return idle;
}

/** Rendered incident features (points, not clusters) as [id, place] pairs. */
export function renderedIncidents(page: Page): Promise<{ fid: number; id: string; place: string }[]> {
  return page.evaluate(() => {
    const w = window as unknown as {
      __sahel: {
        map: { queryRenderedFeatures(o: { layers: string[] }): { properties: { fid: number } }[] };
        app: { data: { ix: { features: { properties: { id: string; place_name: string } }[] } } };
      };
    };
    const feats = w.__sahel.map.queryRenderedFeatures({ layers: ['incident-points', 'cluster-points'] });
    const seen = new Set<number>();
    const out: { fid: number; id: string; place: string }[] = [];
    for (const f of feats) {
      const fid = f.properties.fid;
      if (seen.has(fid)) continue;
      seen.add(fid);
      const p = w.__sahel.app.data.ix.features[fid]!.properties;
      out.push({ fid, id: p.id, place: p.place_name });
    }
    return out;
  });
}
