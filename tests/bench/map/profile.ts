// Where a filter change's time goes: the bench page (?n=&mode=app) in Chromium, a trace over a few filter changes,
// busy time per thread (main, MapLibre workers, compositor, GPU) and the functions with the most self time.
// Run: npx tsx tests/bench/map/profile.ts [n=100000] [actor|date] [overview|zoomed] [runs=5] [--no-build]
// Builds the bench page into .cache/bench-map-prof (not the bench's own folder, so both can run).

import { readFileSync } from 'node:fs';
import { launchChromium } from '../../e2e/helpers.ts';
import { buildBenchPage, serveBenchPage } from './bench-page.ts';
import { TRACE_CATEGORIES, summarize, type Trace } from './trace-summary.ts';
import { layerFrameCosts, repaintToIdle } from './frame-costs.ts';

const OUT = '.cache/bench-map-prof';

if (process.argv.includes('--help') || process.argv.includes('-h')) {
  console.log(`Map filter-change profile (not part of npm test): a Chromium trace over a few filter changes of the
bench page, with busy time per thread and the functions with the most self time.

Usage: npx tsx tests/bench/map/profile.ts [n=100000] [actor|date] [overview|zoomed] [runs=5] [options]
  --no-build     reuse the bench page already built in ${OUT}
  --summarize    only summarize the last trace (.cache/profile-trace.json)
  --layers, --plain, --exp, --trace, --drop=LAYER   experiments described in docs/map-data.md`);
  process.exit(0);
}
const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const n = Number(args[0] ?? 100_000);
const change = (args[1] ?? 'actor') as 'actor' | 'date';
const where = args[2] ?? 'overview';
const runs = Number(args[3] ?? 5);

if (process.argv.includes('--summarize')) {
  summarize(JSON.parse(readFileSync('.cache/profile-trace.json', 'utf8')) as Trace);
  process.exit(0);
}
if (!process.argv.includes('--no-build')) await buildBenchPage(OUT);

