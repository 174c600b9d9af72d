// Map benchmark: seeded synthetic sets (10k, 100k, 1M) in headless Chromium. For the app and for the naive approach
// (setData on every change): time to idle, filter-change latency (median, p95) for actor and date changes at the
// Sahel overview (clusters) and at zoom 7 (points), and main-thread long tasks while panning. Plus bundle size.
// Run: npx tsx tests/bench/map/run.ts [sizes=10000,100000,1000000]   (or import { runMapBench })

import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import { launchChromium } from '../../e2e/helpers.ts';
import type { FilterState } from '../../../src/app/lib/filters.ts';
import { buildBenchPage, serveBenchPage } from './bench-page.ts';
import { repaintToIdle } from './frame-costs.ts';

const OUT = '.cache/bench-map';

/** app: the columnar layer; app-geojson: the same app on GeoJSON in memory; naive: setData on every change. */
export type Mode = 'app' | 'app-geojson' | 'naive';

export interface Latency {
  median: number;
  p95: number;
  runs: number;
}

export interface MapBenchRow {
  n: number;
  mode: Mode;
  genMs: number;
  /** First idle after the data is handed over: the overview (clusters or points, regions) is drawn. */
  firstIdleMs: number;
  /** Idle with every source loaded, including the full point source sent in the background. */
  idleMs: number;
  repaintFloor: Latency;
  actorOverview: Series;
  dateOverview: Series;
  actorZoomed: Series;
  dateZoomed: Series;
  panLongTasks: number;
  panBlockingMs: number;
  heapMB: number;
}

/** A series of filter changes: main-thread time, time to idle, and frames MapLibre rendered until idle. */
export interface Series {
  main: Latency;
  idle: Latency;
  frames: Latency;
}

export interface MapBenchResult {
  bundle: { mainJsGzipKB: number; workerGzipKB: number; cssGzipKB: number };
  rows: MapBenchRow[];
}

function stats(xs: number[]): Latency {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)] ?? NaN;
  return { median: Math.round(q(0.5)), p95: Math.round(q(0.95)), runs: s.length };
}

/** JS the browser loads for the app, without data: gzip sizes of dist/assets. */
export function bundleSize(dir = 'dist/assets'): MapBenchResult['bundle'] {
  let main = 0;
  let worker = 0;
  let css = 0;
  for (const f of readdirSync(dir)) {
    const gz = gzipSync(readFileSync(join(dir, f)), { level: 9 }).length / 1024;
    if (f.startsWith('maplibre-gl-worker')) worker += gz;
    else if (f.endsWith('.js') || f.endsWith('.mjs')) main += gz;
    else if (f.endsWith('.css')) css += gz;
  }
  return { mainJsGzipKB: Math.round(main), workerGzipKB: Math.round(worker), cssGzipKB: Math.round(css) };
}

/** Idle with no window of a large set still being written (the map can go idle before one is in). */
async function whenIdle(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const w = window as unknown as { __sahel?: { pendingWindows?: number } };
    while (w.__sahel?.pendingWindows) await new Promise((r) => setTimeout(r, 20));
  });
  await repaintToIdle(page, '__bench');
}

