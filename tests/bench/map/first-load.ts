// First load of a real build's output in Chromium: from navigation to the map's first idle with the data drawn
// ("idle": the bench's repaint after the map reads as loaded; "first idle": the map's own first idle after the data
// went in; "all in": the side panels drawn and the risk rows in, which come after the first drawing since stop 22),
// the JS heap then (at "all in") (used, and after a forced GC), and the data bytes fetched (on the wire and decoded). Prints
// figures; asserts nothing. `--root` builds and serves another checkout's app (an export of an earlier commit,
// with its own vite.config.ts) on the same data folder, for before and after figures.
// Run: npx tsx tests/bench/map/first-load.ts --data DIR [--root DIR] [--runs 2] [--timeline]
// (--timeline prints every map render and source update until idle, --why also what asked for each frame; --layers, the cost of a frame without each
// layer after idle; --dom, elements per part of the page; --trace, busy time per thread and what runs when;
// --profile, an unminified build's main-thread JS self time by function)

import { mkdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { build, preview } from 'vite';
import { launchChromium } from '../../e2e/helpers.ts';
import { TRACE_CATEGORIES, busyTimeline, summarize, type Trace } from './trace-summary.ts';
import { layerFrameCosts, repaintToIdle } from './frame-costs.ts';

interface Figures {
  /** Navigation to: the last data response, the app ready (indexed), the map idle. */
  dataMs: number;
  readyMs: number;
  idleMs: number;
  /** The map's first idle after the data went in (test-hook.ts: firstIdle), before the bench's own repaint. */
  firstIdleMs: number;
  /** Everything in: the side panels drawn and the risk rows in the table (both after the first drawing since 12). */
  allInMs: number;
  heapMB: number;
  heapAfterGcMB: number;
  dataWireMB: number;
  dataDecodedMB: number;
  requests: number;
  /** The app's own marks (src/app/state/app.svelte.ts): fetched, checked, indexed. */
  marks: string;
}

async function measure(
  url: string,
  timeline = false,
  profile = false,
  trace = false,
  dom = false,
  layers = false,
  why = false,
): Promise<Figures> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
    await page.addInitScript('globalThis.__name = (f) => f');
    // when the data are indexed and the app says ready (before MapLibre has drawn them)
    await page.addInitScript(() => {
      const t = setInterval(() => {
        if (!document.querySelector('.app[data-status="ready"]')) return;
        (window as unknown as { __readyAt: number }).__readyAt = performance.now();
        clearInterval(t);
      }, 10);
    });
    if (timeline) {
      // what the map draws until idle: each render (start-end of MapLibre's frame) and each source's data, in ms
      // from navigation; with `why`, what asked for each frame (the first repaint request after a frame: its
      // callers, from an unminified build)
      await page.addInitScript((why: boolean) => {
        type TimelineMap = {
          on(e: string, f: (e: { sourceId?: string; sourceDataType?: string; tile?: unknown }) => void): void;
          triggerRepaint(): void;
          _render(t?: number): unknown;
        };
        const w = window as unknown as { __sahel?: { map: TimelineMap }; __timeline: string[] };
        w.__timeline = [];
        const at = () => Math.round(performance.now());
        // web fonts done loading (each can re-lay out the whole page)
        document.fonts.addEventListener('loadingdone', () => w.__timeline.push(`font@${at()}`));
        const ready = setInterval(() => {
          if (!document.querySelector('.app[data-status="ready"]')) return;
          clearInterval(ready);
          w.__timeline.push(`ready@${at()}`);
        }, 10);
        const t = setInterval(() => {
          const m = w.__sahel?.map;
          if (!m) return;
          clearInterval(t);
          const render = m._render.bind(m);
          let asked = false;
          m._render = (x?: number) => {
            const t0 = at();
            asked = false;
            const r = render(x);
            w.__timeline.push(`R${t0}-${at()}`);
            return r;
          };
          if (why) {
            // the app's calls into the map: data sent per source, feature states (a burst counts once a frame)
            const mm = m as unknown as {
              getStyle(): { sources: Record<string, unknown> };
              getSource(id: string): { setData?(d: unknown): unknown } | undefined;
              setFeatureState(...a: unknown[]): unknown;
            };
            for (const id of Object.keys(mm.getStyle().sources)) {
              const src = mm.getSource(id);
              if (!src?.setData) continue;
              const setData = src.setData.bind(src);
              src.setData = (d: unknown) => {
                w.__timeline.push(`setData:${id}@${at()}`);
                return setData(d);
              };
            }
            const setFeatureState = mm.setFeatureState.bind(mm);
            let fsLogged = false;
            mm.setFeatureState = (...a: unknown[]) => {
              if (!fsLogged) {
                fsLogged = true;
                w.__timeline.push(`featureState@${at()}`);
                setTimeout(() => (fsLogged = false), 0);
              }
              return setFeatureState(...a);
            };
            const repaint = m.triggerRepaint.bind(m);
            m.triggerRepaint = () => {
              if (!asked) {
                asked = true;
                const frames = (new Error().stack ?? '')
                  .split('\n')
                  .slice(2, 7)
                  .map((l) =>
                    l
                      .trim()
                      .replace(/^at /, '')
                      .replace(/ \(.*$/, ''),
                  )
                  .filter((l) => l && !l.startsWith('http'));
                w.__timeline.push(`ask@${at()}[${frames.join('<')}]`);
              }
              repaint();
            };
          }
          m.on('resize', () => {
            const c = (m as unknown as { getCanvas(): HTMLCanvasElement }).getCanvas();
            w.__timeline.push(`resize:${c.clientWidth}x${c.clientHeight}@${at()}`);
          });
          const c0 = (m as unknown as { getCanvas(): HTMLCanvasElement }).getCanvas();
          w.__timeline.push(`canvas:${c0.clientWidth}x${c0.clientHeight}@${at()}`);
          m.on('sourcedata', (e) => {
            if (e.sourceId && (e.tile || e.sourceDataType === 'content'))
              w.__timeline.push(`${e.sourceId}${e.tile ? '' : ':content'}@${at()}`);
          });
        }, 5);
      }, why);
    }
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    if (profile) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
      await cdp.send('Profiler.start');
    }
    const tracePath = '.cache/first-load-trace.json';
    if (trace)
      await browser.startTracing(page, {
        path: tracePath,
        categories: TRACE_CATEGORIES,
      });
    await page.goto(url, { timeout: 600_000 });
    // polled every 100 ms: a locator's waitFor checks visibility on every animation frame, 0.4 s of the page's
    // main thread over a 20k-article load
    await page.waitForFunction(
      () => !!document.querySelector('.app[data-status="ready"], .app[data-status="error"]'),
      undefined,
      { timeout: 600_000, polling: 100 },
    );
    // idle with everything drawn: the map is attached, loaded, and a repaint ends in 'idle'
    await page.waitForFunction(
      () => {
        const w = window as unknown as { __sahel?: { attached?: boolean; map: { loaded(): boolean } } };
        return !!w.__sahel?.attached && w.__sahel.map.loaded();
      },
      undefined,
      { timeout: 600_000, polling: 50 },
    );
    const idleMs = (await repaintToIdle(page, '__sahel')).idle;
    // the panels and the risk rows come after the map's first drawing (an app from before has them with the data)
    const [firstIdleMs, allInMs] = await page.evaluate(async () => {
      type Hook = { firstIdle?: number; app: { panels?: boolean; riskStatus?: string } };
      const h = (window as unknown as { __sahel: Hook }).__sahel;
      for (;;) {
        if (h.app.panels !== false && h.app.riskStatus !== 'loading') break;
        await new Promise((r) => setTimeout(r, 20));
      }
      // drawn: after the next frame
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      return [h.firstIdle ?? NaN, performance.now()];
    });
    if (trace) {
      await browser.stopTracing();
      const t = JSON.parse(readFileSync(tracePath, 'utf8')) as Trace;
      busyTimeline(t);
      summarize(t, 'no mark: from the first event');
    }
    if (profile) {
      const { profile: p } = (await cdp.send('Profiler.stop')) as unknown as {
        profile: {
          nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
          samples: number[];
          timeDeltas: number[];
        };
      };
      const name = new Map(
        p.nodes.map((n) => [
          n.id,
          `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`,
        ]),
      );
      const self = new Map<string, number>();
      p.samples.forEach((id, i) => {
        const k = name.get(id)!;
        self.set(k, (self.get(k) ?? 0) + (p.timeDeltas[i] ?? 0) / 1000);
      });
      console.log('  main-thread JS self time (ms), navigation to idle:');
      for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 30))
        console.log(`  ${v.toFixed(0).padStart(7)}  ${k}`);
    }
    if (layers)
      for (const [id, ms] of await layerFrameCosts(page))
        console.log(`  frame without ${id.padEnd(24)} ${ms} ms`);
    if (dom) {
      // how many elements each part of the page holds (layout cost grows with them)
      const parts = await page.evaluate(() => {
        const out: Record<string, number> = {};
        for (const el of document.querySelectorAll('*')) {
          const host = el.closest('section, aside, header, footer, nav, .map') ?? document.body;
          const k = `${host.tagName.toLowerCase()}${host.className ? `.${String(host.className).split(' ')[0]}` : ''}${host.getAttribute('aria-labelledby') ? `[${host.getAttribute('aria-labelledby')}]` : ''}`;
          out[k] = (out[k] ?? 0) + 1;
        }
        return out;
      });
      console.log(
        `  elements: ${Object.entries(parts)
          .sort((a, b) => b[1] - a[1])
          .map(([k, v]) => `${k} ${v}`)
          .join(', ')}`,
      );
    }
    if (timeline) {
      const tl = await page.evaluate(() => (window as unknown as { __timeline: string[] }).__timeline);
      console.log(`  ${tl.filter((x) => x.startsWith('R')).length} renders: ${tl.join(' ')}`);
      // each data file: requested-received (ms from navigation), kB on the wire / decoded
      const files = await page.evaluate(() =>
        performance
          .getEntriesByType('resource')
          .filter((e) => new URL(e.name).pathname.includes('/data/'))
          .map((e) => {
            const r = e as PerformanceResourceTiming;
            return `${new URL(r.name).pathname.replace(/^.*\/data\//, '')}@${Math.round(r.startTime)}-${Math.round(r.responseEnd)} (${Math.round(r.transferSize / 1000)}/${Math.round(r.decodedBodySize / 1000)} kB)`;
          }),
      );
      console.log(`  files: ${files.join(' ')}`);
    }
    const marks = await page.evaluate(() =>
      performance
        .getEntriesByType('mark')
        .filter((m) => m.name.startsWith('sahel:'))
        .map((m) => `${m.name.slice(6)} ${(m.startTime / 1000).toFixed(2)} s`)
        .join(', '),
    );
    const [readyMs, dataMs] = await page.evaluate(() => [
      (window as unknown as { __readyAt?: number }).__readyAt ?? NaN,
      Math.max(
        0,
        ...performance
          .getEntriesByType('resource')
          .filter((e) => new URL(e.name).pathname.includes('/data/'))
          .map((e) => (e as PerformanceResourceTiming).responseEnd),
      ),
    ]);
    const heap = async () => {
      const { metrics } = await cdp.send('Performance.getMetrics');
      return (metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN) / 1048576;
    };
    const heapMB = await heap();
    await cdp.send('HeapProfiler.collectGarbage');
    const heapAfterGcMB = await heap();
    const net = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .filter((e) => new URL(e.name).pathname.includes('/data/'))
        .map((e) => [
          (e as PerformanceResourceTiming).transferSize,
          (e as PerformanceResourceTiming).decodedBodySize,
        ]),
    );
    return {
      dataMs: dataMs!,
      readyMs: readyMs!,
      idleMs,
      firstIdleMs,
      allInMs,
      heapMB,
      heapAfterGcMB,
      dataWireMB: net.reduce((s, [w]) => s + w!, 0) / 1e6,
      dataDecodedMB: net.reduce((s, [, d]) => s + d!, 0) / 1e6,
      requests: net.length,
      marks,
    };
  } finally {
    await browser.close();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      data: { type: 'string' },
      root: { type: 'string', default: resolve(import.meta.dirname, '../../..') },
      runs: { type: 'string', default: '2' },
      timeline: { type: 'boolean', default: false },
      profile: { type: 'boolean', default: false },
      trace: { type: 'boolean', default: false },
      dom: { type: 'boolean', default: false },
      layers: { type: 'boolean', default: false },
      why: { type: 'boolean', default: false },
    },
  });
  if (!values.data) throw new Error('--data DIR: a build:data output folder');
  const root = resolve(values.root);
  const out = resolve(`.cache/bench-first-load-${process.pid}`);
  rmSync(out, { recursive: true, force: true });
  await build({
    root,
    configFile: join(root, 'vite.config.ts'),
    logLevel: 'warn',
    publicDir: false,
    mode: 'test', // keeps the window.__sahel hook
    build: {
      outDir: out,
      emptyOutDir: true,
      ...(values.profile || values.trace || values.why ? { minify: false } : {}),
    },
  });
  mkdirSync(out, { recursive: true });
  symlinkSync(resolve(values.data), join(out, 'data'));
  const server = await preview({
    root,
    configFile: join(root, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir: out },
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
  });
  const url = server.resolvedUrls?.local[0];
  try {
    if (!url) throw new Error('preview server has no local URL');
    console.log(`first load of ${values.data} with the app of ${root}`);
    for (let r = 0; r < Number(values.runs); r++) {
      const load = loadavg()
        .map((x) => x.toFixed(2))
        .join(' ');
      const f = await measure(
        url,
        values.timeline || values.why,
        values.profile,
        values.trace,
        values.dom,
        values.layers,
        values.why,
      );
      console.log(
        `run ${r + 1}: data in ${(f.dataMs / 1000).toFixed(2)} s, ready ${(f.readyMs / 1000).toFixed(2)} s, ` +
          `idle ${(f.idleMs / 1000).toFixed(2)} s (first idle ${(f.firstIdleMs / 1000).toFixed(2)} s, all in ${(f.allInMs / 1000).toFixed(2)} s)  JS heap ${f.heapMB.toFixed(0)} MB ` +
          `(${f.heapAfterGcMB.toFixed(0)} MB after GC)  data ${f.requests} requests, ${f.dataWireMB.toFixed(1)} MB on the wire, ` +
          `${f.dataDecodedMB.toFixed(1)} MB decoded  load ${load}${f.marks ? `  (${f.marks})` : ''}`,
      );
    }
  } finally {
    await server.close();
    rmSync(out, { recursive: true, force: true });
  }
}

await main();