const { server, url } = await serveBenchPage(OUT);
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.on('pageerror', (e) => console.log(`page error: ${e.message}`));
  page.on('console', (m) => m.type() === 'log' && console.log(`page: ${m.text()}`));
  await page.addInitScript('globalThis.__name = (f) => f');
  await page.goto(`${url}bench.html?n=${n}&mode=app`, { timeout: 300_000 });
  await page.waitForFunction(
    () => {
      const h = (window as unknown as { __sahel?: { attached?: boolean; firstIdle?: number } }).__sahel;
      return h?.attached && h.firstIdle !== undefined;
    },
    undefined,
    { timeout: 300_000, polling: 100 },
  );
  const idle = () => repaintToIdle(page, '__sahel');
  await idle();
  await page.waitForTimeout(3000);
  await idle();
  if (where === 'zoomed') {
    await page.evaluate(() =>
      (window as unknown as { __sahel: { map: { jumpTo(o: object): void } } }).__sahel.map.jumpTo({
        center: [-4.18, 14.48],
        zoom: 7,
      }),
    );
    await page.waitForTimeout(500);
    await idle();
    await page.waitForTimeout(3000);
    await idle();
  }
  if (process.argv.includes('--layers')) {
    // the cost of one frame (until the next animation frame after it: the canvas is read back there), with every
    // layer and with each layer hidden in turn
    const costs = await layerFrameCosts(page);
    for (const [id, ms] of costs) console.log(`  frame without ${id.padEnd(24)} ${ms} ms`);
  }
  if (process.argv.includes('--exp')) {
    if (process.argv.includes('--trace'))
      await browser.startTracing(page, {
        path: '.cache/profile-trace.json',
        categories: [
          'devtools.timeline',
          'toplevel',
          'disabled-by-default-v8.cpu_profiler',
          'blink.user_timing',
        ],
      });
    // the map alone: setFilter on the three point layers vs a global-state filter reloaded through the style
    const out = await page.evaluate(async () => {
      const m = (window as unknown as { __sahel: { map: import('maplibre-gl').Map } }).__sahel.map;
      const actors = ['|JNIM|', '|Wagner Group|', '|Military Forces of Mali|', '|France|', '|AQIM|'];
      const base: Record<string, unknown> = {
        'incident-points': ['!', ['has', 'count']],
        'incident-approx': ['all', ['==', ['get', 'gp'], 2]],
        'incident-outer': ['all', ['in', ['get', 'mod'], ['literal', ['claimed', 'alleged']]]],
      };
      const one = async (f: () => void) => {
        const t0 = performance.now();
        let renders = 0;
        const onR = () => renders++;
        m.on('render', onR);
        const idle = new Promise<void>((r) => m.once('idle', () => r()));
        f();
        await idle;
        m.off('render', onR);
        return `${Math.round(performance.now() - t0)}(${renders})`;
      };
      const res: string[] = [];
      for (let k = 0; k < 6; k++)
        res.push(
          await one(() => {
            for (const [id, b] of Object.entries(base))
              m.setFilter(id, ['all', b, ['in', actors[k % 5]!, ['get', 'act']]] as never);
          }),
        );
      const A = res.join(' ');
      res.length = 0;
      const style = (m as unknown as { style: { setGlobalStateProperty(n: string, v: unknown): void } })
        .style;
      const n = (window as unknown as { __sahel: { app: { data: { ix: { n: number } } } } }).__sahel.app.data
        .ix.n;
      const mask = (k: number) => {
        const a = new Array<number>(n);
        for (let i = 0; i < n; i++) a[i] = Math.imul(i + k * 7919, 0x9e3779b1) >>> 29 < 3 ? 1 : 0;
        return a;
      };
      style.setGlobalStateProperty('mask', mask(0));
      const pass = ['in', 1, ['slice', ['global-state', 'mask'], ['get', 'fid'], ['+', ['get', 'fid'], 1]]];
      for (const [id, b] of Object.entries(base)) m.setFilter(id, ['all', b, pass] as never);
      await new Promise<void>((r) => m.once('idle', () => r()));
      const masks = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map(mask);
      for (let k = 0; k < 6; k++)
        res.push(
          await one(() => {
            const a = performance.now();
            style.setGlobalStateProperty('mask', masks[k]);
            res.push(`sync ${Math.round(performance.now() - a)}`);
          }),
        );
      const B = res.join(' ');
      res.length = 0;
      if (!location.search.includes('both')) return `setFilter: ${A}\nmask via style: ${B}`;
      for (let k = 6; k < 12; k++) res.push(await one(() => m.setGlobalStateProperty('mask', masks[k])));
      const t0 = performance.now();
      const arr = Array.from(new Uint8Array(n));
      const t1 = performance.now();
      void arr;
      return `setFilter: ${A}\nmask via style: ${B}\nmask via map: ${res.join(' ')}\nArray.from ${n}: ${Math.round(t1 - t0)} ms`;
    });
    console.log(out);
    if (process.argv.includes('--trace')) {
      await browser.stopTracing();
      summarize(JSON.parse(readFileSync('.cache/profile-trace.json', 'utf8')) as Trace);
    }
    process.exit(0);
  }
  if (process.argv.includes('--plain')) {
    const t = await measure(page, change, runs, 0);
    console.log(
      `n=${n} ${change} ${where}: main · idle`,
      t.map((x) => x.map(Math.round).join(' · ')).join(', '),
    );
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const heap = async () =>
      Math.round(
        ((await cdp.send('Performance.getMetrics')).metrics.find((x) => x.name === 'JSHeapUsedSize')?.value ??
          NaN) / 1048576,
      );
    const before = await heap();
    await cdp.send('HeapProfiler.collectGarbage');
    console.log(`JS heap ${before} MB, ${await heap()} MB after GC`);
    process.exit(0);
  }
  const drop = process.argv.find((a) => a.startsWith('--drop='))?.slice(7);
  if (drop) {
    const t = await measure(page, change, runs, 100);
    console.log(`before dropping: main · idle`, t.map((x) => x.map(Math.round).join(' · ')).join(', '));
    await page.evaluate((ids) => {
      const m = (window as unknown as { __sahel: { map: import('maplibre-gl').Map } }).__sahel.map;
      for (const id of ids.split(',')) m.removeLayer(id);
    }, drop);
    await idle();
    await page.waitForTimeout(2000);
    const t2 = await measure(page, change, runs, 200);
    console.log(
      `after dropping ${drop}: main · idle`,
      t2.map((x) => x.map(Math.round).join(' · ')).join(', '),
    );
    process.exit(0);
  }
  await browser.startTracing(page, {
    path: '.cache/profile-trace.json',
    categories: TRACE_CATEGORIES,
  });
  const times = await measure(page, change, runs, 0);
  await browser.stopTracing();
  console.log(
    `n=${n} ${change} ${where}: main · idle ms per change:`,
    times.map((t) => t.map(Math.round).join(' · ')).join(', '),
  );
  summarize(JSON.parse(readFileSync('.cache/profile-trace.json', 'utf8')) as Trace);
} finally {
  await browser.close();
  await server.close();
}