async function measureChange(
  page: Page,
  mode: string,
  change: 'actor' | 'date',
  k: number,
): Promise<[number, number, number, string]> {
  return page.evaluate(
    async ({ mode, change, k }) => {
      const actors = ['JNIM', 'Wagner Group', 'Military Forces of Mali', 'France', 'AQIM'];
      const day = (d: number) => new Date(Date.UTC(2014, 0, 1) + d * 86_400_000).toISOString().slice(0, 10);
      const f: FilterState = {
        actors: [],
        eventTypes: [],
        modalities: [],
        impacts: [],
        sources: [],
        dateFrom: null,
        dateTo: null,
        q: '',
      };
      if (change === 'actor') f.actors = [actors[k % actors.length]!];
      else {
        f.dateFrom = day(k * 30);
        f.dateTo = day(k * 30 + 365);
      }
      const w = window as unknown as {
        __bench: {
          map: {
            once(e: string, cb: () => void): void;
            on(
              e: string,
              cb: (e: { sourceId?: string; sourceDataType?: string; tile?: unknown }) => void,
            ): void;
            off(
              e: string,
              cb: (e: { sourceId?: string; sourceDataType?: string; tile?: unknown }) => void,
            ): void;
          };
          apply?: (f: FilterState) => Promise<void>;
        };
        __sahel?: { app: { filters: FilterState } };
      };
      const m = w.__bench.map;
      const t0 = performance.now();
      // what MapLibre does until idle: each frame (R) and each source's new data or tile, in ms from the change
      const events: string[] = [];
      let frames = 0;
      const at = () => Math.round(performance.now() - t0);
      const onRender = () => {
        frames++;
        events.push(`R${at()}`);
      };
      const onData = (e: { sourceId?: string; sourceDataType?: string; tile?: unknown }) => {
        if (e.sourceId && (e.tile || e.sourceDataType === 'content'))
          events.push(`${e.sourceId}${e.tile ? '' : ':content'}@${at()}`);
      };
      m.on('render', onRender);
      m.on('sourcedata', onData);
      const idle = new Promise<void>((r) => m.once('idle', () => r()));
      // main thread: the synchronous work (naive: filter + setData's structured clone; app: the Svelte flush with
      // filter pass, counts, table, clusters and setFilter), measured after the microtask queue drains
      const done = mode === 'naive' ? w.__bench.apply!(f) : Object.assign(w.__sahel!.app.filters, f);
      await Promise.resolve();
      await Promise.resolve();
      const main = performance.now() - t0;
      await done;
      await idle;
      const total = performance.now() - t0;
      m.off('render', onRender);
      m.off('sourcedata', onData);
      return [main, total, frames, events.join(' ')];
    },
    { mode, change, k },
  );
}

async function series(
  page: Page,
  mode: string,
  change: 'actor' | 'date',
  runs: number,
  budgetMs: number,
  log: (s: string) => void,
): Promise<Series> {
  const main: number[] = [];
  const idle: number[] = [];
  const frames: number[] = [];
  const t0 = Date.now();
  for (let k = 0; k < runs && Date.now() - t0 < budgetMs; k++) {
    const [a, b, f, events] = await measureChange(page, mode, change, k);
    main.push(a);
    idle.push(b);
    frames.push(f);
    if (k < 2 && process.env.MAP_BENCH_EVENTS) log(`    ${change} #${k}: ${events}`);
  }
  return { main: stats(main), idle: stats(idle), frames: stats(frames) };
}

/** What one repaint costs with no change at all (SwiftShader renders on the CPU): the floor under every latency. */
async function repaintFloor(page: Page): Promise<Latency> {
  const xs: number[] = [];
  for (let k = 0; k < 8; k++) {
    const { start, idle } = await repaintToIdle(page, '__bench');
    xs.push(idle - start);
  }
  return stats(xs.slice(2));
}

async function benchOne(
  baseUrl: string,
  n: number,
  mode: Mode,
  log: (s: string) => void,
): Promise<MapBenchRow> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.on('pageerror', (e) => log(`  page error: ${e.message}`));
    // tsx (esbuild keepNames) wraps named inner functions in __name(); give the page a no-op one
    await page.addInitScript('globalThis.__name = (f) => f');
    await page.goto(`${baseUrl}bench.html?n=${n}&mode=${mode}`, { timeout: 300_000 });
    // time to idle: from handing the generated data to the map until it has drawn everything
    const [firstIdleMs, idleMs] = await page.evaluate(
      () =>
        new Promise<[number, number]>((resolve) => {
          const w = window as unknown as {
            __bench: { t0: number; map?: unknown };
            __sahel?: { map: unknown; attached?: boolean; firstIdle?: number };
          };
          const tick = () => {
            const m = (w.__bench.map ?? w.__sahel?.map) as
              | {
                  loaded(): boolean;
                  isSourceLoaded(id: string): boolean;
                  areTilesLoaded(): boolean;
                  once(e: string, f: () => void): void;
                }
              | undefined;
            if (m && m.loaded() && (w.__bench.map || w.__sahel?.attached)) {
              w.__bench.map = m;
              let first = -1;
              const done = () => {
                const t = performance.now() - w.__bench.t0;
                if (first < 0) first = t;
                const fi = w.__sahel?.firstIdle;
                if (fi !== undefined) first = fi - w.__bench.t0;
                if (m.isSourceLoaded('incidents') && m.areTilesLoaded()) resolve([first, t]);
                else m.once('idle', done);
              };
              m.once('idle', done);
              (m as unknown as { triggerRepaint(): void }).triggerRepaint();
            } else setTimeout(tick, 20);
          };
          tick();
        }),
    );
    const genMs = await page.evaluate(
      () => (window as unknown as { __bench: { genMs: number } }).__bench.genMs,
    );
    log(
      `  ${mode} n=${n}: generated in ${Math.round(genMs)} ms, first idle ${Math.round(firstIdleMs)} ms, all loaded ${Math.round(idleMs)} ms`,
    );
    const floor = await repaintFloor(page);
    const runs = 15;
    const budget = n >= 1_000_000 ? 60_000 : 30_000;
    const actorOverview = await series(page, mode, 'actor', runs, budget, log);
    const dateOverview = await series(page, mode, 'date', runs, budget, log);
    await page.evaluate(() => {
      const m = (window as unknown as { __bench: { map: { jumpTo(o: object): void } } }).__bench.map;
      m.jumpTo({ center: [-4.18, 14.48], zoom: 7 });
    });
    await whenIdle(page);
    const actorZoomed = await series(page, mode, 'actor', runs, budget, log);
    const dateZoomed = await series(page, mode, 'date', runs, budget, log);
    // long tasks while panning (at zoom 7)
    const pan = await page.evaluate(async () => {
      const tasks: number[] = [];
      const obs = new PerformanceObserver((l) => l.getEntries().forEach((e) => tasks.push(e.duration)));
      obs.observe({ type: 'longtask' });
      const m = (
        window as unknown as {
          __bench: {
            map: { panBy(o: [number, number], opt: object): void; once(e: string, f: () => void): void };
          };
        }
      ).__bench.map;
      for (let i = 0; i < 12; i++) {
        const done = new Promise<void>((r) => m.once('moveend', () => r()));
        m.panBy([i % 4 < 2 ? 300 : -300, i % 2 ? 120 : -120], { duration: 250 });
        await done;
      }
      // until the last window is in and drawn
      const hook = (window as unknown as { __sahel?: { pendingWindows?: number } }).__sahel;
      while (hook?.pendingWindows) await new Promise((r) => setTimeout(r, 20));
      await new Promise<void>((r) => {
        m.once('idle', () => r());
        (m as unknown as { triggerRepaint(): void }).triggerRepaint();
      });
      obs.disconnect();
      return { count: tasks.length, blocking: tasks.reduce((s, d) => s + Math.max(0, d - 50), 0) };
    });
    const heapMB = await page.evaluate(() => {
      const mem = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
      return mem ? Math.round(mem.usedJSHeapSize / 1048576) : NaN;
    });
    const row: MapBenchRow = {
      n,
      mode,
      genMs: Math.round(genMs),
      firstIdleMs: Math.round(firstIdleMs),
      idleMs: Math.round(idleMs),
      repaintFloor: floor,
      actorOverview,
      dateOverview,
      actorZoomed,
      dateZoomed,
      panLongTasks: pan.count,
      panBlockingMs: Math.round(pan.blocking),
      heapMB,
    };
    log(`  ${JSON.stringify(row)}`);
    return row;
  } finally {
    await browser.close();
  }
}