async function measure(
  page: import('playwright-core').Page,
  change: string,
  runs: number,
  k0: number,
): Promise<number[][]> {
  const times: number[][] = [];
  for (let k = 0; k < runs; k++) {
    times.push(
      await page.evaluate(
        async ({ change, k }) => {
          const actors = ['JNIM', 'Wagner Group', 'Military Forces of Mali', 'France', 'AQIM'];
          const day = (d: number) =>
            new Date(Date.UTC(2014, 0, 1) + d * 86_400_000).toISOString().slice(0, 10);
          const w = window as unknown as {
            __sahel: {
              map: { once(e: string, cb: () => void): void };
              app: { filters: { actors: string[]; dateFrom: string | null; dateTo: string | null } };
            };
          };
          const m = w.__sahel.map as unknown as {
            once(e: string, cb: () => void): void;
            on(e: string, cb: () => void): void;
            off(e: string, cb: () => void): void;
          };
          const t0 = performance.now();
          const frames: number[] = [];
          const onRender = () => frames.push(Math.round(performance.now() - t0));
          m.on('render', onRender);
          const onData = (e: {
            sourceId?: string;
            sourceDataType?: string;
            tile?: { tileID: { canonical: { z: number; x: number; y: number } } };
            isSourceLoaded?: boolean;
          }) => {
            if (e.sourceId)
              frames.push(
                `${e.sourceId}:${e.sourceDataType ?? ''}${e.tile ? `:${e.tile.tileID.canonical.z}/${e.tile.tileID.canonical.x}/${e.tile.tileID.canonical.y}` : ''}@${Math.round(performance.now() - t0)}` as unknown as number,
              );
          };
          (m as unknown as { on(e: string, f: typeof onData): void }).on('sourcedata', onData);
          const idle = new Promise<void>((r) => m.once('idle', () => r()));
          performance.mark(`change-${k}`);
          if (change === 'actor') w.__sahel.app.filters.actors = [actors[k % actors.length]!];
          else {
            w.__sahel.app.filters.dateFrom = day(k * 30);
            w.__sahel.app.filters.dateTo = day(k * 30 + 365);
          }
          await Promise.resolve();
          await Promise.resolve();
          const main = performance.now() - t0;
          await idle;
          m.off('render', onRender);
          (m as unknown as { off(e: string, f: typeof onData): void }).off('sourcedata', onData);
          console.log(`renders at ${frames.join(' ')}`);
          return [main, performance.now() - t0];
        },
        { change, k: k + k0 },
      ),
    );
  }
  return times;
}