export async function runMapBench(
  opts: { sizes?: number[]; modes?: Mode[]; log?: (s: string) => void } = {},
): Promise<MapBenchResult> {
  const log = opts.log ?? ((s: string) => console.log(s));
  const sizes = opts.sizes ?? [10_000, 100_000, 1_000_000];
  const modes = opts.modes ?? ['app', 'naive'];
  log('map bench: building the app and the bench page');
  await build({
    configFile: 'vite.config.ts',
    logLevel: 'warn',
    publicDir: false,
    build: { outDir: `${OUT}-app` },
  });
  const bundle = bundleSize(`${OUT}-app/assets`);
  rmSync(`${OUT}-app`, { recursive: true, force: true });
  await buildBenchPage(OUT);
  const { server, url } = await serveBenchPage(OUT);
  const rows: MapBenchRow[] = [];
  try {
    for (const n of sizes) for (const mode of modes) rows.push(await benchOne(url, n, mode, log));
  } finally {
    await server.close();
  }
  return { bundle, rows };
}

export function formatMapBench(r: MapBenchResult): string {
  const lat = (l: Series) =>
    `${l.main.median}/${l.main.p95} · ${l.idle.median}/${l.idle.p95} (${l.frames.median}/${l.frames.p95} fr)`;
  const lines = [
    `JS bundle without data (gzip): main ${r.bundle.mainJsGzipKB} KB + MapLibre worker ${r.bundle.workerGzipKB} KB; CSS ${r.bundle.cssGzipKB} KB`,
    'Latencies in ms as median/p95: main-thread work · until the map is idle again (includes worker and CPU rendering),',
    'then the frames MapLibre drew until idle (median/p95). MAP_BENCH_EVENTS=1 logs the first two changes of each series.',
    '',
    '| n | approach | first idle · all loaded | repaint floor | actor, overview | date, overview | actor, zoom 7 | date, zoom 7 | pan: long tasks (blocking ms) | heap MB |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...r.rows.map(
      (x) =>
        `| ${x.n} | ${x.mode === 'naive' ? 'naive setData' : x.mode} | ${x.firstIdleMs} · ${x.idleMs} | ${x.repaintFloor.median} | ${lat(x.actorOverview)} | ${lat(x.dateOverview)} | ${lat(x.actorZoomed)} | ${lat(x.dateZoomed)} | ${x.panLongTasks} (${x.panBlockingMs}) | ${x.heapMB} |`,
    ),
  ];
  return lines.join('\n');
}

if (process.argv[1]?.endsWith('tests/bench/map/run.ts') && /^(-h|--help)$/.test(process.argv[2] ?? '')) {
  console.log(`Map benchmark (not part of npm test): seeded synthetic incident sets in headless Chromium.

Usage: npx tsx tests/bench/map/run.ts [SIZES] [MODES]
  SIZES  comma-separated incident counts, default 10000,100000,1000000
  MODES  comma-separated: app (the map as shipped), naive (setData on every change); default app,naive

Prints time to first idle, filter-change latency (median/p95, main thread and until idle) for actor and date
changes at the Sahel overview and at zoom 7, main-thread blocking while panning, heap, and the bundle size.
See docs/map-data.md for the figures.`);
  process.exit(0);
}
if (process.argv[1]?.endsWith('tests/bench/map/run.ts')) {
  const sizes = (process.argv[2] ?? '10000,100000,1000000').split(',').map(Number);
  const modes = (process.argv[3] ?? 'app,naive').split(',') as Mode[];
  const result = await runMapBench({ sizes, modes });
  const text = formatMapBench(result);
  console.log(`\n${text}`);
  mkdirSync('.cache', { recursive: true });
  writeFileSync('.cache/bench-map.json', JSON.stringify(result, null, 2));
  writeFileSync('.cache/bench-map.md', text + '\n');
}
